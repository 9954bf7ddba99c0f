/// Amazon EC2, the VPC operations bgsh uses. Member names are botocore's (PascalCase).
public protocol EC2API {
    func createVpc(_ input: CreateVpcRequest) throws -> CreateVpcResult
    func modifyVpcAttribute(_ input: ModifyVpcAttributeRequest) throws
    func describeVpcs(_ input: DescribeVpcsRequest) throws -> DescribeVpcsResult
    func deleteVpc(_ input: DeleteVpcRequest) throws
    func createSubnet(_ input: CreateSubnetRequest) throws -> CreateSubnetResult
    func describeSubnets(_ input: DescribeSubnetsRequest) throws -> DescribeSubnetsResult
    func deleteSubnet(_ input: DeleteSubnetRequest) throws
    func createSecurityGroup(_ input: CreateSecurityGroupRequest) throws -> CreateSecurityGroupResult
    func authorizeSecurityGroupIngress(_ input: AuthorizeSecurityGroupIngressRequest) throws
    func describeSecurityGroups(_ input: DescribeSecurityGroupsRequest) throws -> DescribeSecurityGroupsResult
    func deleteSecurityGroup(_ input: DeleteSecurityGroupRequest) throws
    func createInternetGateway(_ input: CreateInternetGatewayRequest) throws -> CreateInternetGatewayResult
    func attachInternetGateway(_ input: InternetGatewayVpcRequest) throws
    func detachInternetGateway(_ input: InternetGatewayVpcRequest) throws
    func deleteInternetGateway(_ input: DeleteInternetGatewayRequest) throws
    func describeInternetGateways(_ input: DescribeInternetGatewaysRequest) throws -> DescribeInternetGatewaysResult
    func createRouteTable(_ input: CreateRouteTableRequest) throws -> CreateRouteTableResult
    func deleteRouteTable(_ input: DeleteRouteTableRequest) throws
    func createRoute(_ input: CreateRouteRequest) throws -> CreateRouteResult
    func associateRouteTable(_ input: AssociateRouteTableRequest) throws -> AssociateRouteTableResult
    func disassociateRouteTable(_ input: DisassociateRouteTableRequest) throws
    func describeRouteTables(_ input: DescribeRouteTablesRequest) throws -> DescribeRouteTablesResult
    func allocateAddress(_ input: AllocateAddressRequest) throws -> AllocateAddressResult
    func releaseAddress(_ input: ReleaseAddressRequest) throws
    func createNatGateway(_ input: CreateNatGatewayRequest) throws -> CreateNatGatewayResult
    func describeNatGateways(_ input: DescribeNatGatewaysRequest) throws -> DescribeNatGatewaysResult
    func deleteNatGateway(_ input: DeleteNatGatewayRequest) throws -> DeleteNatGatewayResult
}

/// EC2's tag shape.
public struct EC2Tag: Codable, Hashable, Sendable {
    public var Key: String
    public var Value: String
    public init(Key: String, Value: String) { self.Key = Key; self.Value = Value }
}

/// Tags to put on a resource as it is created.
public struct TagSpecification: Codable, Hashable, Sendable {
    public var ResourceType: String
    public var Tags: [EC2Tag]
    public init(ResourceType: String, Tags: [EC2Tag]) { self.ResourceType = ResourceType; self.Tags = Tags }
}

/// A describe filter: `Name` and the values it may take.
public struct Filter: Codable, Hashable, Sendable {
    public var Name: String
    public var Values: [String]
    public init(Name: String, Values: [String]) { self.Name = Name; self.Values = Values }
}

public struct Vpc: Codable, Hashable, Sendable {
    public var VpcId: String?
    public var CidrBlock: String?
    public var State: String?
    public var DhcpOptionsId: String?
    public var InstanceTenancy: String?
    public var IsDefault: Bool?
    public var OwnerId: String?
    public var Tags: [EC2Tag]?
    /// The VPC's IPv4 blocks (its primary one first), as DescribeVpcs always answers.
    public var CidrBlockAssociationSet: [VpcCidrBlockAssociation]?
    public init() {}
}

/// One IPv4 block of a VPC.
public struct VpcCidrBlockAssociation: Codable, Hashable, Sendable {
    public var AssociationId: String?
    public var CidrBlock: String?
    public var CidrBlockState: VpcCidrBlockState?
    public init(AssociationId: String?, CidrBlock: String?, CidrBlockState: VpcCidrBlockState?) {
        self.AssociationId = AssociationId
        self.CidrBlock = CidrBlock
        self.CidrBlockState = CidrBlockState
    }
}

/// `associated`, …
public struct VpcCidrBlockState: Codable, Hashable, Sendable {
    public var State: String?
    public init(State: String?) { self.State = State }
}

public struct CreateVpcRequest: Codable, Hashable, Sendable {
    public var CidrBlock: String?
    public var TagSpecifications: [TagSpecification]?
    public init(CidrBlock: String?, TagSpecifications: [TagSpecification]? = nil) {
        self.CidrBlock = CidrBlock
        self.TagSpecifications = TagSpecifications
    }
}

public struct CreateVpcResult: Codable, Hashable, Sendable {
    public var Vpc: Vpc
    public init(Vpc: Vpc) { self.Vpc = Vpc }
}

public struct AttributeBooleanValue: Codable, Hashable, Sendable {
    public var Value: Bool
    public init(Value: Bool) { self.Value = Value }
}

