import AWSModel

/// IPv4 CIDR arithmetic for VPCs and subnets.
struct CIDR: Equatable {
    var base: UInt32
    var prefix: Int

    init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let prefix = Int(parts[1]), (0...32).contains(prefix) else { return nil }
        let octets = parts[0].split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard let n = UInt32(octet), n <= 255, !octet.isEmpty else { return nil }
            value = value << 8 | n
        }
        let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << UInt32(32 - prefix)
        guard value & ~mask == 0 else { return nil }  // AWS: host bits must be zero
        base = value
        self.prefix = prefix
    }

    var size: UInt64 { UInt64(1) << UInt64(32 - prefix) }
    var last: UInt32 { base &+ UInt32(size - 1) }

    func contains(_ other: CIDR) -> Bool { other.base >= base && other.last <= last }
    func overlaps(_ other: CIDR) -> Bool { !(other.last < base || other.base > last) }

    /// The n-th address as dotted text (n counted from the base).
    func address(_ n: UInt32) -> String {
        let v = base &+ n
        return "\(v >> 24 & 255).\(v >> 16 & 255).\(v >> 8 & 255).\(v & 255)"
    }
}

extension SimCloud {
    static let vpcKind = "ec2.vpc"
    static let subnetKind = "ec2.subnet"
    static let securityGroupKind = "ec2.sg"

    /// The availability zones of the region: a, b, c, d, e, f.
    var availabilityZones: [String] { ["a", "b", "c", "d", "e", "f"].map { region + $0 } }

    func name(of tags: [EC2Tag]?) -> String { tags?.first { $0.Key == "Name" }?.Value ?? "" }

    /// The tags for a resource of `type`, refused as EC2 refuses them: 50 at most
    /// (TagLimitExceeded), keys of 1–128 and values of at most 256 characters (InvalidParameterValue).
    func tags(_ specs: [TagSpecification]?, type: String) throws -> [EC2Tag]? {
        let tags = (specs ?? []).filter { $0.ResourceType == type }.flatMap(\.Tags)
        if tags.count > Tag.maxCount {
            throw AWSError("TagLimitExceeded", "The maximum number of tags for a resource is \(Tag.maxCount)")
        }
        for tag in tags {
            if tag.Key.isEmpty || tag.Key.count > Tag.maxKeyLength {
                throw AWSError("InvalidParameterValue", "Tag key exceeds the maximum length of \(Tag.maxKeyLength) characters")
            }
            if tag.Value.count > Tag.maxValueLength {
                throw AWSError("InvalidParameterValue", "Tag value exceeds the maximum length of \(Tag.maxValueLength) characters")
            }
        }
        return tags.isEmpty ? nil : tags
    }

    func requireVpc(_ tx: SimStore.Transaction, _ id: String) throws -> Vpc {
        guard let vpc = try tx.get(Vpc.self, region: region, kind: SimCloud.vpcKind, id: id) else {
            throw AWSError("InvalidVpcID.NotFound", "The vpc ID '\(id)' does not exist")
        }
        return vpc
    }

    func matches(_ filters: [Filter]?, _ value: (String) -> [String]) -> Bool {
        for filter in filters ?? [] {
            let have = value(filter.Name)
            if !filter.Values.contains(where: { have.contains($0) }) { return false }
        }
        return true
    }

