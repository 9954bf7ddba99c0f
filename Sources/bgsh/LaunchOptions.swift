import ArgumentParser

/// bgsh's launch flags (COMMANDS.md "Invocation"): no subcommands, a positional runbook and its arguments.
struct LaunchOptions: ParsableCommand {
    static let version = "0.1.0"

    // A command only for its title and text in `bgsh --help`: main.swift parses, Launcher runs.
    static let configuration = CommandConfiguration(
        commandName: "bgsh",
        abstract: "An interactive shell for blue-green deployments on Amazon ECS.",
        discussion: """
            With no FILE and no -c, bgsh is an interactive shell: line editing and TAB completion \
            when stdin is a terminal, `help` for the commands, Ctrl-D or `exit` to leave. Piped \
            input (`… | bgsh`) runs as it is read, as a runbook does. It runs on the embedded \
            simulator unless --backend aws (or BGSH_BACKEND=aws) is given.
            """)

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these commands and exit.", valueName: "commands"))
    var commands: String?

    @Option(help: ArgumentHelp("sim (the embedded simulator, default) or aws. Env: BGSH_BACKEND.", valueName: "sim|aws"))
    var backend: String?

    @Option(help: ArgumentHelp("The simulator's database. Default ~/.bgsh/sim.db. Env: BGSH_STATE.", valueName: "path"))
    var state: String?

    @Option(help: ArgumentHelp("Like the aws CLI: AWS_REGION, AWS_DEFAULT_REGION.", valueName: "region"))
    var region: String?

    @Option(help: ArgumentHelp("Like the aws CLI: AWS_PROFILE.", valueName: "profile"))
    var profile: String?

    @Option(name: .customLong("endpoint-url"), help: ArgumentHelp("Like the aws CLI: AWS_ENDPOINT_URL.", valueName: "url"))
    var endpointURL: String?

    @Option(name: .customShort("v"), help: ArgumentHelp("Set a variable before the first command (repeatable).", valueName: "NAME=VALUE"))
    var variables: [String] = []

    @Option(name: .customLong("on-error"), help: ArgumentHelp("stop (default for runbooks, -c, stdin) or continue (interactive default).", valueName: "stop|continue"))
    var onError: String?

    @Option(help: ArgumentHelp("table (default), json or text.", valueName: "table|json|text"))
    var output: String?

    @Option(help: ArgumentHelp("auto (default), always or never; NO_COLOR means never.", valueName: "auto|always|never"))
    var color: String = "auto"

    @Flag(help: "Print each command (`+ cmd` on stderr) before running it.")
    var echo = false

    @Flag(name: .customLong("dry-run"), help: "Mutating commands print the calls they would make.")
    var dryRun = false

    @Flag(help: "Answer yes to confirmations.")
    var yes = false

    @Flag(help: "Each API call's operation, status and latency on stderr.")
    var debug = false

    @Flag(help: "Print the version and exit.")
    var version = false

    @Argument(help: ArgumentHelp("A .bgsh runbook to replay.", valueName: "file"), completion: .file(extensions: ["bgsh"]))
    var file: String?

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("The runbook's arguments: $1, $2, … and $#.", valueName: "arg"))
    var arguments: [String] = []

    func validate() throws {
        if let backend, !["sim", "aws"].contains(backend) {
            throw ValidationError("--backend must be sim or aws, not '\(backend)'")
        }
        if let onError, !["stop", "continue"].contains(onError) {
            throw ValidationError("--on-error must be stop or continue, not '\(onError)'")
        }
        if let output, !["table", "json", "text"].contains(output) {
            throw ValidationError("--output must be table, json or text, not '\(output)'")
        }
        if !["auto", "always", "never"].contains(color) {
            throw ValidationError("--color must be auto, always or never, not '\(color)'")
        }
        for assignment in variables {
            let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ValidationError("-v takes NAME=VALUE, not '\(assignment)'")
            }
        }
        if commands != nil, file != nil {
            throw ValidationError("give either -c COMMANDS or a runbook FILE, not both")
        }
    }
}
