import AWSModel

/// Internet gateways, route tables, Elastic IPs and NAT gateways, with EC2's rules: what makes a
/// subnet public (its route table sends 0.0.0.0/0 to an attached internet gateway) or able to
/// reach out privately (0.0.0.0/0 to an available NAT gateway in a public subnet).
extension SimCloud {
    static let internetGatewayKind = "ec2.igw"
    static let routeTableKind = "ec2.rtb"
    static let addressKind = "ec2.eip"
    static let natGatewayKind = "ec2.nat"
    /// A NAT gateway is `pending` this long before `available`, and `deleting` before `deleted`.
    static let natTransition: Double = 60

    // MARK: reading the network

    /// The VPC's attached internet gateway, if any.
    func attachedGateway(_ tx: SimStore.Transaction, vpcId: String) throws -> InternetGateway? {
        try tx.find(InternetGateway.self, region: region, kind: SimCloud.internetGatewayKind, name: vpcId).first
    }

    /// The route table that governs a subnet: its explicit association, else the VPC's main table.
    func routeTable(_ tx: SimStore.Transaction, subnet: Subnet) throws -> RouteTable? {
        try tx.children(RouteTable.self, region: region, kind: SimCloud.routeTableKind, parent: subnet.VpcId ?? "").governing(subnet.SubnetId ?? "")
    }

    /// Where a subnet's default route (0.0.0.0/0) leads, once the target's state is applied.
    enum DefaultRoute: Equatable { case none, internetGateway, natGateway, blackhole }

    func defaultRoute(_ tx: SimStore.Transaction, subnet: Subnet) throws -> DefaultRoute {
        guard let table = try routeTable(tx, subnet: subnet),
              let route = try current(tx, table).defaultRoute else { return .none }
        if route.State == "blackhole" { return .blackhole }
        if route.GatewayId?.hasPrefix("igw-") == true { return .internetGateway }
        if route.NatGatewayId != nil {
            let nat = try tx.get(NatGateway.self, region: region, kind: SimCloud.natGatewayKind, id: route.NatGatewayId ?? "").map { try current(tx, $0) }
            return nat?.State == "available" ? .natGateway : .blackhole
        }
        return .none
    }

    /// Public: its default route is an internet gateway attached to its VPC.
    func isPublic(_ tx: SimStore.Transaction, subnetId: String) throws -> Bool {
        guard let subnet = try tx.get(Subnet.self, region: region, kind: SimCloud.subnetKind, id: subnetId) else { return false }
        return try defaultRoute(tx, subnet: subnet) == .internetGateway
    }

    /// A route table as EC2 reports it now: a route whose gateway was detached or whose NAT
    /// gateway is gone is a `blackhole`.
    func current(_ tx: SimStore.Transaction, _ table: RouteTable) throws -> RouteTable {
        var table = table
        let gateway = try attachedGateway(tx, vpcId: table.VpcId ?? "")
        for i in (table.Routes ?? []).indices {
            guard let route = table.Routes?[i] else { continue }
            if let id = route.GatewayId, id.hasPrefix("igw-") {
                table.Routes?[i].State = gateway?.InternetGatewayId == id ? "active" : "blackhole"
            } else if let id = route.NatGatewayId {
                let nat = try tx.get(NatGateway.self, region: region, kind: SimCloud.natGatewayKind, id: id).map { try current(tx, $0) }
                table.Routes?[i].State = ["deleting", "deleted", "failed"].contains(nat?.State ?? "deleted") ? "blackhole" : "active"
            }
        }
        return table
    }

    /// A NAT gateway as EC2 reports it now: `pending` → `available` after a virtual minute,
    /// `deleting` → `deleted` likewise.
    func current(_ tx: SimStore.Transaction, _ nat: NatGateway) throws -> NatGateway {
        var nat = nat
        let now = try now(tx)
        if nat.State == "pending", now >= (nat.CreateTime ?? now) + SimCloud.natTransition { nat.State = "available" }
        if nat.State == "deleting", now >= (nat.DeleteTime ?? now) + SimCloud.natTransition { nat.State = "deleted" }
        return nat
    }

