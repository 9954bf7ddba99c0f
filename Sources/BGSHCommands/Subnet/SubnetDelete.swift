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
        guard try invocation.mutate("ec2:DeleteSubnet", input, { try invocation.cloud().deleteSubnet(input) }) != nil else { return }
        invocation.session.completionCache[.subnet] = nil
        invocation.session.out.write("deleted subnet \(id)\n")
    }
}
