import BGSHCore
import BGSHDeploy

/// `hold` and `resume`: pause or resume a strategy's schedule.
struct Hold: Command {
    static let spec = CommandSpec(
        ["hold"], group: .blueGreen,
        summary: "pause the deployment's schedule (nothing shifts until `resume`)",
        examples: [Example("hold", "keep the current split while you look")],
        isMutating: true, scope: .service)

    static func run(_ invocation: Invocation) throws {
        let controller = try DeployContext.controller(invocation)
        try DeployContext.act(invocation) { try controller.hold(true) }
        invocation.session.out.write("holding: the schedule is paused; `resume` to go on\n")
    }
}

struct Resume: Command {
    static let spec = CommandSpec(
        ["resume"], group: .blueGreen,
        summary: "resume a held schedule from its current step (the interval starts again)",
        examples: [Example("resume", "go on with the schedule")],
        isMutating: true, scope: .service)

    static func run(_ invocation: Invocation) throws {
        let controller = try DeployContext.controller(invocation)
        try DeployContext.act(invocation) { try controller.hold(false) }
        invocation.session.out.write("resumed: the next step comes after the strategy's interval, while a bgsh waits (`wait done`)\n")
    }
}
