import AWSModel
import BGSHCore

/// `vpc delete VPC`: DeleteVpc.
struct VpcDelete: Command {
    static let spec = CommandSpec(
        ["vpc", "delete"], group: .resources,
        summary: "delete a VPC (DeleteVpc); its subnets and groups must go first",
        arguments: [ArgumentSpec("VPC", .resource(.vpc), help: "its id or Name tag")],
        options: [CommonOptions.yes],
        examples: [Example("vpc delete my-ecs-vpc --yes", "delete the seed's VPC without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let vpc = try Resolve.vpc(invocation.string("VPC") ?? "", invocation, at: "VPC")
        let id = vpc.VpcId ?? ""
        try invocation.confirmDelete("vpc \(id)")
        guard try invocation.mutate("ec2:DeleteVpc", DeleteVpcRequest(VpcId: id), { try invocation.cloud().deleteVpc(DeleteVpcRequest(VpcId: id)) }) != nil else { return }
        invocation.session.completionCache[.vpc] = nil
        invocation.session.out.write("deleted vpc \(id)\n")
    }
}
