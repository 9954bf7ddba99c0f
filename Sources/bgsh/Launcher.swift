import AWSModel
import AWSWire
import BGSHCommands
import BGSHCore
import BGSHLineEditor
import BGSHSim
import BGSHSyntax
import Foundation

/// Wires the pieces from the launch flags and runs the REPL, a runbook, `-c` text or stdin.
struct Launcher {
    let options: LaunchOptions
    let environment: [String: String]

    static func defaultStatePath(_ environment: [String: String]) -> String {
        if let path = environment["BGSH_STATE"], !path.isEmpty { return path }
        return (environment["HOME"] ?? ".") + "/.bgsh/sim.db"
    }

    static func defaultRegion(_ flag: String?, _ environment: [String: String]) -> String {
        flag ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? "us-east-1"
    }

    static func fail(_ message: String, status: Int32) -> Int32 {
        FileHandle.standardError.write(Data(("bgsh: " + message + "\n").utf8))
        return status
    }

    static func makeBackend(name: String, statePath: String, debug: Bool = false, flags: AWSFlags = AWSFlags(),
                            environment: [String: String] = [:], prompt: (@Sendable (String) -> String?)? = nil) throws -> any Backend {
        switch name {
        case "sim":
            let backend = SimBackend(statePath: statePath)
            if debug {
                backend.debugLog = { line in FileHandle.standardError.write(Data(("debug: " + line + "\n").utf8)) }
            }
            return backend
        default:
            let backend = AWSBackend(environment: AWSEnvironment(variables: environment), flags: flags, prompt: prompt)
            if debug {
                backend.context.debugLog = { line in FileHandle.standardError.write(Data(("debug: " + line + "\n").utf8)) }
            }
            // Ctrl-C (or SIGTERM) abandons a request in flight at once.
            backend.context.isCancelled = { LineEditor.isInterruptPending }
            return backend
        }
    }

