/// An error that points at a place in a source: `FILE:LINE:COL: error: MESSAGE`.
public struct Diagnostic: Error, Sendable, CustomStringConvertible {
    /// Where the error is.
    public var source: SourceFile
    /// What it covers.
    public var span: Span
    /// Lower-case, no final period: what failed and why, and how to fix it when known.
    public var message: String
    /// True when more input could complete the text (an open quote, a trailing `\`):
    /// the interactive shell then reads a continuation line instead of reporting it.
    public var isIncomplete: Bool

    /// Creates a diagnostic.
    public init(_ message: String, at span: Span, in source: SourceFile, isIncomplete: Bool = false) {
        self.message = message
        self.span = span
        self.source = source
        self.isIncomplete = isIncomplete
    }

    /// `FILE:LINE:COL: error: MESSAGE`.
    public var description: String {
        let (line, column) = source.location(of: span.start)
        return "\(source.name):\(line):\(column): error: \(message)"
    }

    /// The description, then the source line and a caret line under the span (interactive use).
    /// A long line is cut to a window around the error so that the caret stays readable.
    public func rendered(withCaret: Bool) -> String {
        guard withCaret else { return description }
        let (_, column) = source.location(of: span.start)
        let scalars = Array(source.lineText(containing: span.start).unicodeScalars)
        let startIndex = min(column - 1, scalars.count)
        let spanLength = max(1, source.text(of: span).unicodeScalars.count)
        let window = 100
        let from = max(0, startIndex - window / 2)
        let to = min(scalars.count, from + window)
        var shown = String(String.UnicodeScalarView(scalars[from..<to]))
        var pad = startIndex - from
        if from > 0 { shown = "…" + shown; pad += 1 }
        if to < scalars.count { shown += "…" }
        let underline = "^" + String(repeating: "~", count: max(0, min(spanLength, to - startIndex) - 1))
        let visible = shown.unicodeScalars.map { $0 == "\t" ? " " : ($0.value < 0x20 ? "?" : Character($0)) }
        return description + "\n  " + String(visible) + "\n  " + String(repeating: " ", count: pad) + underline
    }
}
