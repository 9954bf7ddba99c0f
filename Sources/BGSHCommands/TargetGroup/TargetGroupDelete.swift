import AWSModel
import BGSHCore

/// `tg delete NAME`: DeleteTargetGroup.
struct TargetGroupDelete: Command {
    static let spec = CommandSpec(
        ["tg", "delete"], group: .resources,
        summary: "delete a target group (DeleteTargetGroup); no listener may forward to it",
        arguments: [ArgumentSpec("NAME", .resource(.targetGroup), help: "its name or ARN")],
        options: [CommonOptions.yes],
        examples: [Example("tg delete green-tg --yes", "delete without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let tg = try Resolve.targetGroup(invocation.string("NAME") ?? "", invocation, at: "NAME")
        try invocation.confirmDelete("target group \(tg.TargetGroupName ?? "")")
        let input = DeleteTargetGroupInput(TargetGroupArn: tg.TargetGroupArn ?? "")
        guard try invocation.mutate("elbv2:DeleteTargetGroup", input, { try invocation.cloud().deleteTargetGroup(input) }) != nil else { return }
        invocation.session.out.write("deleted target group \(tg.TargetGroupName ?? "")\n")
    }
}
