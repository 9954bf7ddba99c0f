import AWSModel
import BGSHCore

/// `tg health NAME`: DescribeTargetHealth.
struct TargetGroupHealth: Command {
    static let spec = CommandSpec(
        ["tg", "health"], group: .resources,
        summary: "the health of a target group's targets (DescribeTargetHealth)",
        arguments: [ArgumentSpec("NAME", .resource(.targetGroup), help: "its name or ARN")],
        examples: [Example("tg health blue-tg", "each target's address, port and state")])

    static func run(_ invocation: Invocation) throws {
        if Resolve.dryRunRead(invocation.string("NAME"), invocation) { return }
        let tg = try Resolve.targetGroup(invocation.string("NAME") ?? "", invocation, at: "NAME")
        let output = try invocation.cloud().describeTargetHealth(DescribeTargetHealthInput(TargetGroupArn: tg.TargetGroupArn ?? ""))
        let rows = output.TargetHealthDescriptions.map { [$0.Target.Id, String($0.Target.Port ?? 0), $0.TargetHealth.State, $0.TargetHealth.Reason ?? ""] }
        invocation.show(View(json: try JSONValue.from(output), table: Table(headers: ["TARGET", "PORT", "STATE", "REASON"], rows: rows),
                             text: output.TargetHealthDescriptions.map { "\($0.Target.Id):\($0.Target.Port ?? 0) \($0.TargetHealth.State)" }))
    }
}
