/// What TAB offers for the word under the cursor.
public struct LineCompletion: Sendable, Equatable {
    /// Full replacements for the word, sorted.
    public var candidates: [String]
    /// Whether a unique candidate gets a space after it (not after a directory's `/`).
    public var appendsSpace: Bool

    /// Creates one.
    public init(candidates: [String], appendsSpace: Bool = true) {
        self.candidates = candidates
        self.appendsSpace = appendsSpace
    }
}

/// Whoever knows what can be typed: the line editor asks it on TAB. The editor defines this
/// protocol so that it never imports the shell (the executable adapts one to the other).
public protocol LineCompletionSource: AnyObject {
    /// Candidates for `word`, the text under the cursor, after `before` (the line up to the word).
    func complete(before: String, word: String) -> LineCompletion
}

/// The longest common prefix of some strings (by characters).
func longestCommonPrefix(_ strings: [String]) -> String {
    guard let firstString = strings.first else { return "" }
    var prefix = Substring(firstString)
    for s in strings.dropFirst() {
        while !s.hasPrefix(prefix) { prefix = prefix.dropLast() }
    }
    return String(prefix)
}
