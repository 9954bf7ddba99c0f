import AWSModel
import BGSHCore

/// `tg describe NAME`: DescribeTargetGroups of one.
struct TargetGroupDescribe: Command {
    static let spec = CommandSpec(
        ["tg", "describe"], group: .resources,
        summary: "describe a target group (DescribeTargetGroups)",
        arguments: [ArgumentSpec("NAME", .resource(.targetGroup), help: "its name or ARN")],
        options: [CommonOptions.get, CommonOptions.as],
        examples: [Example("tg describe blue-tg --get TargetGroupArn --as BLUE", "store its ARN")])

    static func run(_ invocation: Invocation) throws {
        if Resolve.dryRunRead(invocation.string("NAME"), invocation) { return }
        let tg = try Resolve.targetGroup(invocation.string("NAME") ?? "", invocation, at: "NAME")
        let table = Table.keyValue([
            ("TargetGroupName", tg.TargetGroupName ?? ""), ("TargetGroupArn", tg.TargetGroupArn ?? ""),
            ("Protocol", tg.Protocol ?? ""), ("Port", String(tg.Port ?? 0)), ("TargetType", tg.TargetType ?? ""), ("VpcId", tg.VpcId ?? ""),
            ("HealthCheck", "\(tg.HealthCheckPath ?? "/") every \(tg.HealthCheckIntervalSeconds ?? 30)s, healthy after \(tg.HealthyThresholdCount ?? 5), unhealthy after \(tg.UnhealthyThresholdCount ?? 2)"),
            ("LoadBalancerArns", (tg.LoadBalancerArns ?? []).joined(separator: ",")),
        ])
        try invocation.showDescribe(try JSONValue.from(DescribeTargetGroupsOutput(TargetGroups: [tg])), table: table, text: [tg.TargetGroupArn ?? ""])
    }
}
