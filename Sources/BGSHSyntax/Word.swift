/// One piece of a word: text as written (quoted or not) or a variable reference.
public enum WordPart: Hashable, Sendable {
    /// Literal text. `quoted` is true for text from quotes or a `\` escape: such text is never a flag
    /// or a subcommand name.
    case text(String, quoted: Bool)
    /// `$NAME`, `${NAME}` or `${NAME:-default}`.
    case variable(VariableReference)
}

/// A variable reference inside a word.
public struct VariableReference: Hashable, Sendable {
    /// The name: an identifier, a positional number (`1`), or `#`, `?`, `_`.
    public var name: String
    /// The parts of `${NAME:-default}`'s default, if one was given.
    public var defaultValue: [WordPart]?
    /// From `$` to the end of the reference.
    public var span: Span

    /// Creates a reference.
    public init(name: String, defaultValue: [WordPart]?, span: Span) {
        self.name = name
        self.defaultValue = defaultValue
        self.span = span
    }
}

/// A word of a command, before variable expansion.
public struct Word: Hashable, Sendable {
    /// Its parts in order.
    public var parts: [WordPart]
    /// Where it was written.
    public var span: Span

    /// Creates a word.
    public init(parts: [WordPart], span: Span) {
        self.parts = parts
        self.span = span
    }

    /// The word's text when it holds no variable reference (known before running).
    public var literalText: String? {
        var result = ""
        for part in parts {
            guard case .text(let s, _) = part else { return nil }
            result += s
        }
        return result
    }

    /// True when the word is one unquoted piece of text: only such a word names a command or
    /// subcommand, so `cluster 'list'` selects a cluster named list.
    public var isBareText: Bool {
        if parts.count == 1, case .text(_, quoted: false) = parts[0] { return true }
        return false
    }

    /// True when the word is written as a flag: it starts with an unquoted `-` that is not followed
    /// by a digit or `.` (so `-5%` is a value) and is not `-` alone.
    public var isFlagSyntax: Bool {
        guard case .text(let s, quoted: false)? = parts.first, s.hasPrefix("-") else { return false }
        let rest = s.utf8.dropFirst()
        guard let next = rest.first else { return parts.count > 1 }
        return !(next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")) && next != UInt8(ascii: ".")
    }

    /// The names of every variable the word refers to, defaults included.
    public var variableNames: [String] {
        func collect(_ parts: [WordPart], into names: inout [String]) {
            for part in parts {
                if case .variable(let ref) = part {
                    names.append(ref.name)
                    if let d = ref.defaultValue { collect(d, into: &names) }
                }
            }
        }
        var names: [String] = []
        collect(parts, into: &names)
        return names
    }
}

/// One command: its words, before expansion.
public struct ParsedCommand: Hashable, Sendable {
    /// The words in order; never empty.
    public var words: [Word]
    /// From the first word's start to the last word's end.
    public var span: Span

    /// Creates a command.
    public init(words: [Word]) {
        self.words = words
        self.span = words.dropFirst().reduce(words.first?.span ?? Span(start: 0, end: 0)) { $0.union($1.span) }
    }
}
