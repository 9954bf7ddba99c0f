import AWSModel
import BGSHCore

/// `sg list`: DescribeSecurityGroups.
struct SgList: Command {
    static let spec = CommandSpec(
        ["sg", "list"], group: .resources,
        summary: "list security groups (DescribeSecurityGroups)",
        options: [.option("vpc", .resource(.vpc), valueName: "VPC", help: "only this VPC's")],
        examples: [Example("sg list --vpc my-ecs-vpc", "the seed's groups")])

    static func run(_ invocation: Invocation) throws {
        var filters: [Filter]?
        if let reference = invocation.string("vpc") {
            filters = [Filter(Name: "vpc-id", Values: [try Resolve.vpc(reference, invocation, at: "vpc").VpcId ?? ""])]
        }
        let output = try invocation.cloud().describeSecurityGroups(DescribeSecurityGroupsRequest(Filters: filters))
        let rows = output.SecurityGroups.map { g in
            [g.GroupId ?? "", g.GroupName ?? "", g.VpcId ?? "",
             (g.IpPermissions ?? []).map { "\($0.IpProtocol)/\($0.FromPort ?? 0)" + ($0.ToPort != $0.FromPort ? "-\($0.ToPort ?? 0)" : "") }.joined(separator: ",")]
        }
        invocation.show(View(json: try JSONValue.from(output), table: Table(headers: ["ID", "NAME", "VPC", "INGRESS"], rows: rows),
                             text: output.SecurityGroups.compactMap(\.GroupId)))
    }
}
