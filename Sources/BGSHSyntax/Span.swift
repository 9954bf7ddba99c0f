/// A half-open range of UTF-8 byte offsets into a `SourceFile`'s text.
public struct Span: Hashable, Sendable {
    /// The offset of the first byte.
    public var start: Int
    /// The offset just past the last byte.
    public var end: Int

    /// Creates a span; `end` is clamped so that it never precedes `start`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest span that covers both.
    public func union(_ other: Span) -> Span {
        Span(start: min(start, other.start), end: max(end, other.end))
    }
}
