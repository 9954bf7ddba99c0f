import BGSHSyntax

/// A command failed: the message, what it points at (when a word is at fault), and the exit status.
public struct CommandError: Error, Sendable, CustomStringConvertible {
    /// Lower-case, no final period: what failed, why, and how to fix it when known.
    public var message: String
    /// The word at fault, if any (else the whole command).
    public var span: Span?
    /// 1 by default; 2 for syntax errors found late (a sourced file), 3 for an unreachable backend,
    /// 4 for a rolled-back deployment.
    public var exitCode: Int32
    /// Diagnostics already printed (a sourced file's): the message adds nothing then.
    public var isAlreadyReported: Bool

    /// Creates an error.
    public init(_ message: String, span: Span? = nil, exitCode: Int32 = 1, isAlreadyReported: Bool = false) {
        self.message = message
        self.span = span
        self.exitCode = exitCode
        self.isAlreadyReported = isAlreadyReported
    }

    /// The message.
    public var description: String { message }
}
