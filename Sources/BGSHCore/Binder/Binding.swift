import BGSHSyntax

/// A word as the binder sees it: its text when known (always at run time; at check time only for
/// literals) and how it was written.
public struct BindWord: Sendable {
    /// The text, or nil when it depends on a variable not yet expanded.
    public var text: String?
    /// Where it was written.
    public var span: Span
    /// Written as a flag (`--name`), decided from the unexpanded word: a variable's value is never a flag.
    public var isFlagSyntax: Bool
    /// One unquoted piece of text (only such a word names a command).
    public var isBareText: Bool
    /// For `--name=$X`: the literal flag part when the value part is not yet known.
    public var flagPrefix: String?
    /// Written without variables (its text is known before running).
    public var isLiteral: Bool

    /// A word before expansion: only literal text is known.
    public init(unexpanded word: Word) {
        text = word.literalText
        span = word.span
        isFlagSyntax = word.isFlagSyntax
        isBareText = word.isBareText
        isLiteral = text != nil
        if text == nil, word.isFlagSyntax, case .text(let s, quoted: false)? = word.parts.first {
            flagPrefix = s
        }
    }

    /// A word after expansion.
    public init(word: Word, expanded: String) {
        text = expanded
        span = word.span
        isFlagSyntax = word.isFlagSyntax
        isBareText = word.isBareText
        isLiteral = word.literalText != nil
    }
}

/// One bound value with where it came from.
public struct BoundItem: Sendable {
    /// The typed value; nil while it depends on a variable (check time only).
    public var value: Value?
    /// The text as given (after expansion), nil while unknown.
    public var text: String?
    /// Where it was written.
    public var span: Span
}

/// A command line matched against the table.
public struct Binding: Sendable {
    /// The command.
    public var command: any Command.Type
    /// The command's path words.
    public var pathSpan: Span
    /// `--help` was given: show help instead of running.
    public var isHelp: Bool
    /// What `--help` asks about: the command's path, or a group's (`codedeploy --help`).
    public var helpPath: [String]
    /// Positional values by argument name (a variadic argument has several).
    public var arguments: [String: [BoundItem]]
    /// Option values by option name (a flag holds `.flag`).
    public var options: [String: [BoundItem]]
    /// The whole command.
    public var span: Span

    /// The spec.
    public var spec: CommandSpec { command.spec }
}

/// Why a command line does not fit the table; the message is ready for a diagnostic.
public struct BindError: Error, Sendable {
    /// Lower-case, no final period.
    public var message: String
    /// What it points at.
    public var span: Span
}
