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
        invocation.session.out.write("rolled back: blue takes all production traffic; green removed\n")
    }
}