    public func createVpc(_ input: CreateVpcRequest) throws -> CreateVpcResult {
        guard let text = input.CidrBlock, let cidr = CIDR(text) else {
            throw AWSError("InvalidParameterValue", "Value (\(input.CidrBlock ?? "")) for parameter cidrBlock is invalid. This is not a valid CIDR block.")
        }
        guard (16...28).contains(cidr.prefix) else {
            throw AWSError("InvalidVpc.Range", "The CIDR '\(text)' is invalid.")
        }
        return try write("CreateVpc") { tx in
            var vpc = Vpc()
            vpc.VpcId = "vpc-" + (try hexID(tx, "vpc"))
            vpc.CidrBlock = text
            vpc.State = "available"
            vpc.DhcpOptionsId = "dopt-" + (try hexID(tx, "dopt"))
            vpc.InstanceTenancy = "default"
            vpc.IsDefault = false
            vpc.OwnerId = account
            vpc.Tags = try tags(input.TagSpecifications, type: "vpc")
            vpc.CidrBlockAssociationSet = [VpcCidrBlockAssociation(AssociationId: "vpc-cidr-assoc-" + (try hexID(tx, "vpc-cidr-assoc")), CidrBlock: text,
                                                                   CidrBlockState: VpcCidrBlockState(State: "associated"))]
            // Attributes are not members of the VPC document (DescribeVpcAttribute reads them).
            try tx.setMeta("ec2.vpc-attr.\(vpc.VpcId!).enableDnsSupport", "true")
            try tx.setMeta("ec2.vpc-attr.\(vpc.VpcId!).enableDnsHostnames", "false")
            try tx.put(vpc, region: region, kind: SimCloud.vpcKind, id: vpc.VpcId!, name: name(of: vpc.Tags))
            // AWS: every VPC comes with a main route table (its local route only)…
            try makeMainRouteTable(tx, vpc: vpc)
            // …and a security group named "default".
            var group = SecurityGroup()
            group.GroupId = "sg-" + (try hexID(tx, "sg"))
            group.GroupName = "default"
            group.Description = "default VPC security group"
            group.VpcId = vpc.VpcId
            group.OwnerId = account
            group.IpPermissions = []
            group.IpPermissionsEgress = [IpPermission(IpProtocol: "-1", FromPort: nil, ToPort: nil, IpRanges: [IpRange(CidrIp: "0.0.0.0/0")])]
            group.SecurityGroupArn = arn("ec2", "security-group/\(group.GroupId!)")
            try tx.put(group, region: region, kind: SimCloud.securityGroupKind, id: group.GroupId!, name: "default", parent: vpc.VpcId ?? "")
            return CreateVpcResult(Vpc: vpc)
        }
    }

    public func modifyVpcAttribute(_ input: ModifyVpcAttributeRequest) throws {
        guard (input.EnableDnsSupport == nil) != (input.EnableDnsHostnames == nil) else {
            throw AWSError("InvalidParameterCombination", "Fields for multiple attribute types specified: enableDnsSupport, enableDnsHostnames")
        }
        try write("ModifyVpcAttribute") { tx in
            _ = try requireVpc(tx, input.VpcId)
            if let v = input.EnableDnsSupport { try tx.setMeta("ec2.vpc-attr.\(input.VpcId).enableDnsSupport", String(v.Value)) }
            if let v = input.EnableDnsHostnames { try tx.setMeta("ec2.vpc-attr.\(input.VpcId).enableDnsHostnames", String(v.Value)) }
        }
    }

    public func describeVpcs(_ input: DescribeVpcsRequest) throws -> DescribeVpcsResult {
        try read("DescribeVpcs") { tx in
            var vpcs: [Vpc]
            if let ids = input.VpcIds {
                vpcs = try ids.map { try requireVpc(tx, $0) }
            } else if let names = input.Filters?.first(where: { $0.Name == "tag:Name" })?.Values {
                vpcs = try names.flatMap { try tx.find(Vpc.self, region: region, kind: SimCloud.vpcKind, name: $0) }  // indexed
            } else {
                vpcs = try tx.all(Vpc.self, region: region, kind: SimCloud.vpcKind)
            }
            vpcs = vpcs.filter { vpc in
                matches(input.Filters) { name in
                    switch name {
                    case "vpc-id": return [vpc.VpcId ?? ""]
                    case "cidr", "cidr-block": return [vpc.CidrBlock ?? ""]
                    case "tag:Name": return [self.name(of: vpc.Tags)]
                    default: return []
                    }
                }
            }
            return DescribeVpcsResult(Vpcs: vpcs)
        }
    }

