import AWSModel
import BGSHCore

/// `vpc list`: DescribeVpcs.
struct VpcList: Command {
    static let spec = CommandSpec(
        ["vpc", "list"], group: .resources,
        summary: "list the VPCs (DescribeVpcs)",
        examples: [Example("vpc list", "id, name, CIDR and state of each VPC")])

    static func run(_ invocation: Invocation) throws {
        let output = try invocation.cloud().describeVpcs(DescribeVpcsRequest())
        let rows = output.Vpcs.map { vpc in
            [vpc.VpcId ?? "", vpc.Tags?.first { $0.Key == "Name" }?.Value ?? "-", vpc.CidrBlock ?? "", vpc.State ?? ""]
        }
        invocation.show(View(json: try JSONValue.from(output), table: Table(headers: ["ID", "NAME", "CIDR", "STATE"], rows: rows),
                             text: output.Vpcs.compactMap(\.VpcId)))
    }
}
