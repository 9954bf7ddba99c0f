import AWSModel
import BGSHCore

/// `vpc create CIDR [--name N]`: CreateVpc (+ Name tag) and DNS support and hostnames on, as the
/// console's VPC wizard does (Fargate tasks need them). A VPC is identified by its Name tag.
struct VpcCreate: Command {
    static let spec = CommandSpec(
        ["vpc", "create"], group: .resources,
        summary: "create a VPC with DNS support and hostnames on (CreateVpc, ModifyVpcAttribute)",
        arguments: [ArgumentSpec("CIDR", .string, help: "an IPv4 block from /16 to /28, like 10.0.0.0/16")],
        options: [.option("name", .string, valueName: "NAME", help: "its Name tag, which identifies it when re-run"), CommonOptions.as],
        examples: [Example("vpc create 10.0.0.0/16 --name my-ecs-vpc --as VPC", "the seed's VPC; $VPC holds its id")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let cidr = invocation.string("CIDR") ?? ""
        let name = invocation.string("name")
        let cloud = try invocation.cloud()
        let filter = name.map { Filter(Name: "tag:Name", Values: [$0]) } ?? Filter(Name: "cidr", Values: [cidr])
        let existing = try cloud.describeVpcs(DescribeVpcsRequest(Filters: [filter])).Vpcs.filter { vpc in
            let tag = vpc.Tags?.first { $0.Key == "Name" }?.Value
            return name.map { tag == $0 } ?? (tag == nil && vpc.CidrBlock == cidr)
        }
        if let vpc = existing.first {
            guard vpc.CidrBlock == cidr else {
                throw invocation.failure("vpc '\(name ?? cidr)' exists with CIDR \(vpc.CidrBlock ?? "?"), not \(cidr): delete it first or pick another name", at: "CIDR")
            }
            invocation.produce(vpc.VpcId ?? "")
            return
        }
        let input = CreateVpcRequest(CidrBlock: cidr, TagSpecifications: name.map { [TagSpecification(ResourceType: "vpc", Tags: [EC2Tag(Key: "Name", Value: $0)])] })
        guard let output = try invocation.mutate("ec2:CreateVpc", input, { try cloud.createVpc(input) }) else {
            let id = invocation.placeholder("vpc-")
            for request in [ModifyVpcAttributeRequest(VpcId: id, EnableDnsSupport: .init(Value: true)), ModifyVpcAttributeRequest(VpcId: id, EnableDnsHostnames: .init(Value: true))] {
                _ = try invocation.mutate("ec2:ModifyVpcAttribute", request) { try cloud.modifyVpcAttribute(request) }
            }
            invocation.producePlaceholder(id, kind: "vpc", name: name ?? id)
            return
        }
        let id = output.Vpc.VpcId ?? ""
        // AWS: one attribute per ModifyVpcAttribute call.
        try cloud.modifyVpcAttribute(ModifyVpcAttributeRequest(VpcId: id, EnableDnsSupport: .init(Value: true)))
        try cloud.modifyVpcAttribute(ModifyVpcAttributeRequest(VpcId: id, EnableDnsHostnames: .init(Value: true)))
        invocation.session.completionCache[.vpc] = nil
        invocation.produce(id)
    }
}
