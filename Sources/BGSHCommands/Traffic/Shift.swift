import BGSHCore
import BGSHDeploy
import BGSHSyntax

/// `shift N%` / `shift +N%` / `shift -N%`: green's share of production traffic, at once.
struct Shift: Command {
    static let spec = CommandSpec(
        ["shift"], group: .blueGreen,
        summary: "set (or move by N) green's share of production traffic, at once",
        arguments: [ArgumentSpec("SHARE", .percentage(allowsSign: true), help: "N% sets it; +N% / -N% moves it")],
        options: [.flag("force", help: "shift even when green has no healthy target")],
        examples: [Example("shift 10%", "a tenth of production traffic to green"), Example("shift +15%", "15 points more")],
        isMutating: true, scope: .service)

    static func run(_ invocation: Invocation) throws {
        guard let share = invocation.percentage("SHARE") else { return }
        let controller = try DeployContext.controller(invocation)
        var target = share.tenths
        if share.sign != .absolute {
            let current = try controller.observe().green?.weightTenths ?? 0
            target = share.sign == .plus ? current + share.tenths : current - share.tenths
            guard (0...1000).contains(target) else {
                throw invocation.failure("green is at \(DeployContext.percent(current)): \(share) would leave 0%–100%", at: "SHARE")
            }
        }
        try DeployContext.act(invocation) { try controller.shift(greenTenths: target, force: invocation.flag("force")) }
        let view = try controller.observe()
        invocation.session.out.write("\(DeployContext.split(view))\n")
    }
}
