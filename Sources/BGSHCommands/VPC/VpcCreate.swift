import AWSModel
import BGSHCore

/// `vpc create CIDR [--name N] [--no-internet-gateway]`: CreateVpc (+ Name tag), DNS support and
/// hostnames on, and (unless --no-internet-gateway) an internet gateway with a public route
/// table sending 0.0.0.0/0 to it, as the console's VPC wizard makes. Identified by its Name tag.
struct VpcCreate: Command {
    static let spec = CommandSpec(
        ["vpc", "create"], group: .resources,
        summary: "create a VPC with DNS on and an internet gateway with a public route table (CreateVpc, ModifyVpcAttribute, CreateInternetGateway, AttachInternetGateway, CreateRouteTable, CreateRoute)",
        arguments: [ArgumentSpec("CIDR", .string, help: "an IPv4 block from /16 to /28, like 10.0.0.0/16")],
        options: [.option("name", .string, valueName: "NAME", help: "its Name tag, which identifies it when re-run"),
                  .flag("internet-gateway", help: "make and attach an internet gateway and a public route table (default; --no-internet-gateway for none)"),
                  CommonOptions.as],
        examples: [Example("vpc create 10.0.0.0/16 --name my-ecs-vpc --as VPC", "the seed's VPC; $VPC holds its id"),
                   Example("vpc create 10.9.0.0/16 --name isolated --no-internet-gateway", "a VPC with no way out: only private subnets")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let cidr = invocation.string("CIDR") ?? ""
        let name = invocation.string("name")
        let wantsGateway = invocation.flag("internet-gateway", default: true)
        // The gateway and the public table are named after the VPC (NAME-public): all three
        // Name tags must fit EC2's 256 characters, checked before anything is made.
        if let name, name.count + "-public".count > Tag.maxValueLength {
            throw invocation.failure("the name is \(name.count) characters: at most \(Tag.maxValueLength - "-public".count), so that NAME-igw and NAME-public fit EC2's tag limit", at: "name")
        }
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
            let vpcId = vpc.VpcId ?? ""
            let gateway = try Network.internetGateway(vpcId, cloud)
            if gateway != nil, !wantsGateway {
                throw invocation.failure("vpc '\(name ?? cidr)' exists with an internet gateway: delete it first or pick another name")
            }
            // A run stopped midway is finished by the re-run: the gateway, then the public table.
            if wantsGateway, Network.publicRouteTable(in: try Network.routeTables(vpcId, cloud)) == nil {
                try makePublic(vpcId: vpcId, name: name ?? vpcId, gateway: gateway, cloud: cloud)
            }
            invocation.produce(vpcId)
            return
        }
        let input = CreateVpcRequest(CidrBlock: cidr, TagSpecifications: name.map { [TagSpecification(ResourceType: "vpc", Tags: [EC2Tag(Key: "Name", Value: $0)])] })
        let output = try invocation.mutate("ec2:CreateVpc", input, { try cloud.createVpc(input) })
        let id = output?.Vpc.VpcId ?? invocation.placeholder("vpc-")
        // AWS: one attribute per ModifyVpcAttribute call.
        for request in [ModifyVpcAttributeRequest(VpcId: id, EnableDnsSupport: .init(Value: true)), ModifyVpcAttributeRequest(VpcId: id, EnableDnsHostnames: .init(Value: true))] {
            try cloud.modifyVpcAttribute(request)
        }
        if wantsGateway { try makePublic(vpcId: id, name: name ?? id, cloud: cloud) }
        guard output != nil else {
            invocation.producePlaceholder(id, kind: "vpc", name: name ?? id)
            return
        }
        invocation.produce(id)
    }

    /// The console wizard's public side: an internet gateway attached to the VPC and a route
    /// table (not the main one) whose 0.0.0.0/0 goes to it; `subnet create` associates public
    /// subnets with that table.
    static func makePublic(vpcId: String, name: String, gateway attached: InternetGateway? = nil, cloud: any Cloud) throws {
        let nameTag = { (type: String, suffix: String) in [TagSpecification(ResourceType: type, Tags: [EC2Tag(Key: "Name", Value: name + suffix)])] }
        var gatewayId = attached?.InternetGatewayId ?? ""
        if attached == nil {
            let gateway = try cloud.createInternetGateway(CreateInternetGatewayRequest(TagSpecifications: nameTag("internet-gateway", "-igw"))).InternetGateway
            gatewayId = gateway.InternetGatewayId ?? ""
            try cloud.attachInternetGateway(InternetGatewayVpcRequest(InternetGatewayId: gatewayId, VpcId: vpcId))
        }
        let table = try cloud.createRouteTable(CreateRouteTableRequest(VpcId: vpcId, TagSpecifications: nameTag("route-table", "-public"))).RouteTable
        _ = try cloud.createRoute(CreateRouteRequest(RouteTableId: table.RouteTableId ?? "", DestinationCidrBlock: "0.0.0.0/0", GatewayId: gatewayId))
    }
}