    /// Every VPC gets a main route table with its local route (CreateVpc).
    func makeMainRouteTable(_ tx: SimStore.Transaction, vpc: Vpc) throws {
        var table = RouteTable()
        table.RouteTableId = "rtb-" + (try hexID(tx, "rtb"))
        table.VpcId = vpc.VpcId
        table.OwnerId = account
        table.Routes = [SimCloud.localRoute(vpc)]
        var main = RouteTableAssociation()
        main.Main = true
        main.RouteTableAssociationId = "rtbassoc-" + (try hexID(tx, "rtbassoc"))
        main.RouteTableId = table.RouteTableId
        main.AssociationState = RouteTableAssociationState(State: "associated")
        table.Associations = [main]
        try tx.put(table, region: region, kind: SimCloud.routeTableKind, id: table.RouteTableId!, name: "", parent: vpc.VpcId ?? "")
    }

    static func localRoute(_ vpc: Vpc) -> Route {
        var local = Route()
        local.DestinationCidrBlock = vpc.CidrBlock
        local.GatewayId = "local"
        local.Origin = "CreateRouteTable"
        local.State = "active"
        return local
    }

    // MARK: internet gateways

    func requireGateway(_ tx: SimStore.Transaction, _ id: String) throws -> InternetGateway {
        guard let gateway = try tx.get(InternetGateway.self, region: region, kind: SimCloud.internetGatewayKind, id: id) else {
            throw AWSError("InvalidInternetGatewayID.NotFound", "The internetGateway ID '\(id)' does not exist")
        }
        return gateway
    }

    public func createInternetGateway(_ input: CreateInternetGatewayRequest) throws -> CreateInternetGatewayResult {
        try write("CreateInternetGateway") { tx in
            var gateway = InternetGateway()
            gateway.InternetGatewayId = "igw-" + (try hexID(tx, "igw"))
            gateway.Attachments = []
            gateway.OwnerId = account
            gateway.Tags = try tags(input.TagSpecifications, type: "internet-gateway")
            try tx.put(gateway, region: region, kind: SimCloud.internetGatewayKind, id: gateway.InternetGatewayId!, name: "")
            return CreateInternetGatewayResult(InternetGateway: gateway)
        }
    }

    public func attachInternetGateway(_ input: InternetGatewayVpcRequest) throws {
        try write("AttachInternetGateway") { tx in
            var gateway = try requireGateway(tx, input.InternetGatewayId)
            _ = try requireVpc(tx, input.VpcId)
            if let attached = gateway.Attachments?.first {
                throw AWSError("Resource.AlreadyAssociated", "resource \(input.InternetGatewayId) is already attached to network \(attached.VpcId ?? "")")
            }
            if let other = try attachedGateway(tx, vpcId: input.VpcId) {
                throw AWSError("Resource.AlreadyAssociated", "network \(input.VpcId) already has an internet gateway attached (\(other.InternetGatewayId ?? ""))")
            }
            gateway.Attachments = [InternetGatewayAttachment(State: "available", VpcId: input.VpcId)]
            try tx.put(gateway, region: region, kind: SimCloud.internetGatewayKind, id: input.InternetGatewayId, name: input.VpcId)
        }
    }

    public func detachInternetGateway(_ input: InternetGatewayVpcRequest) throws {
        try write("DetachInternetGateway") { tx in
            var gateway = try requireGateway(tx, input.InternetGatewayId)
            guard gateway.Attachments?.first?.VpcId == input.VpcId else {
                throw AWSError("Gateway.NotAttached", "resource \(input.InternetGatewayId) is not attached to network \(input.VpcId)")
            }
            // EC2: public addresses in the VPC (a NAT gateway's) keep the gateway attached.
            let nats = try tx.children(NatGateway.self, region: region, kind: SimCloud.natGatewayKind, parent: input.VpcId).map { try current(tx, $0) }
            if nats.contains(where: { ["pending", "available", "deleting"].contains($0.State ?? "") }) {
                throw AWSError("DependencyViolation", "Network \(input.VpcId) has some mapped public address(es). Please unmap those public address(es) before detaching the gateway.")
            }
            gateway.Attachments = []
            try tx.put(gateway, region: region, kind: SimCloud.internetGatewayKind, id: input.InternetGatewayId, name: "")
        }
    }

