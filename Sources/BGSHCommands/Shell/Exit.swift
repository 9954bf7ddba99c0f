import BGSHCore

/// `exit [CODE]`: leave the shell or runbook with a status.
struct Exit: Command {
    static let spec = CommandSpec(
        ["exit"], group: .shell,
        summary: "leave with a status (default: the last command's)",
        arguments: [ArgumentSpec("CODE", .integer(0...255), optional: true, help: "the exit status, 0–255")],
        examples: [Example("exit", "leave"), Example("exit 3", "leave with status 3")])

    static func run(_ invocation: Invocation) throws {
        invocation.session.exitRequest = invocation.integer("CODE").map(Int32.init) ?? invocation.session.lastStatus
    }
}
