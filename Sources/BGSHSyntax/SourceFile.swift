/// Text with a name (a runbook path, `<stdin>` or `<command line>`) that diagnostics point into.
public struct SourceFile: Sendable {
    /// How diagnostics name this source: a path as the user gave it, `<stdin>`, `<command line>`.
    public let name: String
    /// The text's UTF-8 bytes as read (they may be invalid UTF-8: the lexer reports that).
    public let bytes: [UInt8]
    /// The line number of the first line (an interactive entry counts on from earlier entries).
    public let firstLine: Int
    private let lineStarts: [Int]

    /// Creates a source from text.
    public init(name: String, text: String, firstLine: Int = 1) {
        self.init(name: name, bytes: Array(text.utf8), firstLine: firstLine)
    }

    /// Creates a source from raw bytes, as read from a file or a pipe.
    public init(name: String, bytes: [UInt8], firstLine: Int = 1) {
        self.name = name
        self.bytes = bytes
        self.firstLine = firstLine
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The text, with invalid UTF-8 repaired to U+FFFD.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The 1-based line and column of a byte offset; the column counts characters, not bytes.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let offset = min(max(0, offset), bytes.count)
        let index = lineIndex(of: offset)
        let start = lineStarts[index]
        let column = String(decoding: bytes[start..<offset], as: UTF8.self).unicodeScalars.count + 1
        return (firstLine + index, column)
    }

    /// The text of the line that holds `offset`, without its line break.
    public func lineText(containing offset: Int) -> String {
        let index = lineIndex(of: min(max(0, offset), bytes.count))
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The text a span covers.
    public func text(of span: Span) -> String {
        let s = min(max(0, span.start), bytes.count)
        let e = min(max(s, span.end), bytes.count)
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    private func lineIndex(of offset: Int) -> Int {
        // The last line start that is <= offset (binary search: runbooks may be long).
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }
}