    public func deleteInternetGateway(_ input: DeleteInternetGatewayRequest) throws {
        try write("DeleteInternetGateway") { tx in
            let gateway = try requireGateway(tx, input.InternetGatewayId)
            guard gateway.Attachments?.isEmpty ?? true else {
                throw AWSError("DependencyViolation", "The internetGateway '\(input.InternetGatewayId)' has dependencies and cannot be deleted.")
            }
            try tx.delete(region: region, kind: SimCloud.internetGatewayKind, id: input.InternetGatewayId)
        }
    }

    public func describeInternetGateways(_ input: DescribeInternetGatewaysRequest) throws -> DescribeInternetGatewaysResult {
        try read("DescribeInternetGateways") { tx in
            var gateways = try input.InternetGatewayIds.map { try $0.map { try requireGateway(tx, $0) } }
                ?? tx.all(InternetGateway.self, region: region, kind: SimCloud.internetGatewayKind)
            gateways = gateways.filter { g in
                matches(input.Filters) { name in
                    switch name {
                    case "attachment.vpc-id": return g.Attachments?.compactMap(\.VpcId) ?? []
                    case "internet-gateway-id": return [g.InternetGatewayId ?? ""]
                    default: return SimCloud.tagValues(name, g.Tags)
                    }
                }
            }
            return DescribeInternetGatewaysResult(InternetGateways: gateways)
        }
    }

    /// `tag:KEY` filters.
    static func tagValues(_ filter: String, _ tags: [EC2Tag]?) -> [String] {
        guard filter.hasPrefix("tag:") else { return [] }
        let key = String(filter.dropFirst(4))
        return (tags ?? []).filter { $0.Key == key }.map(\.Value)
    }

    // MARK: route tables

    func requireRouteTable(_ tx: SimStore.Transaction, _ id: String) throws -> RouteTable {
        guard let table = try tx.get(RouteTable.self, region: region, kind: SimCloud.routeTableKind, id: id) else {
            throw AWSError("InvalidRouteTableID.NotFound", "The routeTable ID '\(id)' does not exist")
        }
        return table
    }

    public func createRouteTable(_ input: CreateRouteTableRequest) throws -> CreateRouteTableResult {
        try write("CreateRouteTable") { tx in
            let vpc = try requireVpc(tx, input.VpcId)
            var table = RouteTable()
            table.RouteTableId = "rtb-" + (try hexID(tx, "rtb"))
            table.VpcId = input.VpcId
            table.OwnerId = account
            table.Routes = [SimCloud.localRoute(vpc)]
            table.Associations = []
            table.Tags = try tags(input.TagSpecifications, type: "route-table")
            try tx.put(table, region: region, kind: SimCloud.routeTableKind, id: table.RouteTableId!, name: "", parent: input.VpcId)
            return CreateRouteTableResult(RouteTable: table)
        }
    }

    public func deleteRouteTable(_ input: DeleteRouteTableRequest) throws {
        try write("DeleteRouteTable") { tx in
            let table = try requireRouteTable(tx, input.RouteTableId)
            guard table.Associations?.isEmpty ?? true else {
                throw AWSError("DependencyViolation", "The routeTable '\(input.RouteTableId)' has dependencies and cannot be deleted.")
            }
            try tx.delete(region: region, kind: SimCloud.routeTableKind, id: input.RouteTableId)
        }
    }

