import AWSModel
import BGSHCore

/// `subnet create CIDR --vpc VPC --az AZ [--private [--nat NAT]]`: CreateSubnet, and
/// AssociateRouteTable: a public subnet joins the VPC's public route table; a private one gets a
/// route table of its own (0.0.0.0/0 to the NAT gateway with --nat). Identified by VPC + CIDR.
struct SubnetCreate: Command {
    static let spec = CommandSpec(
        ["subnet", "create"], group: .resources,
        summary: "create a public (default) or private subnet in a VPC (CreateSubnet, AssociateRouteTable); identified by VPC and CIDR when re-run",
        arguments: [ArgumentSpec("CIDR", .string, help: "a block inside the VPC's, like 10.0.1.0/24")],
        options: [.option("vpc", .resource(.vpc), valueName: "VPC", required: true, help: "the VPC (id or Name tag)"),
                  .option("az", .zone, valueName: "AZ", required: true, help: "the availability zone, like us-east-1a"),
                  .flag("private", help: "a route table of its own, with no route to the internet gateway"),
                  .option("nat", .string, valueName: "NAT", help: "with --private: send 0.0.0.0/0 to this NAT gateway (id or Name tag)"),
                  CommonOptions.as],
        examples: [Example("subnet create 10.0.1.0/24 --vpc my-ecs-vpc --az us-east-1a --as SUB1", "the seed's first subnet, public"),
                   Example("subnet create 10.0.3.0/24 --vpc my-ecs-vpc --az us-east-1a --private --nat $NAT", "a private subnet whose tasks pull through a NAT gateway")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let cidr = invocation.string("CIDR") ?? ""
        let vpcReference = invocation.string("vpc") ?? ""
        let zone = invocation.string("az") ?? ""
        let isPrivate = invocation.flag("private")
        if invocation.has("nat"), !isPrivate {
            throw invocation.failure("--nat is for a private subnet: give --private too (a public subnet goes out through the internet gateway)", at: "nat")
        }
        let cloud = try invocation.cloud()
        let vpcId = try Resolve.vpc(vpcReference, invocation, at: "vpc").VpcId ?? ""
        let placeholderVpc = Resolve.isPlaceholder(vpcId, invocation)
        let tables = placeholderVpc ? [] : try Network.routeTables(vpcId, cloud)
        let natId = try invocation.string("nat").map { try nat($0, vpcId: vpcId, invocation) }
        let existing = placeholderVpc ? [] : try cloud.describeSubnets(DescribeSubnetsRequest(Filters: [Filter(Name: "vpc-id", Values: [vpcId])])).Subnets
        // A public subnet needs the VPC's public route table: refused before anything is made.
        let publicTable = placeholderVpc ? RouteTable() : Network.publicRouteTable(in: tables)
        if !isPrivate, publicTable == nil {
            throw invocation.failure("vpc \(vpcReference) has no public route table (0.0.0.0/0 to an internet gateway): give --private, or make the VPC with `vpc create` and its internet gateway", at: "vpc")
        }
        var made: String?
        if let subnet = existing.first(where: { $0.CidrBlock == cidr }) {
            let subnetId = subnet.SubnetId ?? ""
            var differences: [String] = []
            if subnet.AvailabilityZone != zone { differences.append("in \(subnet.AvailabilityZone ?? "?"), not \(zone)") }
            let explicit = tables.first { $0.Associations?.contains { $0.SubnetId == subnetId } == true }
            if let explicit {
                if Network.isPublic(subnetId, in: tables) == isPrivate { differences.append(isPrivate ? "public" : "private") }
                if isPrivate, explicit.defaultRoute?.NatGatewayId != natId {
                    differences.append(explicit.defaultRoute?.NatGatewayId.map { "out through \($0)" } ?? "with no NAT gateway")
                }
            }
            guard differences.isEmpty else {
                throw invocation.failure("subnet \(cidr) exists \(differences.joined(separator: ", ")): delete it first or pick another CIDR", at: "CIDR")
            }
            guard explicit == nil else {
                invocation.produce(subnetId)
                return
            }
            made = subnetId  // a run stopped before its route table: finished here
        }
        let input = CreateSubnetRequest(VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: zone)
        let output = try made == nil ? invocation.mutate("ec2:CreateSubnet", input, { try cloud.createSubnet(input) }) : nil
        let subnetId = made ?? output?.Subnet.SubnetId ?? invocation.placeholder("subnet-")
        if isPrivate {
            let own = Network.privateTable(of: subnetId, in: tables)
            let tag = [TagSpecification(ResourceType: "route-table", Tags: [EC2Tag(Key: "Name", Value: "\(cidr)-private"), EC2Tag(Key: Network.privateTag, Value: subnetId)])]
            let table = try own ?? cloud.createRouteTable(CreateRouteTableRequest(VpcId: vpcId, TagSpecifications: tag)).RouteTable
            if let natId, own?.defaultRoute == nil {
                _ = try cloud.createRoute(CreateRouteRequest(RouteTableId: table.RouteTableId ?? "", DestinationCidrBlock: "0.0.0.0/0", NatGatewayId: natId))
            }
            _ = try cloud.associateRouteTable(AssociateRouteTableRequest(RouteTableId: table.RouteTableId ?? "", SubnetId: subnetId))
        } else {
            _ = try cloud.associateRouteTable(AssociateRouteTableRequest(RouteTableId: publicTable?.RouteTableId ?? "rtb-dryrun0001", SubnetId: subnetId))
        }
        invocation.produce(subnetId)
    }

    /// A NAT gateway of the VPC by id or Name tag; it must not be failed or deleted.
    static func nat(_ reference: String, vpcId: String, _ invocation: Invocation) throws -> String {
        if Resolve.isPlaceholder(reference, invocation) { return reference }
        return try Network.natGateway(reference, vpcId: vpcId, live: ["pending", "available"], try invocation.cloud(), invocation, at: "nat").NatGatewayId ?? reference
    }
}
