import AWSModel
import BGSHCore

/// `subnet create CIDR --vpc VPC --az AZ`: CreateSubnet. A subnet is identified by VPC + CIDR.
struct SubnetCreate: Command {
    static let spec = CommandSpec(
        ["subnet", "create"], group: .resources,
        summary: "create a subnet in a VPC (CreateSubnet); identified by VPC and CIDR when re-run",
        arguments: [ArgumentSpec("CIDR", .string, help: "a block inside the VPC's, like 10.0.1.0/24")],
        options: [.option("vpc", .resource(.vpc), valueName: "VPC", required: true, help: "the VPC (id or Name tag)"),
                  .option("az", .string, valueName: "AZ", required: true, help: "the availability zone, like us-east-1a"),
                  CommonOptions.as],
        examples: [Example("subnet create 10.0.1.0/24 --vpc my-ecs-vpc --az us-east-1a --as SUB1", "the seed's first subnet")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let cidr = invocation.string("CIDR") ?? ""
        guard let vpcReference = invocation.string("vpc") else { throw invocation.failure("subnet create needs --vpc VPC") }
        guard let zone = invocation.string("az") else { throw invocation.failure("subnet create needs --az AZ (like \(invocation.session.region)a)") }
        let cloud = try invocation.cloud()
        let vpcId: String
        do {
            vpcId = try Resolve.vpc(vpcReference, invocation, at: "vpc").VpcId ?? ""
            let existing = try cloud.describeSubnets(DescribeSubnetsRequest(Filters: [Filter(Name: "vpc-id", Values: [vpcId])])).Subnets
            if let subnet = existing.first(where: { $0.CidrBlock == cidr }) {
                guard subnet.AvailabilityZone == zone else {
                    throw invocation.failure("subnet \(cidr) exists in \(subnet.AvailabilityZone ?? "?"), not \(zone)", at: "az")
                }
                invocation.produce(subnet.SubnetId ?? "")
                return
            }
        }
        let input = CreateSubnetRequest(VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone)
        guard let output = try invocation.mutate("ec2:CreateSubnet", input, { try cloud.createSubnet(input) }) else {
            invocation.produce(invocation.placeholder("subnet-"))
            return
        }
        invocation.session.completionCache[.subnet] = nil
        invocation.produce(output.Subnet.SubnetId ?? "")
    }
}
