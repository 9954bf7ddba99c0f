import AWSModel
import BGSHSyntax

/// One command being run: its bound values, the session, and helpers every command shares
/// (typed accessors, dry-run, `$_`/`--as`, output, file paths).
public struct Invocation {
    /// The shell's state.
    public let session: Session
    /// The interpreter running it (for `source`, `help`).
    public let interpreter: Interpreter
    /// The bound words.
    public let binding: Binding
    /// The words as written, before expansion (`assert` tells `$X` from a keyword).
    public let words: [Word]
    /// The text it came from.
    public let source: SourceFile

    /// The spec of the command.
    public var spec: CommandSpec { binding.spec }

    // MARK: values

    /// The (first) value of an argument or option, as text.
    public func string(_ name: String) -> String? { item(name)?.text }

    /// Every value of a variadic argument or a repeatable option, as text.
    public func strings(_ name: String) -> [String] {
        (binding.arguments[name] ?? binding.options[name] ?? []).compactMap(\.text)
    }

    /// A boolean flag's value, or `defaultValue` when absent.
    public func flag(_ name: String, default defaultValue: Bool = false) -> Bool {
        if case .flag(let b)? = item(name)?.value { return b }
        return defaultValue
    }

    /// True when the argument or option was given.
    public func has(_ name: String) -> Bool { item(name) != nil }

    /// An integer value.
    public func integer(_ name: String) -> Int? {
        if case .integer(let n)? = item(name)?.value { return n }
        return nil
    }

    /// A duration value.
    public func duration(_ name: String) -> Duration? {
        if case .duration(let d)? = item(name)?.value { return d }
        return nil
    }

    /// A percentage value.
    public func percentage(_ name: String) -> Percentage? {
        if case .percentage(let p)? = item(name)?.value { return p }
        return nil
    }

    /// Where an argument or option's value was written (else the whole command).
    public func span(of name: String) -> Span {
        item(name)?.span ?? binding.span
    }

    private func item(_ name: String) -> BoundItem? {
        binding.arguments[name]?.first ?? binding.options[name]?.first
    }

    // MARK: failing

    /// An error that points at an argument's word (or the whole command).
    public func failure(_ message: String, at name: String? = nil, exitCode: Int32 = 1) -> CommandError {
        CommandError(message, span: name.map { span(of: $0) } ?? binding.span, exitCode: exitCode)
    }

    // MARK: effects

    /// The cloud of the current region.
    public func cloud() throws -> any Cloud { try session.cloud() }

    /// Makes a mutating call; under `--dry-run` (where the session's cloud prints it and answers
    /// with a placeholder) returns nil, so that the command produces its own placeholder.
    /// - Parameters:
    ///   - operation: `service:Operation`, e.g. `ecs:CreateCluster` (names the create whose
    ///     answer `--output json` prints).
    ///   - input: the request.
    ///   - call: the call, made on `invocation.cloud()`.
    public func mutate<Input: Encodable, Output>(_ operation: String, _ input: Input, _ call: () throws -> Output) throws -> Output? {
        let output = try call()
        // Under `--dry-run` the call went to the dry-run cloud, which printed it: its answer is a
        // placeholder the command replaces with its own (`producePlaceholder`).
        guard !session.isDryRun else { return nil }
        // The first create's answer is what `--output json` of a create prints (COMMANDS.md).
        let name = operation.split(separator: ":").last ?? ""
        if session.createDocument == nil, ["Create", "Register", "Put", "Allocate"].contains(where: { name.hasPrefix($0) }),
           let encodable = output as? any Encodable, let document = try? JSONValue.from(encodable) {
            session.createDocument = document
        }
        return output
    }

    /// Prints an id or ARN a create/register/`--get` produced and stores it in `$_` (and `--as`).
    public func produce(_ value: String) {
        session.remember(value, as: string("as"))
        if session.outputFormat == .json, let document = session.createDocument, string("get") == nil {
            session.out.write(document.rendered() + "\n")
            return
        }
        session.out.write(value + "\n")
    }

    /// Shows a view in the session's format.
    public func show(_ view: View) { session.show(view) }

    /// Asks for confirmation on a terminal; true without asking in runbooks or with `--yes`.
    public func confirmed(_ question: String) -> Bool {
        if session.assumesYes || !session.isInteractive { return true }
        guard let confirm = session.confirm else { return true }
        return confirm(question)
    }

    /// A path as the user wrote it, made absolute: relative to the runbook's folder in a runbook,
    /// else to the working directory.
    public func resolvePath(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path == "~" || path.hasPrefix("~/"), let home = session.environment["HOME"] {
            return home + path.dropFirst()
        }
        let base = interpreter.baseDirectory
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }
}