    public func createRoute(_ input: CreateRouteRequest) throws -> CreateRouteResult {
        try write("CreateRoute") { tx in
            var table = try requireRouteTable(tx, input.RouteTableId)
            guard let destination = input.DestinationCidrBlock, CIDR(destination) != nil else {
                throw AWSError("InvalidParameterValue", "Value (\(input.DestinationCidrBlock ?? "")) for parameter destinationCidrBlock is invalid.")
            }
            if table.Routes?.contains(where: { $0.DestinationCidrBlock == destination }) == true {
                throw AWSError("RouteAlreadyExists", "The route identified by \(destination) already exists.")
            }
            var route = Route()
            route.DestinationCidrBlock = destination
            route.Origin = "CreateRoute"
            route.State = "active"
            if let id = input.GatewayId {
                let gateway = try requireGateway(tx, id)
                guard gateway.Attachments?.first?.VpcId == table.VpcId else {
                    throw AWSError("InvalidParameterValue", "route table \(input.RouteTableId) and network gateway \(id) belong to different networks")
                }
                route.GatewayId = id
            } else if let id = input.NatGatewayId {
                guard let nat = try tx.get(NatGateway.self, region: region, kind: SimCloud.natGatewayKind, id: id) else {
                    throw AWSError("InvalidNatGatewayID.NotFound", "The natGateway ID '\(id)' does not exist")
                }
                guard nat.VpcId == table.VpcId else {
                    throw AWSError("InvalidParameterValue", "route table \(input.RouteTableId) and NAT gateway \(id) belong to different networks")
                }
                route.NatGatewayId = id
            } else {
                throw AWSError("MissingParameter", "The request must contain exactly one of gatewayId, natGatewayId, networkInterfaceId, vpcPeeringConnectionId or instanceId")
            }
            table.Routes = (table.Routes ?? []) + [route]
            try tx.put(table, region: region, kind: SimCloud.routeTableKind, id: input.RouteTableId, name: "", parent: table.VpcId ?? "")
            return CreateRouteResult(Return: true)
        }
    }

    public func associateRouteTable(_ input: AssociateRouteTableRequest) throws -> AssociateRouteTableResult {
        try write("AssociateRouteTable") { tx in
            var table = try requireRouteTable(tx, input.RouteTableId)
            guard let subnetId = input.SubnetId, let subnet = try tx.get(Subnet.self, region: region, kind: SimCloud.subnetKind, id: subnetId) else {
                throw AWSError("InvalidSubnetID.NotFound", "The subnet ID '\(input.SubnetId ?? "")' does not exist")
            }
            guard subnet.VpcId == table.VpcId else {
                throw AWSError("InvalidParameterValue", "Route table \(input.RouteTableId) and subnet \(subnetId) belong to different networks")
            }
            let tables = try tx.children(RouteTable.self, region: region, kind: SimCloud.routeTableKind, parent: table.VpcId ?? "")
            if let other = tables.first(where: { $0.Associations?.contains { $0.SubnetId == subnetId } == true }) {
                throw AWSError("Resource.AlreadyAssociated", "the specified association for route table \(other.RouteTableId ?? "") conflicts with an existing association")
            }
            var association = RouteTableAssociation()
            association.Main = false
            association.RouteTableAssociationId = "rtbassoc-" + (try hexID(tx, "rtbassoc"))
            association.RouteTableId = input.RouteTableId
            association.SubnetId = subnetId
            association.AssociationState = RouteTableAssociationState(State: "associated")
            table.Associations = (table.Associations ?? []) + [association]
            try tx.put(table, region: region, kind: SimCloud.routeTableKind, id: input.RouteTableId, name: "", parent: table.VpcId ?? "")
            return AssociateRouteTableResult(AssociationId: association.RouteTableAssociationId, AssociationState: association.AssociationState)
        }
    }

    public func disassociateRouteTable(_ input: DisassociateRouteTableRequest) throws {
        try write("DisassociateRouteTable") { tx in
            let tables = try tx.all(RouteTable.self, region: region, kind: SimCloud.routeTableKind)
            guard var table = tables.first(where: { $0.Associations?.contains { $0.RouteTableAssociationId == input.AssociationId } == true }) else {
                throw AWSError("InvalidAssociationID.NotFound", "The association ID '\(input.AssociationId)' does not exist")
            }
            if table.Associations?.first(where: { $0.RouteTableAssociationId == input.AssociationId })?.Main == true {
                throw AWSError("InvalidParameterValue", "cannot disassociate the main route table association \(input.AssociationId)")
            }
            table.Associations?.removeAll { $0.RouteTableAssociationId == input.AssociationId }
            try tx.put(table, region: region, kind: SimCloud.routeTableKind, id: table.RouteTableId ?? "", name: "", parent: table.VpcId ?? "")
        }
    }

