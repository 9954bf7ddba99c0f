import AWSModel

/// What a runbook does when a command fails.
public enum ErrorMode: String, Sendable, CaseIterable {
    case stop, `continue`
}

/// Everything a shell remembers between commands: the backend, the context (region, cluster,
/// service), variables, output format and error mode.
public final class Session {
    /// Where clouds come from.
    public let backend: any Backend
    /// The region; setting it clears cluster and service (they belong to a region).
    public var region: String {
        didSet {
            if region != oldValue {
                cachedCloud = nil
                cluster = nil
                service = nil
            }
        }
    }
    /// The AWS profile (aws backend).
    public var profile: String?
    /// The selected cluster's name.
    public var cluster: String? {
        didSet { if cluster != oldValue { service = nil } }
    }
    /// The selected service's name.
    public var service: String?
    /// How results are printed.
    public var outputFormat: OutputFormat = .table
    /// What happens when a command fails.
    public var errorMode: ErrorMode
    /// Session variables (`set`), looked up before the environment.
    public var variables: [String: String] = [:]
    /// `$1`, `$2`, … of the runbook.
    public var positional: [String] = []
    /// `$?`: the last command's status.
    public var lastStatus: Int32 = 0
    /// `$_`: the id or ARN the last create/register/`--get` produced.
    public var lastResult: String?
    /// The process environment (injected, so tests are hermetic).
    public var environment: [String: String]
    /// Where output goes.
    public let out: any OutputSink
    /// A person is at a terminal (confirmations, carets in errors).
    public var isInteractive: Bool
    /// Mutating calls are printed, not made.
    public var isDryRun = false { didSet { cachedCloud = nil } }
    /// The answer of the create call the running command made (reset before each command), for
    /// `--output json` of a create.
    public var createDocument: JSONValue?
    /// How many placeholder ids this dry run has handed out.
    public var dryRunCounter = 0
    /// What this dry run would have created, by `KIND:NAME`, with its placeholder id or ARN, so
    /// that later commands can name it (`cluster NAME`, `--lb NAME`).
    public var dryRunIds: [String: String] = [:]
    /// Task definitions this dry run would have registered, by family.
    public var dryRunTaskDefinitions: [String: TaskDefinition] = [:]
    /// Confirmations are answered yes.
    public var assumesYes = false
    /// Errors are marked in colour (`--color`, NO_COLOR).
    public var usesColor = false
    /// Standard output is a terminal (the live deployment view redraws in place there).
    public var outputIsTerminal = false
    /// Each command is printed (`+ cmd` on stderr) before it runs.
    public var echoesCommands = false
    /// Asks the person a yes/no question (nil when nobody can answer: never ask then).
    public var confirm: ((String) -> Bool)?
    /// True once (and clears) when the user pressed Ctrl-C or the process got SIGINT/SIGTERM:
    /// long commands check it between API calls, runbooks between commands.
    public var takeInterrupt: (() -> Bool)?
    /// True while a Ctrl-C (or SIGTERM) is pending, without taking it: a wait stops at once and
    /// leaves it to the command to take.
    public var isInterruptPending: (() -> Bool)?
    /// Asks a question and returns the answer (nil when nobody can answer).
    public var ask: ((String) -> String?)?
    /// Asks a question answered with one key of `keys` (nil when nobody can answer, or Ctrl-C).
    public var askKey: ((String, Set<Character>) -> Character?)?
    /// The history of this and earlier interactive sessions, for `history`.
    public var historyProvider: (() -> [String])?
    /// The directory relative paths resolve against outside runbooks.
    public var workingDirectory: String
    /// Set by `exit`: the status to leave with.
    public var exitRequest: Int32?
    /// Clusters' names and the like, cached for completion for a short time, per backend
    /// identity (profile or account, endpoint, state file), region and cluster (`completionScope`).
    public let completionCache = CompletionCache()
    /// The scope names are cached under.
    public var completionScope: String { "\(backend.cacheIdentity)|\(region)|\(cluster ?? "")" }
    /// The profiles of ~/.aws/config and ~/.aws/credentials (set by the launcher; TAB offers them).
    public var profileNames: () -> [String] = { [] }

    /// The commands typed in this session, each with the `<stdin>` line it began on (how its
    /// errors are located, and how `history` numbers it).
    public var typed: [(line: Int, text: String)] = []
    /// How many history entries came from earlier sessions (set by the REPL).
    public var earlierHistoryCount = 0
    /// The runbook being recorded (`record start`), if any.
    public var recording: Recording?
    /// Where each interactive command is journaled (`~/.bgsh/journal`; nil: not journaled).
    public var journalDirectory: String?
    /// The ARNs the running command resolved or made (for the journal).
    public var resolvedArns: [String] = []

