import BGSHCore
import BGSHDeploy
import BGSHSyntax

/// `promote`: green to 100 % and primary; blue kept for the termination wait.
struct Promote: Command {
    static let spec = CommandSpec(
        ["promote"], group: .blueGreen,
        summary: "green to 100% and primary; blue is kept for the termination wait, then removed",
        options: [.flag("force", help: "promote even when green has no healthy target")],
        examples: [Example("promote", "end the deployment in green's favour")],
        isMutating: true, scope: .service)

    static func run(_ invocation: Invocation) throws {
        let controller = try DeployContext.controller(invocation)
        try DeployContext.act(invocation) { try controller.promote(force: invocation.flag("force")) }
        let view = try controller.observe()
        if controller is EcsController {
            invocation.session.out.write("continued (ContinueServiceDeployment): ECS goes on by the strategy (now \(view.native.map { String($0.dropFirst(4)) } ?? "?")); `wait done` follows it\n")
            return
        }
        guard controller is TaskSetController else {
            invocation.session.out.write("continued (ContinueDeployment): CodeDeploy moves the rest of the traffic or ends blue's termination wait; `wait done` follows it\n")
            return
        }
        let wait = (view.terminationAt ?? view.now) - view.now
        invocation.session.out.write("promoted: green takes all production traffic; blue is removed in \(Duration.format(seconds: wait)) (`rollback` until then)\n")
    }
}
