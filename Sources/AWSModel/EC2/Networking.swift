/// Internet gateways, route tables, Elastic IP addresses and NAT gateways: what makes a subnet
/// public or private. Member names are botocore's.

public struct InternetGatewayAttachment: Codable, Hashable, Sendable {
    public var State: String?
    public var VpcId: String?
    public init(State: String?, VpcId: String?) { self.State = State; self.VpcId = VpcId }
}

public struct InternetGateway: Codable, Hashable, Sendable {
    public var InternetGatewayId: String?
    public var Attachments: [InternetGatewayAttachment]?
    public var OwnerId: String?
    public var Tags: [EC2Tag]?
    public init() {}
}

public struct CreateInternetGatewayRequest: Codable, Hashable, Sendable {
    public var TagSpecifications: [TagSpecification]?
    public init(TagSpecifications: [TagSpecification]? = nil) { self.TagSpecifications = TagSpecifications }
}

public struct CreateInternetGatewayResult: Codable, Hashable, Sendable {
    public var InternetGateway: InternetGateway
    public init(InternetGateway: InternetGateway) { self.InternetGateway = InternetGateway }
}

/// Attach or detach: the same two members.
public struct InternetGatewayVpcRequest: Codable, Hashable, Sendable {
    public var InternetGatewayId: String
    public var VpcId: String
    public init(InternetGatewayId: String, VpcId: String) { self.InternetGatewayId = InternetGatewayId; self.VpcId = VpcId }
}

public struct DeleteInternetGatewayRequest: Codable, Hashable, Sendable {
    public var InternetGatewayId: String
    public init(InternetGatewayId: String) { self.InternetGatewayId = InternetGatewayId }
}

public struct DescribeInternetGatewaysRequest: Codable, Hashable, Sendable {
    public var InternetGatewayIds: [String]?
    public var Filters: [Filter]?
    public var NextToken: String?
    public init(InternetGatewayIds: [String]? = nil, Filters: [Filter]? = nil) { self.InternetGatewayIds = InternetGatewayIds; self.Filters = Filters }
}

public struct DescribeInternetGatewaysResult: Codable, Hashable, Sendable {
    public var InternetGateways: [InternetGateway]
    public var NextToken: String?
    public init(InternetGateways: [InternetGateway]) { self.InternetGateways = InternetGateways }
}

public struct Route: Codable, Hashable, Sendable {
    public var DestinationCidrBlock: String?
    public var GatewayId: String?
    public var NatGatewayId: String?
    public var TransitGatewayId: String?
    public var VpcPeeringConnectionId: String?
    public var NetworkInterfaceId: String?
    public var InstanceId: String?
    public var DestinationPrefixListId: String?
    /// CreateRouteTable, CreateRoute, EnableVgwRoutePropagation.
    public var Origin: String?
    /// active or blackhole.
    public var State: String?
    public init() {}
}

public struct RouteTableAssociationState: Codable, Hashable, Sendable {
    public var State: String?
    public init(State: String?) { self.State = State }
}

public struct RouteTableAssociation: Codable, Hashable, Sendable {
    public var Main: Bool?
    public var RouteTableAssociationId: String?
    public var RouteTableId: String?
    public var SubnetId: String?
    public var AssociationState: RouteTableAssociationState?
    public init() {}
}

public struct RouteTable: Codable, Hashable, Sendable {
    public var RouteTableId: String?
    public var VpcId: String?
    public var Routes: [Route]?
    public var Associations: [RouteTableAssociation]?
    public var OwnerId: String?
    public var Tags: [EC2Tag]?
    public init() {}
}

public struct CreateRouteTableRequest: Codable, Hashable, Sendable {
    public var VpcId: String
    public var TagSpecifications: [TagSpecification]?
    public var ClientToken: String?
    public init(VpcId: String, TagSpecifications: [TagSpecification]? = nil) { self.VpcId = VpcId; self.TagSpecifications = TagSpecifications }
}

public struct CreateRouteTableResult: Codable, Hashable, Sendable {
    public var RouteTable: RouteTable
    public init(RouteTable: RouteTable) { self.RouteTable = RouteTable }
}

public struct DeleteRouteTableRequest: Codable, Hashable, Sendable {
    public var RouteTableId: String
    public init(RouteTableId: String) { self.RouteTableId = RouteTableId }
}

public struct CreateRouteRequest: Codable, Hashable, Sendable {
    public var RouteTableId: String
    public var DestinationCidrBlock: String?
    public var GatewayId: String?
    public var NatGatewayId: String?
    public init(RouteTableId: String, DestinationCidrBlock: String?, GatewayId: String? = nil, NatGatewayId: String? = nil) {
        self.RouteTableId = RouteTableId
        self.DestinationCidrBlock = DestinationCidrBlock
        self.GatewayId = GatewayId
        self.NatGatewayId = NatGatewayId
    }
}

public struct CreateRouteResult: Codable, Hashable, Sendable {
    public var Return: Bool?
    public init(Return: Bool?) { self.Return = Return }
}

public struct AssociateRouteTableRequest: Codable, Hashable, Sendable {
    public var RouteTableId: String
    public var SubnetId: String?
    public init(RouteTableId: String, SubnetId: String?) { self.RouteTableId = RouteTableId; self.SubnetId = SubnetId }
}

