import Foundation

/// An aws CLI config or credentials file: sections of `key = value`, with indented sub-keys
/// (`s3 =` followed by `  max_concurrent_requests = 10`), `#` and `;` comment lines.
public struct ConfigFile: Sendable, Equatable {
    /// Section name → key → value. Sub-keys are stored as `parent.child`.
    public var sections: [String: [String: String]] = [:]

    /// Parses a file's text; lines it cannot read are skipped, as botocore's parser skips them.
    public init(text: String) {
        var section: String?
        var parent: String?
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = String(raw)
            let trimmed = line.trimmedSpaces
            if trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed.hasPrefix(";") { continue }
            if trimmed.hasPrefix("[") {
                guard let close = trimmed.lastIndex(of: "]") else { section = nil; continue }
                let name = trimmed[trimmed.index(after: trimmed.startIndex)..<close].trimmedSpaces
                section = name
                parent = nil
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let section, let eq = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }) else { continue }
            let key = trimmed[..<eq].trimmedSpaces.lowercased()
            var value = trimmed[trimmed.index(after: eq)...].trimmedSpaces
            // An inline comment needs white space before it (`key = v # note`), as in botocore.
            for marker in [" #", " ;", "\t#", "\t;"] {
                if let r = value.range(of: marker) { value = value[..<r.lowerBound].trimmedSpaces }
            }
            let isIndented = line.first == " " || line.first == "\t"
            if isIndented, let parent {
                sections[section]?[parent + "." + key] = value
            } else {
                sections[section]?[key] = value
                parent = value.isEmpty ? key : nil
            }
        }
    }

    /// A section by its exact name.
    public subscript(section: String) -> [String: String]? { sections[section] }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmedSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