public struct ModifyVpcAttributeRequest: Codable, Hashable, Sendable {
    public var VpcId: String
    public var EnableDnsSupport: AttributeBooleanValue?
    public var EnableDnsHostnames: AttributeBooleanValue?
    public init(VpcId: String, EnableDnsSupport: AttributeBooleanValue? = nil, EnableDnsHostnames: AttributeBooleanValue? = nil) {
        self.VpcId = VpcId
        self.EnableDnsSupport = EnableDnsSupport
        self.EnableDnsHostnames = EnableDnsHostnames
    }
}

public struct DescribeVpcsRequest: Codable, Hashable, Sendable {
    public var VpcIds: [String]?
    public var Filters: [Filter]?
    public init(VpcIds: [String]? = nil, Filters: [Filter]? = nil) { self.VpcIds = VpcIds; self.Filters = Filters }
}

public struct DescribeVpcsResult: Codable, Hashable, Sendable {
    public var Vpcs: [Vpc]
    public init(Vpcs: [Vpc]) { self.Vpcs = Vpcs }
}

public struct DeleteVpcRequest: Codable, Hashable, Sendable {
    public var VpcId: String
    public init(VpcId: String) { self.VpcId = VpcId }
}

public struct Subnet: Codable, Hashable, Sendable {
    public var SubnetId: String?
    public var SubnetArn: String?
    public var VpcId: String?
    public var CidrBlock: String?
    public var AvailabilityZone: String?
    public var AvailabilityZoneId: String?
    public var AvailableIpAddressCount: Int?
    public var DefaultForAz: Bool?
    public var MapPublicIpOnLaunch: Bool?
    public var State: String?
    public var OwnerId: String?
    public var Tags: [EC2Tag]?
    public init() {}
}

public struct CreateSubnetRequest: Codable, Hashable, Sendable {
    public var VpcId: String
    public var CidrBlock: String
    public var AvailabilityZone: String?
    public var TagSpecifications: [TagSpecification]?
    public init(VpcId: String, CidrBlock: String, AvailabilityZone: String?, TagSpecifications: [TagSpecification]? = nil) {
        self.VpcId = VpcId
        self.CidrBlock = CidrBlock
        self.AvailabilityZone = AvailabilityZone
        self.TagSpecifications = TagSpecifications
    }
}

public struct CreateSubnetResult: Codable, Hashable, Sendable {
    public var Subnet: Subnet
    public init(Subnet: Subnet) { self.Subnet = Subnet }
}

public struct DescribeSubnetsRequest: Codable, Hashable, Sendable {
    public var SubnetIds: [String]?
    public var Filters: [Filter]?
    public init(SubnetIds: [String]? = nil, Filters: [Filter]? = nil) { self.SubnetIds = SubnetIds; self.Filters = Filters }
}

public struct DescribeSubnetsResult: Codable, Hashable, Sendable {
    public var Subnets: [Subnet]
    public init(Subnets: [Subnet]) { self.Subnets = Subnets }
}

public struct DeleteSubnetRequest: Codable, Hashable, Sendable {
    public var SubnetId: String
    public init(SubnetId: String) { self.SubnetId = SubnetId }
}

public struct IpRange: Codable, Hashable, Sendable {
    public var CidrIp: String
    public init(CidrIp: String) { self.CidrIp = CidrIp }
}

public struct IpPermission: Codable, Hashable, Sendable {
    public var IpProtocol: String
    public var FromPort: Int?
    public var ToPort: Int?
    public var IpRanges: [IpRange]?
    public init(IpProtocol: String, FromPort: Int?, ToPort: Int?, IpRanges: [IpRange]?) {
        self.IpProtocol = IpProtocol
        self.FromPort = FromPort
        self.ToPort = ToPort
        self.IpRanges = IpRanges
    }
}

public struct SecurityGroup: Codable, Hashable, Sendable {
    public var GroupId: String?
    public var GroupName: String?
    public var Description: String?
    public var VpcId: String?
    public var OwnerId: String?
    public var IpPermissions: [IpPermission]?
    public var IpPermissionsEgress: [IpPermission]?
    public var Tags: [EC2Tag]?
    public var SecurityGroupArn: String?
    public init() {}
}

public struct CreateSecurityGroupRequest: Codable, Hashable, Sendable {
    public var GroupName: String
    public var Description: String
    public var VpcId: String?
    public init(GroupName: String, Description: String, VpcId: String?) {
        self.GroupName = GroupName
        self.Description = Description
        self.VpcId = VpcId
    }
}

public struct CreateSecurityGroupResult: Codable, Hashable, Sendable {
    public var GroupId: String
    public init(GroupId: String) { self.GroupId = GroupId }
}

public struct AuthorizeSecurityGroupIngressRequest: Codable, Hashable, Sendable {
    public var GroupId: String
    public var IpPermissions: [IpPermission]
    public init(GroupId: String, IpPermissions: [IpPermission]) { self.GroupId = GroupId; self.IpPermissions = IpPermissions }
}

public struct DescribeSecurityGroupsRequest: Codable, Hashable, Sendable {
    public var GroupIds: [String]?
    public var Filters: [Filter]?
    public init(GroupIds: [String]? = nil, Filters: [Filter]? = nil) { self.GroupIds = GroupIds; self.Filters = Filters }
}

public struct DescribeSecurityGroupsResult: Codable, Hashable, Sendable {
    public var SecurityGroups: [SecurityGroup]
    public init(SecurityGroups: [SecurityGroup]) { self.SecurityGroups = SecurityGroups }
}

public struct DeleteSecurityGroupRequest: Codable, Hashable, Sendable {
    public var GroupId: String
    public init(GroupId: String) { self.GroupId = GroupId }
}
