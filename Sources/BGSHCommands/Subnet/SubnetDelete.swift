import AWSModel
import BGSHCore

/// `subnet delete SUBNET`: DeleteSubnet.
struct SubnetDelete: Command {
    static let spec = CommandSpec(
        ["subnet", "delete"], group: .resources,
        summary: "delete a subnet (DeleteSubnet)",
        arguments: [ArgumentSpec("SUBNET", .resource(.subnet), help: "its id")],
        options: [CommonOptions.yes],
        examples: [Example("subnet delete $SUB1 --yes", "delete a subnet without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let subnet = try Resolve.subnet(invocation.string("SUBNET") ?? "", invocation, at: "SUBNET")
        let id = subnet.SubnetId ?? ""
        try invocation.confirmDelete("subnet \(id)")
        let input = DeleteSubnetRequest(SubnetId: id)
        let cloud = try invocation.cloud()
        let own = Network.privateTable(of: id, in: try Network.routeTables(subnet.VpcId ?? "", cloud))
        // EC2 drops the subnet's association with it; the route table `--private` made goes too.
        let deleted = try invocation.mutate("ec2:DeleteSubnet", input, { try cloud.deleteSubnet(input) }) != nil
        if let own { try cloud.deleteRouteTable(DeleteRouteTableRequest(RouteTableId: own.RouteTableId ?? "")) }
        guard deleted else { return }
        invocation.session.out.write("deleted subnet \(id)\n")
    }
}