public struct AssociateRouteTableResult: Codable, Hashable, Sendable {
    public var AssociationId: String?
    public var AssociationState: RouteTableAssociationState?
    public init(AssociationId: String?, AssociationState: RouteTableAssociationState?) { self.AssociationId = AssociationId; self.AssociationState = AssociationState }
}

public struct DisassociateRouteTableRequest: Codable, Hashable, Sendable {
    public var AssociationId: String
    public init(AssociationId: String) { self.AssociationId = AssociationId }
}

public struct DescribeRouteTablesRequest: Codable, Hashable, Sendable {
    public var RouteTableIds: [String]?
    public var Filters: [Filter]?
    public var NextToken: String?
    public init(RouteTableIds: [String]? = nil, Filters: [Filter]? = nil) { self.RouteTableIds = RouteTableIds; self.Filters = Filters }
}

public struct DescribeRouteTablesResult: Codable, Hashable, Sendable {
    public var RouteTables: [RouteTable]
    public var NextToken: String?
    public init(RouteTables: [RouteTable]) { self.RouteTables = RouteTables }
}

public struct AllocateAddressRequest: Codable, Hashable, Sendable {
    public var Domain: String?
    public var TagSpecifications: [TagSpecification]?
    public init(Domain: String? = "vpc", TagSpecifications: [TagSpecification]? = nil) { self.Domain = Domain; self.TagSpecifications = TagSpecifications }
}

public struct AllocateAddressResult: Codable, Hashable, Sendable {
    public var AllocationId: String?
    public var PublicIp: String?
    public var Domain: String?
    public init(AllocationId: String?, PublicIp: String?, Domain: String?) { self.AllocationId = AllocationId; self.PublicIp = PublicIp; self.Domain = Domain }
}

public struct ReleaseAddressRequest: Codable, Hashable, Sendable {
    public var AllocationId: String?
    public init(AllocationId: String?) { self.AllocationId = AllocationId }
}

public struct NatGatewayAddress: Codable, Hashable, Sendable {
    public var AllocationId: String?
    public var NetworkInterfaceId: String?
    public var PrivateIp: String?
    public var PublicIp: String?
    public init(AllocationId: String?, NetworkInterfaceId: String?, PrivateIp: String?, PublicIp: String?) {
        self.AllocationId = AllocationId
        self.NetworkInterfaceId = NetworkInterfaceId
        self.PrivateIp = PrivateIp
        self.PublicIp = PublicIp
    }
}

public struct NatGateway: Codable, Hashable, Sendable {
    public var NatGatewayId: String?
    public var SubnetId: String?
    public var VpcId: String?
    /// pending, failed, available, deleting, deleted.
    public var State: String?
    public var CreateTime: Double?
    public var DeleteTime: Double?
    public var FailureCode: String?
    public var FailureMessage: String?
    public var NatGatewayAddresses: [NatGatewayAddress]?
    public var ConnectivityType: String?
    public var Tags: [EC2Tag]?
    public init() {}
}

public struct CreateNatGatewayRequest: Codable, Hashable, Sendable {
    public var SubnetId: String?
    public var AllocationId: String?
    public var ConnectivityType: String?
    public var TagSpecifications: [TagSpecification]?
    public var ClientToken: String?
    public init(SubnetId: String?, AllocationId: String?, TagSpecifications: [TagSpecification]? = nil) {
        self.SubnetId = SubnetId
        self.AllocationId = AllocationId
        self.TagSpecifications = TagSpecifications
    }
}

public struct CreateNatGatewayResult: Codable, Hashable, Sendable {
    public var NatGateway: NatGateway
    public var ClientToken: String?
    public init(NatGateway: NatGateway) { self.NatGateway = NatGateway }
}

public struct DescribeNatGatewaysRequest: Codable, Hashable, Sendable {
    public var NatGatewayIds: [String]?
    /// Singular in EC2's model, unlike every other describe.
    public var Filter: [Filter]?
    public var NextToken: String?
    public init(NatGatewayIds: [String]? = nil, Filter: [Filter]? = nil) { self.NatGatewayIds = NatGatewayIds; self.Filter = Filter }
}

public struct DescribeNatGatewaysResult: Codable, Hashable, Sendable {
    public var NatGateways: [NatGateway]
    public var NextToken: String?
    public init(NatGateways: [NatGateway]) { self.NatGateways = NatGateways }
}

public struct DeleteNatGatewayRequest: Codable, Hashable, Sendable {
    public var NatGatewayId: String
    public init(NatGatewayId: String) { self.NatGatewayId = NatGatewayId }
}

public struct DeleteNatGatewayResult: Codable, Hashable, Sendable {
    public var NatGatewayId: String?
    public init(NatGatewayId: String?) { self.NatGatewayId = NatGatewayId }
}

extension RouteTable {
    /// The table's default route (0.0.0.0/0), if it has one.
    public var defaultRoute: Route? { Routes?.first { $0.DestinationCidrBlock == "0.0.0.0/0" } }

    /// The VPC's main table: it governs every subnet without an association of its own.
    public var isMain: Bool { Associations?.contains { $0.Main == true } == true }
}

extension Array where Element == RouteTable {
    /// The table that governs a subnet, as EC2 decides it: the subnet's explicit association,
    /// else the VPC's main table (`self` being one VPC's tables).
    public func governing(_ subnetId: String) -> RouteTable? {
        first { $0.Associations?.contains { $0.SubnetId == subnetId } == true } ?? first { $0.isMain }
    }
}
