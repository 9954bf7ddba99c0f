import BGSHCore
import BGSHDeploy

/// `rollback`: production traffic back to blue, green removed.
struct Rollback: Command {
    static let spec = CommandSpec(
        ["rollback"], group: .blueGreen,
        summary: "production traffic back to blue at 100%, green removed; works whenever blue still exists",
        options: [CommonOptions.yes],
        examples: [Example("rollback", "undo the deployment in progress")],
        isMutating: true, scope: .service)

    static func run(_ invocation: Invocation) throws {
        let controller = try DeployContext.controller(invocation)
        let view = try controller.observe()
        if (view.green?.weightTenths ?? 0) > 0, !invocation.flag("yes") {
            guard invocation.confirmed("roll back: production traffic is split \(DeployContext.split(view)); move it all to blue? [y/N] ") else {
                throw invocation.declined("not rolled back (answered no)")
            }
        }
        try DeployContext.act(invocation) { try controller.rollback() }
        if invocation.session.isDryRun { return }
        // CodeDeploy's rollback is a deployment of its own: return once production traffic is
        // on blue (COMMANDS.md), naming it.
        var after = try controller.observe()
        var waited = 0.0
        // CodeDeploy's rollback is a deployment of its own, and ECS's passes ROLLBACK_REQUESTED:
        // both return once production traffic is on blue.
        while (controller is CodeDeployController && (after.state.isActive || (after.blue?.weightTenths ?? 1000) < 1000))
                || (controller is EcsController && (after.blue?.weightTenths ?? 1000) < 1000) {
            guard waited < 300 else {
                throw invocation.failure("\(after.controller == "ecs" ? "ECS" : "CodeDeploy") is still moving production traffic back to blue after 5m00s: `status` follows it")
            }
            guard try DeployContext.pass(2, invocation) else {
                throw invocation.failure("interrupted: \(after.controller == "ecs" ? "ECS" : "CodeDeploy") is moving production traffic back to blue; `status` follows it")
            }
            waited += 2
            after = try controller.observe()
        }
        let by = after.rolledBackBy.map { " (CodeDeploy's rollback deployment \($0))" } ?? ""
        if controller is EcsController {
            invocation.session.out.write("rolled back (StopServiceDeployment): blue takes all production traffic; ECS removes green (\(after.native ?? "ROLLBACK_IN_PROGRESS"), then ROLLBACK_SUCCESSFUL)\n")
            return
        }
        invocation.session.out.write("rolled back: blue takes all production traffic; green removed\(by)\n")
    }
}
