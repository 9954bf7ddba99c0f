import AWSModel
import BGSHSyntax
import Foundation

/// Runs bgsh text: checks it against the command table, expands variables, binds, runs each
/// command, reports errors at their place and applies the error mode.
public final class Interpreter {
    /// The shell's state.
    public let session: Session
    /// The commands.
    public let table: CommandTable
    /// Files being run, innermost last (absolute paths): `source` refuses recursion with it.
    private var fileStack: [String] = []
    private var interactiveLine = 1

    /// Creates an interpreter.
    public init(session: Session, table: CommandTable) {
        self.session = session
        self.table = table
    }

    /// Where relative paths resolve: the folder of the runbook being run, else the working directory.
    public var baseDirectory: String {
        if let file = fileStack.last { return (file as NSString).deletingLastPathComponent }
        return session.workingDirectory
    }

    // MARK: checking

    /// Parses and binds a whole text without running anything (COMMANDS.md "Checked before running").
    /// - Returns: the commands, or every diagnostic found.
    public func check(_ source: SourceFile) -> Result<[ParsedCommand], Diagnostics> {
        let commands: [ParsedCommand]
        do {
            commands = try Parser.parse(source)
        } catch {
            return .failure(Diagnostics(all: [error]))
        }
        var diagnostics: [Diagnostic] = []
        for command in commands {
            do {
                _ = try Binder.bind(command.words.map(BindWord.init(unexpanded:)), in: table)
            } catch {
                diagnostics.append(Diagnostic(error.message, at: error.span, in: source))
            }
        }
        return diagnostics.isEmpty ? .success(commands) : .failure(Diagnostics(all: diagnostics))
    }

    // MARK: running

    /// Runs a runbook or `-c` text: checked whole first (status 2 and nothing runs on an error).
    /// - Parameters:
    ///   - source: the text.
    ///   - path: the runbook's absolute path (relative paths resolve against its folder), nil for `-c`.
    /// - Returns: the exit status.
    public func runScript(_ source: SourceFile, path: String?) -> Int32 {
        switch check(source) {
        case .failure(let diagnostics):
            report(diagnostics.all)
            return 2
        case .success(let commands):
            if let path { fileStack.append(path) }
            defer { if path != nil { fileStack.removeLast() } }
            return run(commands, in: source, isChecked: true).status
        }
    }

    /// Runs text that arrives as it is read (stdin): no look-ahead; the error mode decides
    /// whether a failure ends the input.
    /// - Returns: the status of the chunk and whether the shell should stop reading.
    public func runChunk(_ source: SourceFile) -> (status: Int32, shouldStop: Bool) {
        let commands: [ParsedCommand]
        do {
            commands = try Parser.parse(source)
        } catch {
            report([error])
            session.lastStatus = 2
            return (2, session.errorMode == .stop)
        }
        let outcome = run(commands, in: source)
        return (outcome.status, outcome.stopped || session.exitRequest != nil)
    }

    /// Whether interactive text is complete, or needs another line (an open quote, a trailing `\`).
    public func needsMoreInput(_ text: String) -> Bool {
        do {
            _ = try Parser.parse(SourceFile(name: "<stdin>", text: text))
            return false
        } catch {
            return error.isIncomplete
        }
    }

    /// Runs one interactive entry: errors are shown with a caret and never end the shell.
    /// It is kept for `history`, added to the runbook being recorded, and journaled.
    public func runInteractive(_ text: String) {
        let source = SourceFile(name: "<stdin>", text: text, firstLine: interactiveLine)
        session.typed.append((interactiveLine, text))
        interactiveLine += text.utf8.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let wasRecording = session.recording
        session.resolvedArns = []
        let (status, _) = runChunk(source)
        if let recording = session.recording, recording === wasRecording { recording.add(text, status: status) }
        Journal.append(text, status: status, session: session)
    }

    /// Runs parsed commands in order under the error mode.
    /// - Returns: the status (of the failure that stopped it, of the last failure under continue,
    ///   or of `exit`) and whether it stopped early.
    func run(_ commands: [ParsedCommand], in source: SourceFile, isChecked: Bool = false) -> (status: Int32, stopped: Bool) {
        var lastFailure: Int32 = 0
        for command in commands {
            if !session.isInteractive, session.takeInterrupt?() == true {
                session.out.writeError("interrupted: stopped before \(source.name):\(source.location(of: command.span.start).line); what ran before is done\n")
                session.exitRequest = 130
                return (130, true)
            }
            let status = execute(command, in: source, isChecked: isChecked)
            session.out.flush()
            if let code = session.exitRequest { return (code, true) }
            if status != 0 {
                lastFailure = status
                if session.errorMode == .stop { return (status, true) }
            }
        }
        return (lastFailure, false)
    }

