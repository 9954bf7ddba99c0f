import AWSModel
import BGSHCore

/// `subnet list [--vpc VPC]`: DescribeSubnets.
struct SubnetList: Command {
    static let spec = CommandSpec(
        ["subnet", "list"], group: .resources,
        summary: "list subnets, of one VPC or all (DescribeSubnets)",
        options: [.option("vpc", .resource(.vpc), valueName: "VPC", help: "only this VPC's")],
        examples: [Example("subnet list --vpc my-ecs-vpc", "the seed's two subnets")])

    static func run(_ invocation: Invocation) throws {
        var filters: [Filter]?
        if let reference = invocation.string("vpc") {
            filters = [Filter(Name: "vpc-id", Values: [try Resolve.vpc(reference, invocation, at: "vpc").VpcId ?? ""])]
        }
        let output = try invocation.cloud().describeSubnets(DescribeSubnetsRequest(Filters: filters))
        let rows = output.Subnets.map { [$0.SubnetId ?? "", $0.VpcId ?? "", $0.CidrBlock ?? "", $0.AvailabilityZone ?? "", String($0.AvailableIpAddressCount ?? 0)] }
        invocation.show(View(json: try JSONValue.from(output), table: Table(headers: ["ID", "VPC", "CIDR", "AZ", "FREE IPS"], rows: rows),
                             text: output.Subnets.compactMap(\.SubnetId)))
    }
}