    public func describeRouteTables(_ input: DescribeRouteTablesRequest) throws -> DescribeRouteTablesResult {
        try read("DescribeRouteTables") { tx in
            var tables: [RouteTable]
            if let ids = input.RouteTableIds {
                tables = try ids.map { try requireRouteTable(tx, $0) }
            } else if let vpcs = input.Filters?.first(where: { $0.Name == "vpc-id" })?.Values {
                tables = try vpcs.flatMap { try tx.children(RouteTable.self, region: region, kind: SimCloud.routeTableKind, parent: $0) }
            } else {
                tables = try tx.all(RouteTable.self, region: region, kind: SimCloud.routeTableKind)
            }
            tables = try tables.filter { t in
                matches(input.Filters) { name in
                    switch name {
                    case "vpc-id": return [t.VpcId ?? ""]
                    case "route-table-id": return [t.RouteTableId ?? ""]
                    case "association.subnet-id": return t.Associations?.compactMap(\.SubnetId) ?? []
                    case "association.main": return t.isMain ? ["true"] : ["false"]
                    default: return SimCloud.tagValues(name, t.Tags)
                    }
                }
            }.map { try current(tx, $0) }
            return DescribeRouteTablesResult(RouteTables: tables)
        }
    }

    // MARK: Elastic IPs and NAT gateways

    public func allocateAddress(_ input: AllocateAddressRequest) throws -> AllocateAddressResult {
        try write("AllocateAddress") { tx in
            let n = try tx.nextNumber("eip")
            // 203.0.113.0/24 is TEST-NET-3, the documentation range: never a real address.
            let address = AllocateAddressResult(AllocationId: "eipalloc-" + (try hexID(tx, "eipalloc")), PublicIp: "203.0.113.\(n % 250 + 1)", Domain: "vpc")
            try tx.put(address, region: region, kind: SimCloud.addressKind, id: address.AllocationId ?? "", name: address.PublicIp ?? "")
            return address
        }
    }

    public func releaseAddress(_ input: ReleaseAddressRequest) throws {
        try write("ReleaseAddress") { tx in
            let id = input.AllocationId ?? ""
            guard try tx.get(AllocateAddressResult.self, region: region, kind: SimCloud.addressKind, id: id) != nil else {
                throw AWSError("InvalidAllocationID.NotFound", "The allocation ID '\(id)' does not exist")
            }
            let nats = try tx.all(NatGateway.self, region: region, kind: SimCloud.natGatewayKind).map { try current(tx, $0) }
            if nats.contains(where: { $0.State != "deleted" && $0.NatGatewayAddresses?.contains { $0.AllocationId == id } == true }) {
                throw AWSError("InvalidIPAddress.InUse", "Address \(id) is in use.")
            }
            try tx.delete(region: region, kind: SimCloud.addressKind, id: id)
        }
    }