    private var cachedCloud: (any Cloud)?

    /// Creates a session.
    public init(backend: any Backend, region: String, out: any OutputSink, environment: [String: String],
                isInteractive: Bool, workingDirectory: String) {
        self.backend = backend
        self.region = region
        self.out = out
        self.environment = environment
        self.isInteractive = isInteractive
        self.errorMode = isInteractive ? .continue : .stop
        self.workingDirectory = workingDirectory
    }

    /// Forgets the cloud made for the current region and profile (after `profile NAME`).
    public func dropCloud() { cachedCloud = nil }

    /// The cloud for the current region.
    /// - Throws: `BackendUnavailable` when the backend cannot make one.
    public func cloud() throws -> any Cloud {
        if let cachedCloud { return cachedCloud }
        var made = try backend.cloud(region: region)
        // `--dry-run` is one gate, here: every command's writes go through it.
        if isDryRun { made = DryRunCloud(base: made) { [unowned self] operation, input in self.reportDryRun(operation, input) } }
        cachedCloud = made
        return made
    }

    /// Prints a call a dry run does not make: `dry-run: ecs:CreateCluster {…}`, or one JSON
    /// object a line under `--output json`.
    public func reportDryRun(_ operation: String, _ input: JSONValue) {
        if outputFormat == .json {
            out.write(JSONValue.object(["dryRun": .string(operation), "input": input]).compact + "\n")
        } else {
            out.write("dry-run: \(operation) \(input.compact)\n")
        }
    }

    /// The emulator behind the backend, or an error naming the backend when it has none.
    public func emulator(for what: String) throws -> any EmulatorControl {
        guard let emulator = backend.emulator else {
            throw CommandError("\(what) works on the simulator only (this shell is on \(backend.displayName)); start bgsh with --backend sim")
        }
        return emulator
    }

    /// The selected cluster, or an error that says how to select one.
    public func requireCluster() throws -> String {
        guard let cluster else { throw CommandError("no cluster selected: select one with `cluster NAME` (see `cluster list`)") }
        return cluster
    }

    /// `sim us-east-1/ECS-BlueGreenCluster/myBGService`, the prompt's context.
    public var contextPath: String {
        [region, cluster, service].compactMap { $0 }.joined(separator: "/")
    }

    /// The interactive prompt: `bgsh[sim] us-east-1/ECS-BlueGreenCluster> `.
    public var prompt: String { prompt(status: "") }

    /// The prompt with a deployment's status (` [blue 90 | green 10]`), within `width` columns (in
    /// 64 of 80 without a status, room left to type): long cluster and service names are shortened
    /// in the middle (`ECS-Blu…Cluster`), never the backend. A backend whose profile or account names `prod`
    /// is shown in red when colour is on (libedit leaves what is between \u{1}s uncounted).
    public func prompt(status: String, width: Int = 80) -> String {
        let name = backend.displayName
        // With a deployment's status the prompt may take the line but for a few columns.
        let budget = (status.isEmpty ? width * 4 / 5 : width - 2) - ("bgsh[] ".count + name.count + status.count + 2)
        var names = [cluster, service].compactMap { $0 }
        var path = ([region] + names).joined(separator: "/")
        var longest = names.map(\.count).max() ?? 0
        while path.count > budget, longest > 3 {
            longest -= 1
            names = names.map { Session.shortened($0, to: longest) }
            path = ([region] + names).joined(separator: "/")
        }
        let shown = usesColor && name.lowercased().contains("prod") ? "\u{1}\u{1B}[1;31m\u{1}\(name)\u{1}\u{1B}[0m\u{1}" : name
        return "bgsh[\(shown)] \(path)\(status)> "
    }

    /// A name cut in the middle to `length` characters (`ECS-Blu…Cluster`).
    static func shortened(_ text: String, to length: Int) -> String {
        guard text.count > length, length >= 3 else { return text }
        let head = (length - 1) / 2, tail = length - 1 - head
        return String(text.prefix(head)) + "…" + String(text.suffix(tail))
    }

    /// Shows a result in the session's output format.
    public func show(_ view: View) {
        out.write(view.rendered(as: outputFormat))
    }

    /// Records what a create/register/`--get` produced: `$_`, and `--as NAME` when given.
    public func remember(_ value: String, as name: String?) {
        lastResult = value
        if value.hasPrefix("arn:"), !resolvedArns.contains(value) { resolvedArns.append(value) }
        if let name { variables[name] = value }
    }
}
