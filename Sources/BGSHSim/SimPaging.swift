import AWSModel

/// A describe call's "these, and fail on any that does not exist" filter.
enum SimSelect {
    /// The records whose key is among `wanted` (all of them when `wanted` is nil).
    /// - Throws: `notFound(key)` for the first wanted key no record has.
    static func records<T>(_ all: [T], _ wanted: [String]?, by key: (T) -> String?, notFound: (String) -> AWSError) throws -> [T] {
        guard let wanted else { return all }
        for w in wanted where !all.contains(where: { key($0) == w }) { throw notFound(w) }
        return all.filter { wanted.contains(key($0) ?? "") }
    }
}

/// AWS-style pagination over a listing: an opaque token and a page size.
enum SimPaging {
    /// One page of `items`.
    /// - Throws: `InvalidParameterException` for a token this listing did not hand out, or a bad size.
    static func page<Item, Output>(_ items: [Item], nextToken: String?, maxResults: Int?, limit: Int,
                                   make: ([Item], String?) -> Output) throws -> Output {
        let size = maxResults ?? limit
        guard size >= 1, size <= limit else {
            throw AWSError("InvalidParameterException", "maxResults must be between 1 and \(limit)")
        }
        var start = 0
        if let token = nextToken {
            guard token.hasPrefix("page-"), let n = Int(token.dropFirst(5)), n >= 0, n <= items.count else {
                throw AWSError("InvalidParameterException", "Invalid nextToken")
            }
            start = n
        }
        let end = min(items.count, start + size)
        return make(Array(items[start..<end]), end < items.count ? "page-\(end)" : nil)
    }
}
