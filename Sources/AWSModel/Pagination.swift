/// Every item of a paginated listing: calls `page` with the previous answer's token until the
/// answer has none.
/// - Parameter page: fetches one page: its items and the next token.
public func allPages<Item>(_ page: (String?) throws -> (items: [Item], next: String?)) rethrows -> [Item] {
    var items: [Item] = []
    var token: String?
    repeat {
        let answer = try page(token)
        items += answer.items
        token = answer.next
    } while token != nil
    return items
}
