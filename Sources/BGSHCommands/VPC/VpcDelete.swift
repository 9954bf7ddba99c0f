import AWSModel
import BGSHCore

/// `vpc delete VPC`: what `vpc create` made, in AWS's order: the internet gateway detached and
/// deleted, the route tables that are not the main one deleted, then DeleteVpc.
struct VpcDelete: Command {
    static let spec = CommandSpec(
        ["vpc", "delete"], group: .resources,
        summary: "delete a VPC with its internet gateway and route tables (DetachInternetGateway, DeleteInternetGateway, DeleteRouteTable, DeleteVpc); its subnets, NAT gateways and groups must go first",
        arguments: [ArgumentSpec("VPC", .resource(.vpc), help: "its id or Name tag")],
        options: [CommonOptions.yes],
        examples: [Example("vpc delete old-vpc --yes", "delete a VPC whose subnets are gone, with its gateway and route tables, without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let vpc = try Resolve.vpc(invocation.string("VPC") ?? "", invocation, at: "VPC")
        let id = vpc.VpcId ?? ""
        let cloud = try invocation.cloud()
        // What EC2 would refuse later is refused first, naming what to delete, before anything goes.
        let subnets = try cloud.describeSubnets(DescribeSubnetsRequest(Filters: [Filter(Name: "vpc-id", Values: [id])])).Subnets
        if !subnets.isEmpty {
            throw invocation.failure("vpc \(id) still has \(subnets.count) subnet(s) (\(subnets.compactMap(\.SubnetId).joined(separator: ", "))): `subnet delete` them first", at: "VPC")
        }
        let nats = try cloud.describeNatGateways(DescribeNatGatewaysRequest(Filter: [Filter(Name: "vpc-id", Values: [id])])).NatGateways
            .filter { !["deleted", "failed"].contains($0.State ?? "") }
        if !nats.isEmpty {
            throw invocation.failure("vpc \(id) still has NAT gateway(s) \(nats.compactMap(\.NatGatewayId).joined(separator: ", ")): `nat delete` them first", at: "VPC")
        }
        try invocation.confirmDelete("vpc \(id)")
        if let gateway = try Network.internetGateway(id, cloud), let gatewayId = gateway.InternetGatewayId {
            try cloud.detachInternetGateway(InternetGatewayVpcRequest(InternetGatewayId: gatewayId, VpcId: id))
            try cloud.deleteInternetGateway(DeleteInternetGatewayRequest(InternetGatewayId: gatewayId))
        }
        for table in try Network.routeTables(id, cloud) where !table.isMain {
            try cloud.deleteRouteTable(DeleteRouteTableRequest(RouteTableId: table.RouteTableId ?? ""))
        }
        guard try invocation.mutate("ec2:DeleteVpc", DeleteVpcRequest(VpcId: id), { try cloud.deleteVpc(DeleteVpcRequest(VpcId: id)) }) != nil else { return }
        invocation.session.out.write("deleted vpc \(id)\n")
    }
}

/// `vpc describe VPC`: the VPC with its gateways, route tables, subnets (public or not) and NAT
/// gateways; under `--output json` each is the aws CLI's document for its describe call.
struct VpcDescribe: Command {
    static let spec = CommandSpec(
        ["vpc", "describe"], group: .resources,
        summary: "a VPC with its internet gateway, route tables, subnets (which are public) and NAT gateways (DescribeVpcs, DescribeInternetGateways, DescribeRouteTables, DescribeSubnets, DescribeNatGateways)",
        arguments: [ArgumentSpec("VPC", .resource(.vpc), help: "its id or Name tag")],
        options: [CommonOptions.get, CommonOptions.as],
        examples: [Example("vpc describe my-ecs-vpc", "which subnets are public, and how each reaches out")])

    static func run(_ invocation: Invocation) throws {
        let reference = invocation.string("VPC") ?? ""
        if Resolve.dryRunRead(reference, invocation) { return }
        let vpc = try Resolve.vpc(reference, invocation, at: "VPC")
        let id = vpc.VpcId ?? ""
        let cloud = try invocation.cloud()
        let byVpc = [Filter(Name: "vpc-id", Values: [id])]
        let gateways = try cloud.describeInternetGateways(DescribeInternetGatewaysRequest(Filters: [Filter(Name: "attachment.vpc-id", Values: [id])])).InternetGateways
        let tables = try Network.routeTables(id, cloud)
        let subnets = try cloud.describeSubnets(DescribeSubnetsRequest(Filters: byVpc)).Subnets
        let nats = try cloud.describeNatGateways(DescribeNatGatewaysRequest(Filter: byVpc)).NatGateways
        let document = JSONValue.object([
            "Vpcs": try JSONValue.from([vpc]), "InternetGateways": try JSONValue.from(gateways), "RouteTables": try JSONValue.from(tables),
            "Subnets": try JSONValue.from(subnets), "NatGateways": try JSONValue.from(nats),
        ])
        func name(_ tags: [EC2Tag]?) -> String { tags?.first { $0.Key == "Name" }?.Value ?? "-" }
        var rows: [[String]] = [["vpc", id, name(vpc.Tags), vpc.CidrBlock ?? "", vpc.State ?? ""]]
        rows += gateways.map { ["internet gateway", $0.InternetGatewayId ?? "", name($0.Tags), "", "attached"] }
        rows += tables.map { table in
            let main = table.isMain
            let out = table.defaultRoute.map { "0.0.0.0/0 → \($0.GatewayId ?? $0.NatGatewayId ?? "?")\($0.State == "blackhole" ? " (blackhole)" : "")" } ?? "local only"
            return ["route table", table.RouteTableId ?? "", name(table.Tags), out, main ? "main" : "\(table.Associations?.count ?? 0) subnet(s)"]
        }
        rows += subnets.map { ["subnet", $0.SubnetId ?? "", name($0.Tags), "\($0.CidrBlock ?? "") \($0.AvailabilityZone ?? "")", Network.reach($0.SubnetId ?? "", in: tables)] }
        rows += nats.map { ["nat gateway", $0.NatGatewayId ?? "", name($0.Tags), "in \($0.SubnetId ?? "") \($0.NatGatewayAddresses?.first?.PublicIp ?? "")", $0.State ?? ""] }
        try invocation.showDescribe(document, table: Table(headers: ["KIND", "ID", "NAME", "DETAIL", "STATE"], rows: rows), text: [id])
    }
}
