import AWSModel
import BGSHCore

/// `sg delete SG`: DeleteSecurityGroup.
struct SgDelete: Command {
    static let spec = CommandSpec(
        ["sg", "delete"], group: .resources,
        summary: "delete a security group (DeleteSecurityGroup)",
        arguments: [ArgumentSpec("SG", .resource(.securityGroup), help: "its id or name")],
        options: [CommonOptions.yes],
        examples: [Example("sg delete $SG --yes", "delete without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let group = try Resolve.securityGroup(invocation.string("SG") ?? "", vpcId: nil, invocation, at: "SG")
        let id = group.GroupId ?? ""
        try invocation.confirmDelete("security group \(id)")
        let input = DeleteSecurityGroupRequest(GroupId: id)
        guard try invocation.mutate("ec2:DeleteSecurityGroup", input, { try invocation.cloud().deleteSecurityGroup(input) }) != nil else { return }
        invocation.session.out.write("deleted security group \(id)\n")
    }
}
