import BGSHCore

/// `on-error stop|continue`: the error mode from here on.
struct OnError: Command {
    static let spec = CommandSpec(
        ["on-error"], group: .shell,
        summary: "what a failed command does from here on: stop the runbook, or continue",
        arguments: [ArgumentSpec("MODE", .choice(ErrorMode.allCases.map(\.rawValue)), optional: true,
                                 help: "stop (runbooks' default) or continue (the interactive default)")],
        examples: [Example("on-error continue", "keep going past failures; the exit status is the last failure's")])

    static func run(_ invocation: Invocation) throws {
        guard let mode = invocation.string("MODE") else {
            invocation.session.out.write(invocation.session.errorMode.rawValue + "\n")
            return
        }
        invocation.session.errorMode = ErrorMode(rawValue: mode) ?? .stop
    }
}