    public func deleteVpc(_ input: DeleteVpcRequest) throws {
        try write("DeleteVpc") { tx in
            _ = try requireVpc(tx, input.VpcId)
            let subnets = try tx.children(Subnet.self, region: region, kind: SimCloud.subnetKind, parent: input.VpcId)
            let groups = try tx.children(SecurityGroup.self, region: region, kind: SimCloud.securityGroupKind, parent: input.VpcId)
            let targetGroups = try tx.children(TargetGroup.self, region: region, kind: SimCloud.targetGroupKind, parent: input.VpcId)
            let tables = try tx.children(RouteTable.self, region: region, kind: SimCloud.routeTableKind, parent: input.VpcId)
            let nats = try tx.children(NatGateway.self, region: region, kind: SimCloud.natGatewayKind, parent: input.VpcId).map { try current(tx, $0) }
            guard subnets.isEmpty, groups.allSatisfy({ $0.GroupName == "default" }), targetGroups.isEmpty,
                  try attachedGateway(tx, vpcId: input.VpcId) == nil,
                  tables.allSatisfy(\.isMain),
                  nats.allSatisfy({ $0.State == "deleted" || $0.State == "failed" }) else {
                throw AWSError("DependencyViolation", "The vpc '\(input.VpcId)' has dependencies and cannot be deleted.")
            }
            for group in groups { try tx.delete(region: region, kind: SimCloud.securityGroupKind, id: group.GroupId ?? "") }
            for table in tables { try tx.delete(region: region, kind: SimCloud.routeTableKind, id: table.RouteTableId ?? "") }
            try tx.delete(region: region, kind: SimCloud.vpcKind, id: input.VpcId)
        }
    }

    public func createSubnet(_ input: CreateSubnetRequest) throws -> CreateSubnetResult {
        guard let cidr = CIDR(input.CidrBlock) else {
            throw AWSError("InvalidParameterValue", "Value (\(input.CidrBlock)) for parameter cidrBlock is invalid. This is not a valid CIDR block.")
        }
        let zone = input.AvailabilityZone ?? availabilityZones[0]
        guard availabilityZones.contains(zone) else {
            throw AWSError("InvalidParameterValue", "Value (\(zone)) for parameter availabilityZone is invalid. Subnets can currently only be created in the following availability zones: \(availabilityZones.joined(separator: ", ")).")
        }
        return try write("CreateSubnet") { tx in
            let vpc = try requireVpc(tx, input.VpcId)
            guard let vpcCIDR = CIDR(vpc.CidrBlock ?? ""), vpcCIDR.contains(cidr), (16...28).contains(cidr.prefix) else {
                throw AWSError("InvalidSubnet.Range", "The CIDR '\(input.CidrBlock)' is invalid.")
            }
            let siblings = try tx.children(Subnet.self, region: region, kind: SimCloud.subnetKind, parent: input.VpcId)
            if siblings.contains(where: { CIDR($0.CidrBlock ?? "")?.overlaps(cidr) == true }) {
                throw AWSError("InvalidSubnet.Conflict", "The CIDR '\(input.CidrBlock)' conflicts with another subnet")
            }
            var subnet = Subnet()
            subnet.SubnetId = "subnet-" + (try hexID(tx, "subnet"))
            subnet.SubnetArn = arn("ec2", "subnet/\(subnet.SubnetId!)")
            subnet.VpcId = input.VpcId
            subnet.CidrBlock = input.CidrBlock
            subnet.AvailabilityZone = zone
            subnet.AvailabilityZoneId = "use1-az\((availabilityZones.firstIndex(of: zone) ?? 0) + 1)"
            subnet.AvailableIpAddressCount = Int(cidr.size) - 5
            subnet.DefaultForAz = false
            subnet.MapPublicIpOnLaunch = false
            subnet.State = "available"
            subnet.OwnerId = account
            subnet.Tags = try tags(input.TagSpecifications, type: "subnet")
            try tx.put(subnet, region: region, kind: SimCloud.subnetKind, id: subnet.SubnetId!, name: input.CidrBlock, parent: input.VpcId)
            return CreateSubnetResult(Subnet: subnet)
        }
    }