    func run() -> Int32 {
        let backendName = options.backend ?? environment["BGSH_BACKEND"] ?? "sim"
        guard ["sim", "aws"].contains(backendName) else {
            return Launcher.fail("BGSH_BACKEND must be sim or aws, not '\(backendName)'", status: 2)
        }
        let stdinIsTerminal = isatty(STDIN_FILENO) == 1
        let interactive = options.commands == nil && options.file == nil && stdinIsTerminal
        let backend: any Backend
        do {
            backend = try Launcher.makeBackend(
                name: backendName, statePath: options.state ?? Launcher.defaultStatePath(environment), debug: options.debug,
                flags: AWSFlags(profile: options.profile, region: options.region, endpointURL: options.endpointURL),
                environment: environment, prompt: stdinIsTerminal ? Launcher.askOnTerminal : nil)
        } catch {
            return Launcher.fail("\(error)", status: 3)
        }
        let region: String
        if let aws = backend as? AWSBackend {
            // No region on AWS is an error at the first call (exit 3), never a silent us-east-1.
            region = aws.configuredRegion ?? ""
        } else {
            region = Launcher.defaultRegion(options.region, environment)
        }
        let out = StandardOutput()
        let session = Session(backend: backend, region: region, out: out,
                              environment: environment, isInteractive: interactive,
                              workingDirectory: FileManager.default.currentDirectoryPath)
        session.profile = backend.profile
        session.outputIsTerminal = isatty(STDOUT_FILENO) == 1
        let environment = self.environment
        session.profileNames = { Launcher.profileNames(environment) }
        if let mode = options.onError { session.errorMode = ErrorMode(rawValue: mode) ?? session.errorMode }
        if let format = options.output { session.outputFormat = OutputFormat(rawValue: format) ?? .table }
        switch options.color {
        case "always": session.usesColor = true
        case "never": session.usesColor = false
        default: session.usesColor = isatty(STDERR_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
        }
        session.isDryRun = options.dryRun
        session.assumesYes = options.yes
        session.echoesCommands = options.echo
        session.positional = options.arguments
        for assignment in options.variables {
            let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            session.variables[String(parts[0])] = String(parts[1])
        }
        let historyPath = (environment["HOME"] ?? ".") + "/.bgsh_history"
        session.historyProvider = { HistoryFile.entries(at: historyPath) }
        let interpreter = Interpreter(session: session, table: .standard)
        if !interactive {
            // SIGINT/SIGTERM in a runbook: finish the API call under way, then stop cleanly.
            LineEditor.installSignalHandlers()
            session.takeInterrupt = { LineEditor.takeInterrupt() || LineEditor.isHangingUp }
            session.isInterruptPending = { LineEditor.isInterruptPending }
        }

        if let text = options.commands {
            let status = interpreter.runScript(SourceFile(name: "<command line>", text: text), path: nil)
            out.flush()
            return status
        }
        if let file = options.file {
            let absolute = file.hasPrefix("/") ? file : session.workingDirectory + "/" + file
            guard let data = FileManager.default.contents(atPath: absolute) else {
                return Launcher.fail("cannot read runbook '\(file)': no such file or not readable", status: 2)
            }
            let status = interpreter.runScript(SourceFile(name: file, bytes: Array(data)), path: (absolute as NSString).standardizingPath)
            out.flush()
            return status
        }
        if !stdinIsTerminal {
            return runStream(interpreter)
        }
        return REPL(interpreter: interpreter, historyPath: historyPath).run()
    }

    /// Asks on the terminal (an MFA code; shown as typed, as the aws CLI shows it: a one-time code).
    static let askOnTerminal: @Sendable (String) -> String? = { question in
        guard let tty = fopen("/dev/tty", "r+") else { return nil }
        defer { fclose(tty) }
        fputs(question, tty)
        fflush(tty)
        var line = [CChar](repeating: 0, count: 256)
        guard fgets(&line, Int32(line.count), tty) != nil else { return nil }
        return String(cString: line).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stdin that is not a terminal: no prompt, no history; each command runs as it is read.
    func runStream(_ interpreter: Interpreter) -> Int32 {
        var pending = ""
        var pendingFirstLine = 1
        var lineNumber = 0
        var lastFailure: Int32 = 0
        func runPending() -> Bool {
            defer { pending = "" }
            let (status, shouldStop) = interpreter.runChunk(SourceFile(name: "<stdin>", text: pending, firstLine: pendingFirstLine))
            interpreter.session.out.flush()
            if status != 0 { lastFailure = status }
            if let code = interpreter.session.exitRequest { lastFailure = code; return true }
            return shouldStop
        }
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            if pending.isEmpty { pendingFirstLine = lineNumber; pending = line } else { pending += "\n" + line }
            if interpreter.needsMoreInput(pending) { continue }
            if runPending() { return lastFailure }
        }
        if !pending.isEmpty, runPending() { return lastFailure }
        return interpreter.session.exitRequest ?? lastFailure
    }

    /// `bgsh __complete -- WORD… PARTIAL`: what the scripts in completions/ call, with the words
    /// after `bgsh` on the command line and the word being typed; prints the candidates, one a
    /// line. The launch flags given (`--state`, `--backend`, `--profile`, `--region`) choose the
    /// backend the names come from, as they would for the run.
    static func complete(_ arguments: [String], environment: [String: String]) -> Int32 {
        var words = arguments
        if words.first == "--" { words.removeFirst() }
        let partial = words.popLast() ?? ""
        let given = LaunchFlags.values(in: words)
        let backendName = given["backend"] ?? environment["BGSH_BACKEND"] ?? "sim"
        let statePath = given["state"] ?? defaultStatePath(environment)
        let flags = AWSFlags(profile: given["profile"], region: given["region"], endpointURL: given["endpoint-url"])
        guard ["sim", "aws"].contains(backendName),
              let backend = try? makeBackend(name: backendName, statePath: statePath, flags: flags, environment: environment) else { return 0 }
        let cwd = FileManager.default.currentDirectoryPath
        let session = Session(backend: backend, region: defaultRegion(given["region"], environment), out: StandardOutput(),
                              environment: environment, isInteractive: false, workingDirectory: cwd)
        session.profileNames = { profileNames(environment) }
        let completer = Completer(table: .standard, session: session, baseDirectory: cwd)
        // Kept open until exit: closing the state would checkpoint it (syncs a TAB need not wait
        // for; nothing was written, and the next bgsh that closes it checkpoints it).
        openUntilExit = backend
        // One a line; a description after a tab (zsh and fish show it, bash drops it).
        let result = completer.completeLaunch(words: words, partial: partial)
        print(result.candidates.map { candidate in result.descriptions[candidate].map { candidate + "\t" + $0 } ?? candidate }.joined(separator: "\n"))
        return 0
    }

    /// `bgsh [--state F] __bench-complete N -- TEXT…`: times N completions of the last word of
    /// TEXT in this process, from the cache and cold (the cache emptied before each), and
    /// prints the median and p99 in milliseconds (scripts/bench/complete.py reads them).
    static func benchComplete(_ arguments: [String], environment: [String: String]) -> Int32 {
        var words = arguments
        var statePath = defaultStatePath(environment)
        if words.first == "--state", words.count > 1 { statePath = words[1]; words.removeFirst(2) }
        guard let count = words.first.flatMap(Int.init), count > 0 else { return 2 }
        words.removeFirst()
        if words.first == "--" { words.removeFirst() }
        let text = words.joined(separator: " ")
        let split = text.lastIndex(of: " ").map { text.index(after: $0) } ?? text.startIndex
        let (before, partial) = (String(text[..<split]), String(text[split...]))
        guard let backend = try? makeBackend(name: "sim", statePath: statePath) else { return 1 }
        let session = Session(backend: backend, region: defaultRegion(nil, environment), out: StandardOutput(),
                              environment: environment, isInteractive: true, workingDirectory: FileManager.default.currentDirectoryPath)
        let completer = Completer(table: .standard, session: session, baseDirectory: session.workingDirectory)
        func measure(cold: Bool) -> [Double] {
            (0..<count).map { _ in
                if cold { session.completionCache.removeAll() }
                let start = DispatchTime.now().uptimeNanoseconds
                _ = completer.complete(before: before, partial: partial)
                return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
            }
        }
        _ = completer.complete(before: before, partial: partial)  // the first one opens the store
        for (name, cold) in [("cache", false), ("cold", true)] {
            let times = measure(cold: cold).sorted()
            let p50 = times[times.count / 2], p99 = times[min(times.count - 1, Int(Double(times.count) * 0.99))]
            print("\(name) p50_ms=\(String(format: "%.3f", p50)) p99_ms=\(String(format: "%.3f", p99))")
        }
        return 0
    }

    /// What `__complete` leaves open when the process exits.
    nonisolated(unsafe) static var openUntilExit: (any Backend)?

    /// The profiles of the aws CLI's files, as the aws backend reads them.
    static func profileNames(_ environment: [String: String]) -> [String] {
        AWSSettings(environment: AWSEnvironment(variables: environment), flags: AWSFlags()).profileNames
    }
}
