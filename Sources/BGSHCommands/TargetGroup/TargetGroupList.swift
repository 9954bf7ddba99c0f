import AWSModel
import BGSHCore

/// `tg list`: DescribeTargetGroups.
struct TargetGroupList: Command {
    static let spec = CommandSpec(
        ["tg", "list"], group: .resources,
        summary: "list target groups (DescribeTargetGroups)",
        examples: [Example("tg list", "name, protocol, port, VPC and load balancers of each")])

    static func run(_ invocation: Invocation) throws {
        let output = DescribeTargetGroupsOutput(TargetGroups: try invocation.cloud().describeAllTargetGroups())
        let rows = output.TargetGroups.map { tg in
            [tg.TargetGroupName ?? "", "\(tg.Protocol ?? "")/\(tg.Port ?? 0)", tg.TargetType ?? "", tg.VpcId ?? "",
             (tg.LoadBalancerArns ?? []).map { ($0.split(separator: "/").dropLast().last).map(String.init) ?? $0 }.joined(separator: ",")]
        }
        invocation.show(View(json: try JSONValue.from(output),
                             table: Table(headers: ["NAME", "PROTOCOL", "TYPE", "VPC", "LOAD BALANCERS"], rows: rows),
                             text: output.TargetGroups.compactMap(\.TargetGroupName)))
    }
}
