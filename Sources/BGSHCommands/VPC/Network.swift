import AWSModel
import BGSHCore

/// How a VPC's subnets reach the internet, read from EC2 as the console shows it: the internet
/// gateway attached to the VPC, the public route table (0.0.0.0/0 to that gateway), and where
/// each subnet's route table sends its default route.
enum Network {
    /// The internet gateway attached to a VPC, if any.
    static func internetGateway(_ vpcId: String, _ cloud: any Cloud) throws -> InternetGateway? {
        try cloud.describeInternetGateways(DescribeInternetGatewaysRequest(Filters: [Filter(Name: "attachment.vpc-id", Values: [vpcId])])).InternetGateways.first
    }

    /// The VPC's route tables.
    static func routeTables(_ vpcId: String, _ cloud: any Cloud) throws -> [RouteTable] {
        try cloud.describeRouteTables(DescribeRouteTablesRequest(Filters: [Filter(Name: "vpc-id", Values: [vpcId])])).RouteTables
    }

    /// The public route table `vpc create` made (or the console's wizard): not the main one, with
    /// its default route to an internet gateway.
    static func publicRouteTable(in tables: [RouteTable]) -> RouteTable? {
        tables.first { table in
            !table.isMain && table.defaultRoute?.GatewayId?.hasPrefix("igw-") == true
        }
    }

    /// Public: the subnet's default route goes to an active internet gateway route.
    static func isPublic(_ subnetId: String, in tables: [RouteTable]) -> Bool {
        guard let route = tables.governing(subnetId)?.defaultRoute else { return false }
        return route.GatewayId?.hasPrefix("igw-") == true && route.State != "blackhole"
    }

    /// The route table `subnet create --private` made for a subnet (its `bgsh:private-subnet` tag).
    static func privateTable(of subnetId: String, in tables: [RouteTable]) -> RouteTable? {
        tables.first { $0.Tags?.contains { $0.Key == privateTag && $0.Value == subnetId } == true }
    }

    static let privateTag = "bgsh:private-subnet"

    /// A NAT gateway by id or Name tag (in a VPC, when given) among those in `live` states.
    static func natGateway(_ reference: String, vpcId: String?, live: Set<String>, _ cloud: any Cloud,
                           _ invocation: Invocation, at argument: String) throws -> NatGateway {
        let filter = vpcId.map { [Filter(Name: "vpc-id", Values: [$0])] }
        let candidates = try cloud.describeNatGateways(DescribeNatGatewaysRequest(Filter: filter)).NatGateways.filter { live.contains($0.State ?? "") }
        func name(_ nat: NatGateway) -> String? { nat.Tags?.first { $0.Key == "Name" }?.Value }
        if let nat = candidates.first(where: { $0.NatGatewayId == reference || name($0) == reference }) { return nat }
        let hint = Suggest.closest(to: reference, in: candidates.map { name($0) ?? $0.NatGatewayId ?? "" }).map { " (did you mean '\($0)'?)" } ?? ""
        throw invocation.failure("NAT gateway '\(reference)' not found in \(vpcId == nil ? invocation.session.region : "that VPC")\(hint): "
                                 + "see `nat list`, or make one with `nat create --subnet PUBLIC-SUBNET`", at: argument)
    }

    /// How a subnet reaches out, in words for `vpc describe` and deploy's checks.
    static func reach(_ subnetId: String, in tables: [RouteTable]) -> String {
        guard let route = tables.governing(subnetId)?.defaultRoute else { return "private (no route out)" }
        if route.State == "blackhole" { return "private (its default route is a blackhole)" }
        if route.GatewayId?.hasPrefix("igw-") == true { return "public (\(route.GatewayId ?? ""))" }
        if let nat = route.NatGatewayId { return "private, out through \(nat)" }
        return "private (default route to \(route.TransitGatewayId ?? route.VpcPeeringConnectionId ?? route.NetworkInterfaceId ?? "another target"))"
    }
}