    public func describeSubnets(_ input: DescribeSubnetsRequest) throws -> DescribeSubnetsResult {
        try read("DescribeSubnets") { tx in
            var subnets: [Subnet]
            if let ids = input.SubnetIds {
                subnets = try ids.map { id in
                    guard let subnet = try tx.get(Subnet.self, region: region, kind: SimCloud.subnetKind, id: id) else {
                        throw AWSError("InvalidSubnetID.NotFound", "The subnet ID '\(id)' does not exist")
                    }
                    return subnet
                }
            } else if let vpcs = input.Filters?.first(where: { $0.Name == "vpc-id" })?.Values {
                subnets = try vpcs.flatMap { try tx.children(Subnet.self, region: region, kind: SimCloud.subnetKind, parent: $0) }  // indexed
            } else {
                subnets = try tx.all(Subnet.self, region: region, kind: SimCloud.subnetKind)
            }
            subnets = subnets.filter { s in
                matches(input.Filters) { name in
                    switch name {
                    case "vpc-id": return [s.VpcId ?? ""]
                    case "subnet-id": return [s.SubnetId ?? ""]
                    case "cidr-block", "cidr": return [s.CidrBlock ?? ""]
                    case "availability-zone": return [s.AvailabilityZone ?? ""]
                    case "tag:Name": return [self.name(of: s.Tags)]
                    default: return []
                    }
                }
            }
            return DescribeSubnetsResult(Subnets: subnets)
        }
    }

    public func deleteSubnet(_ input: DeleteSubnetRequest) throws {
        try write("DeleteSubnet") { tx in
            guard try tx.get(Subnet.self, region: region, kind: SimCloud.subnetKind, id: input.SubnetId) != nil else {
                throw AWSError("InvalidSubnetID.NotFound", "The subnet ID '\(input.SubnetId)' does not exist")
            }
            let balancers = try tx.all(LoadBalancer.self, region: region, kind: SimCloud.loadBalancerKind)
            let nats = try tx.all(NatGateway.self, region: region, kind: SimCloud.natGatewayKind).map { try current(tx, $0) }
            if balancers.contains(where: { $0.AvailabilityZones?.contains { $0.SubnetId == input.SubnetId } == true })
                || nats.contains(where: { $0.SubnetId == input.SubnetId && $0.State != "deleted" && $0.State != "failed" }) {
                throw AWSError("DependencyViolation", "The subnet '\(input.SubnetId)' has dependencies and cannot be deleted.")
            }
            // EC2: the subnet's route table association goes with it.
            for var table in try tx.all(RouteTable.self, region: region, kind: SimCloud.routeTableKind)
            where table.Associations?.contains(where: { $0.SubnetId == input.SubnetId }) == true {
                table.Associations?.removeAll { $0.SubnetId == input.SubnetId }
                try tx.put(table, region: region, kind: SimCloud.routeTableKind, id: table.RouteTableId ?? "", name: "", parent: table.VpcId ?? "")
            }
            try tx.delete(region: region, kind: SimCloud.subnetKind, id: input.SubnetId)
        }
    }

    public func createSecurityGroup(_ input: CreateSecurityGroupRequest) throws -> CreateSecurityGroupResult {
        guard !input.GroupName.isEmpty, input.GroupName.count <= 255, !input.GroupName.hasPrefix("sg-") else {
            throw AWSError("InvalidParameterValue", "Invalid security group name '\(input.GroupName)'")
        }
        guard let vpcId = input.VpcId else {
            throw AWSError("VPCIdNotSpecified", "No default VPC for this user")
        }
        return try write("CreateSecurityGroup") { tx in
            _ = try requireVpc(tx, vpcId)
            let existing = try tx.children(SecurityGroup.self, region: region, kind: SimCloud.securityGroupKind, parent: vpcId)
                .filter { $0.GroupName == input.GroupName }
            if existing.contains(where: { $0.VpcId == vpcId }) {
                throw AWSError("InvalidGroup.Duplicate", "The security group '\(input.GroupName)' already exists for VPC '\(vpcId)'")
            }
            var group = SecurityGroup()
            group.GroupId = "sg-" + (try hexID(tx, "sg"))
            group.GroupName = input.GroupName
            group.Description = input.Description
            group.VpcId = vpcId
            group.OwnerId = account
            group.IpPermissions = []
            group.IpPermissionsEgress = [IpPermission(IpProtocol: "-1", FromPort: nil, ToPort: nil, IpRanges: [IpRange(CidrIp: "0.0.0.0/0")])]
            group.SecurityGroupArn = arn("ec2", "security-group/\(group.GroupId!)")
            try tx.put(group, region: region, kind: SimCloud.securityGroupKind, id: group.GroupId!, name: input.GroupName, parent: vpcId)
            return CreateSecurityGroupResult(GroupId: group.GroupId!)
        }
    }