    public func createNatGateway(_ input: CreateNatGatewayRequest) throws -> CreateNatGatewayResult {
        try write("CreateNatGateway") { tx in
            guard let subnetId = input.SubnetId, let subnet = try tx.get(Subnet.self, region: region, kind: SimCloud.subnetKind, id: subnetId) else {
                throw AWSError("InvalidSubnetID.NotFound", "The subnet ID '\(input.SubnetId ?? "")' does not exist")
            }
            let allocation = input.AllocationId ?? ""
            guard let address = try tx.get(AllocateAddressResult.self, region: region, kind: SimCloud.addressKind, id: allocation) else {
                throw AWSError("InvalidAllocationID.NotFound", "The allocation ID '\(allocation)' does not exist")
            }
            let existing = try tx.all(NatGateway.self, region: region, kind: SimCloud.natGatewayKind).map { try current(tx, $0) }
            // The same client token answers with the gateway it made.
            if let token = input.ClientToken, let made = existing.first(where: { ((try? tx.meta("ec2.nat-token.\($0.NatGatewayId ?? "")")) ?? nil) == token }) {
                return CreateNatGatewayResult(NatGateway: made)
            }
            if existing.contains(where: { $0.State != "deleted" && $0.State != "failed" && $0.NatGatewayAddresses?.contains { $0.AllocationId == allocation } == true }) {
                throw AWSError("Resource.AlreadyAssociated", "Elastic IP address [\(allocation)] is already associated")
            }
            let now = try now(tx)
            var nat = NatGateway()
            nat.NatGatewayId = "nat-" + (try hexID(tx, "nat"))
            nat.SubnetId = subnetId
            nat.VpcId = subnet.VpcId
            nat.CreateTime = now
            nat.ConnectivityType = "public"
            nat.Tags = try tags(input.TagSpecifications, type: "natgateway")
            nat.NatGatewayAddresses = [NatGatewayAddress(AllocationId: allocation, NetworkInterfaceId: "eni-" + (try hexID(tx, "eni")),
                                                         PrivateIp: try nextIP(tx, subnetId: subnetId), PublicIp: address.PublicIp)]
            // EC2 makes it, then fails it when the VPC has no internet gateway.
            if try attachedGateway(tx, vpcId: subnet.VpcId ?? "") == nil {
                nat.State = "failed"
                nat.FailureCode = "Gateway.NotAttached"
                nat.FailureMessage = "Network \(subnet.VpcId ?? "") has no Internet gateway attached"
            } else {
                nat.State = "pending"
            }
            try tx.put(nat, region: region, kind: SimCloud.natGatewayKind, id: nat.NatGatewayId!, name: name(of: nat.Tags), parent: subnet.VpcId ?? "")
            if let token = input.ClientToken { try tx.setMeta("ec2.nat-token.\(nat.NatGatewayId!)", token) }
            return CreateNatGatewayResult(NatGateway: nat)
        }
    }

    public func describeNatGateways(_ input: DescribeNatGatewaysRequest) throws -> DescribeNatGatewaysResult {
        try read("DescribeNatGateways") { tx in
            var nats: [NatGateway]
            if let ids = input.NatGatewayIds {
                nats = try ids.map { id in
                    guard let nat = try tx.get(NatGateway.self, region: region, kind: SimCloud.natGatewayKind, id: id) else {
                        throw AWSError("NatGatewayNotFound", "NAT gateway \(id) was not found")
                    }
                    return nat
                }
            } else {
                nats = try tx.all(NatGateway.self, region: region, kind: SimCloud.natGatewayKind)
            }
            nats = try nats.map { try current(tx, $0) }.filter { n in
                matches(input.Filter) { name in
                    switch name {
                    case "vpc-id": return [n.VpcId ?? ""]
                    case "subnet-id": return [n.SubnetId ?? ""]
                    case "state": return [n.State ?? ""]
                    case "nat-gateway-id": return [n.NatGatewayId ?? ""]
                    default: return SimCloud.tagValues(name, n.Tags)
                    }
                }
            }
            return DescribeNatGatewaysResult(NatGateways: nats)
        }
    }

    public func deleteNatGateway(_ input: DeleteNatGatewayRequest) throws -> DeleteNatGatewayResult {
        try write("DeleteNatGateway") { tx in
            guard var nat = try tx.get(NatGateway.self, region: region, kind: SimCloud.natGatewayKind, id: input.NatGatewayId).map({ try current(tx, $0) }) else {
                throw AWSError("NatGatewayNotFound", "NAT gateway \(input.NatGatewayId) was not found")
            }
            if nat.State != "deleting", nat.State != "deleted" {
                nat.State = "deleting"
                nat.DeleteTime = try now(tx)
                try tx.put(nat, region: region, kind: SimCloud.natGatewayKind, id: input.NatGatewayId, name: name(of: nat.Tags), parent: nat.VpcId ?? "")
            }
            return DeleteNatGatewayResult(NatGatewayId: input.NatGatewayId)
        }
    }
}