    /// Expands, binds and runs one command; reports its error, sets `$?`.
    /// - Returns: its status.
    /// - Parameter isChecked: the text was checked whole before running (a runbook, `-c`), so the
    ///   words as written are known to bind; otherwise (stdin, interactive) they are checked here.
    public func execute(_ command: ParsedCommand, in source: SourceFile, isChecked: Bool = false) -> Int32 {
        if session.echoesCommands {
            session.out.writeError("+ " + source.text(of: command.span) + "\n")
        }
        let status: Int32
        do {
            // What is wrong as written (an unknown command or flag, a malformed literal) is a
            // usage error, status 2, even where nothing checked it ahead (stdin, interactive).
            if !isChecked {
                do {
                    _ = try Binder.bind(command.words.map(BindWord.init(unexpanded:)), in: table)
                } catch {
                    throw CommandError(error.message, span: error.span, exitCode: 2)
                }
            }
            var words: [BindWord] = []
            words.reserveCapacity(command.words.count)
            for word in command.words {
                words.append(BindWord(word: word, expanded: try Expander.expand(word, in: session)))
            }
            let binding: Binding
            do {
                binding = try Binder.bind(words, in: table)
            } catch {
                throw CommandError(error.message, span: error.span)
            }
            if binding.isHelp {
                session.out.write(try Help.render(binding.helpPath, table: table))
            } else {
                session.createDocument = nil
                let invocation = Invocation(session: session, interpreter: self, binding: binding,
                                            words: command.words, source: source)
                // What TAB offers is looked up again after anything that may have changed it
                // (whether it succeeded or not): one rule here, not one line per command.
                let spec = binding.command.spec
                defer { if spec.isMutating || [.blueGreen, .simulator].contains(spec.group) { session.completionCache.removeAll() } }
                try Interpreter.withScope(invocation) { try binding.command.run(invocation) }
            }
            status = 0
        } catch let error as CommandError {
            if !error.isAlreadyReported {
                report([Diagnostic(error.message, at: error.span ?? command.span, in: source)])
            }
            status = error.exitCode
        } catch let error as AWSError {
            report([Diagnostic("\(error.code): \(error.message)", at: command.span, in: source)])
            status = 1
        } catch let error as BackendUnavailable {
            report([Diagnostic(error.message, at: command.span, in: source)])
            status = 3
        } catch {
            report([Diagnostic("\(error)", at: command.span, in: source)])
            status = 1
        }
        session.lastStatus = status
        return status
    }

    /// Runs a command with its `--cluster`/`--service`/`--output` for it alone: the context is put
    /// back afterwards, whatever the command did or threw.
    static func withScope(_ invocation: Invocation, _ body: () throws -> Void) throws {
        if let format = invocation.string("output").flatMap(OutputFormat.init(rawValue:)) {
            let saved = invocation.session.outputFormat
            invocation.session.outputFormat = format
            defer { invocation.session.outputFormat = saved }
            return try withContext(invocation, body)
        }
        try withContext(invocation, body)
    }

    private static func withContext(_ invocation: Invocation, _ body: () throws -> Void) throws {
        guard invocation.spec.scope != .none else { return try body() }
        let cluster = invocation.string("cluster"), service = invocation.spec.scope == .service ? invocation.string("service") : nil
        guard cluster != nil || service != nil else { return try body() }
        let session = invocation.session
        let saved = (cluster: session.cluster, service: session.service)
        if let cluster, cluster != saved.cluster { session.cluster = cluster }  // another cluster: no service of it is selected
        if let service { session.service = service }
        defer {
            session.cluster = saved.cluster
            session.service = saved.service
        }
        try body()
    }

    // MARK: files

    /// Runs a file from `source FILE`: checked whole first, errors named with the inner file.
    /// - Throws: `CommandError` (already reported) with the file's status when it fails.
    public func runSourced(path: String, shownAs name: String) throws {
        let absolute = (path as NSString).standardizingPath
        if fileStack.contains(absolute) {
            let chain = (fileStack + [absolute]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → ")
            throw CommandError("source recursion: \(chain); a runbook cannot source itself, directly or through another")
        }
        guard let data = FileManager.default.contents(atPath: absolute) else {
            throw CommandError("cannot read '\(name)': no such file (paths are relative to \(baseDirectory))")
        }
        let source = SourceFile(name: name, bytes: Array(data))
        switch check(source) {
        case .failure(let diagnostics):
            report(diagnostics.all)
            throw CommandError("", exitCode: 2, isAlreadyReported: true)
        case .success(let commands):
            fileStack.append(absolute)
            defer { fileStack.removeLast() }
            let outcome = run(commands, in: source, isChecked: true)
            if outcome.status != 0, session.exitRequest == nil, outcome.stopped {
                throw CommandError("", exitCode: outcome.status, isAlreadyReported: true)
            }
        }
    }

    /// How a file path shows in diagnostics: relative to the folder it was given from.
    public func displayName(for path: String, as written: String) -> String {
        guard let outer = fileStack.last, !written.hasPrefix("/") else { return written }
        let folder = (outer as NSString).deletingLastPathComponent
        let cwd = session.workingDirectory
        if folder == cwd { return written }
        if folder.hasPrefix(cwd + "/") { return String(folder.dropFirst(cwd.count + 1)) + "/" + written }
        return path
    }

    // MARK: reporting

    /// Prints diagnostics on stderr (with a caret line interactively); at most 20, then a count.
    public func report(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics.prefix(20) {
            var text = diagnostic.rendered(withCaret: session.isInteractive)
            if session.usesColor, let range = text.range(of: ": error: ") {
                text.replaceSubrange(range, with: ": \u{1B}[1;31merror:\u{1B}[0m ")
            }
            session.out.writeError(text + "\n")
        }
        if diagnostics.count > 20 {
            session.out.writeError("… and \(diagnostics.count - 20) more errors\n")
        }
    }
}

/// Every diagnostic a check found.
public struct Diagnostics: Error, Sendable {
    /// In source order.
    public var all: [Diagnostic]
}