    func requireSecurityGroup(_ tx: SimStore.Transaction, _ id: String) throws -> SecurityGroup {
        guard let group = try tx.get(SecurityGroup.self, region: region, kind: SimCloud.securityGroupKind, id: id) else {
            throw AWSError("InvalidGroup.NotFound", "The security group '\(id)' does not exist")
        }
        return group
    }

    public func authorizeSecurityGroupIngress(_ input: AuthorizeSecurityGroupIngressRequest) throws {
        try write("AuthorizeSecurityGroupIngress") { tx in
            var group = try requireSecurityGroup(tx, input.GroupId)
            var rules = group.IpPermissions ?? []
            for rule in input.IpPermissions {
                guard ["tcp", "udp", "icmp", "-1"].contains(rule.IpProtocol) else {
                    throw AWSError("InvalidParameterValue", "Invalid value '\(rule.IpProtocol)' for IP protocol. Unknown protocol.")
                }
                if rules.contains(rule) {
                    throw AWSError("InvalidPermission.Duplicate",
                                   "the specified rule \"peer: \(rule.IpRanges?.first?.CidrIp ?? ""), \(rule.IpProtocol.uppercased()), from port: \(rule.FromPort ?? 0), to port: \(rule.ToPort ?? 0), ALLOW\" already exists")
                }
                rules.append(rule)
            }
            group.IpPermissions = rules
            try tx.put(group, region: region, kind: SimCloud.securityGroupKind, id: input.GroupId, name: group.GroupName ?? "", parent: group.VpcId ?? "")
        }
    }

    public func describeSecurityGroups(_ input: DescribeSecurityGroupsRequest) throws -> DescribeSecurityGroupsResult {
        try read("DescribeSecurityGroups") { tx in
            var groups: [SecurityGroup]
            if let ids = input.GroupIds {
                groups = try ids.map { try requireSecurityGroup(tx, $0) }
            } else if let vpcs = input.Filters?.first(where: { $0.Name == "vpc-id" })?.Values {
                groups = try vpcs.flatMap { try tx.children(SecurityGroup.self, region: region, kind: SimCloud.securityGroupKind, parent: $0) }
            } else {
                groups = try tx.all(SecurityGroup.self, region: region, kind: SimCloud.securityGroupKind)
            }
            groups = groups.filter { g in
                matches(input.Filters) { name in
                    switch name {
                    case "vpc-id": return [g.VpcId ?? ""]
                    case "group-name": return [g.GroupName ?? ""]
                    case "group-id": return [g.GroupId ?? ""]
                    default: return []
                    }
                }
            }
            return DescribeSecurityGroupsResult(SecurityGroups: groups)
        }
    }

    public func deleteSecurityGroup(_ input: DeleteSecurityGroupRequest) throws {
        try write("DeleteSecurityGroup") { tx in
            let group = try requireSecurityGroup(tx, input.GroupId)
            if group.GroupName == "default" {
                throw AWSError("CannotDelete", "the specified group: \"\(input.GroupId)\" name: \"default\" cannot be deleted by a user")
            }
            let balancers = try tx.all(LoadBalancer.self, region: region, kind: SimCloud.loadBalancerKind)
            if balancers.contains(where: { $0.SecurityGroups?.contains(input.GroupId) == true }) {
                throw AWSError("DependencyViolation", "resource \(input.GroupId) has a dependent object")
            }
            try tx.delete(region: region, kind: SimCloud.securityGroupKind, id: input.GroupId)
        }
    }
}
