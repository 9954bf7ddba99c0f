import AWSModel
import BGSHCore
import BGSHSyntax

/// `nat create --subnet PUBLIC-SUBNET [--name N]`: AllocateAddress + CreateNatGateway, waiting
/// until it is `available` (a virtual minute on the simulator). Identified by its Name tag
/// (default: the subnet's id) when re-run.
struct NatCreate: Command {
    static let spec = CommandSpec(
        ["nat", "create"], group: .resources,
        summary: "create a NAT gateway in a public subnet, for private subnets to reach out (AllocateAddress, CreateNatGateway)",
        options: [.option("subnet", .resource(.subnet), valueName: "PUBLIC-SUBNET", required: true, help: "a public subnet (its route table goes to the internet gateway)"),
                  .option("name", .string, valueName: "N", help: "its Name tag, which identifies it when re-run (default: the subnet's id)"),
                  CommonOptions.as],
        examples: [Example("nat create --subnet $SUB1 --as NAT", "a NAT gateway in the first public subnet; $NAT holds its id")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let subnet = try Resolve.subnet(invocation.string("subnet") ?? "", invocation, at: "subnet")
        let subnetId = subnet.SubnetId ?? ""
        let name = invocation.string("name") ?? subnetId
        let cloud = try invocation.cloud()
        let placeholder = Resolve.isPlaceholder(subnetId, invocation)
        if !placeholder {
            let existing = try cloud.describeNatGateways(DescribeNatGatewaysRequest(Filter: [Filter(Name: "tag:Name", Values: [name])])).NatGateways
                .filter { ["pending", "available"].contains($0.State ?? "") }
            if let nat = existing.first {
                guard nat.SubnetId == subnetId else {
                    throw invocation.failure("NAT gateway '\(name)' exists in \(nat.SubnetId ?? "?"), not \(subnetId): delete it first or pick another --name", at: "subnet")
                }
                invocation.produce(try waitAvailable(nat, cloud, invocation).NatGatewayId ?? "")
                return
            }
            // A NAT gateway in a private subnet has no way out itself: refused before anything is made.
            guard Network.isPublic(subnetId, in: try Network.routeTables(subnet.VpcId ?? "", cloud)) else {
                throw invocation.failure("subnet \(subnetId) is not public (its route table has no 0.0.0.0/0 to an internet gateway): a NAT gateway goes in a public subnet", at: "subnet")
            }
        }
        let tag = { (type: String) in [TagSpecification(ResourceType: type, Tags: [EC2Tag(Key: "Name", Value: name)])] }
        let address = try cloud.allocateAddress(AllocateAddressRequest(TagSpecifications: tag("elastic-ip")))
        let input = CreateNatGatewayRequest(SubnetId: subnetId, AllocationId: address.AllocationId, TagSpecifications: tag("natgateway"))
        guard let output = try invocation.mutate("ec2:CreateNatGateway", input, { try cloud.createNatGateway(input) }) else {
            invocation.producePlaceholder(invocation.placeholder("nat-"), kind: "nat", name: name)
            return
        }
        let nat = try waitAvailable(output.NatGateway, cloud, invocation)
        invocation.produce(nat.NatGatewayId ?? "")
    }

    /// Looks again every 15 s (the simulator's clock or AWS's) while the gateway is in one of
    /// `states`, for at most 15 minutes; Ctrl-C ends it.
    static func waitWhile(_ nat: NatGateway, in states: Set<String>, _ cloud: any Cloud, _ invocation: Invocation, then hint: String) throws -> NatGateway {
        var nat = nat
        let id = nat.NatGatewayId ?? ""
        var waited = 0.0
        while states.contains(nat.State ?? "") {
            guard waited < 900 else { throw invocation.failure("NAT gateway \(id) is still \(nat.State ?? "") after 15m00s: \(hint)") }
            guard try DeployContext.pass(15, invocation) else { throw invocation.failure("interrupted: NAT gateway \(id) is \(nat.State ?? ""); \(hint)") }
            waited += 15
            nat = try cloud.describeNatGateways(DescribeNatGatewaysRequest(NatGatewayIds: [id])).NatGateways.first ?? nat
        }
        return nat
    }

    /// Waits (on the simulator's clock, or AWS's) until the gateway is `available`; a `failed`
    /// one is an error with EC2's reason, and its address is released.
    static func waitAvailable(_ nat: NatGateway, _ cloud: any Cloud, _ invocation: Invocation) throws -> NatGateway {
        let id = nat.NatGatewayId ?? ""
        let nat = try waitWhile(nat, in: ["pending"], cloud, invocation, then: "`nat list` shows it")
        if nat.State == "failed" {
            for address in nat.NatGatewayAddresses ?? [] {
                try? cloud.releaseAddress(ReleaseAddressRequest(AllocationId: address.AllocationId))
            }
            throw invocation.failure("NAT gateway \(id) failed: \(nat.FailureCode ?? ""): \(nat.FailureMessage ?? "")"
                                     + (nat.FailureCode == "Gateway.NotAttached" ? " (make the VPC with its internet gateway: `vpc create` without --no-internet-gateway)" : ""))
        }
        return nat
    }
}

/// `nat list`: DescribeNatGateways.
struct NatList: Command {
    static let spec = CommandSpec(
        ["nat", "list"], group: .resources,
        summary: "list NAT gateways (DescribeNatGateways)",
        examples: [Example("nat list", "each NAT gateway with its subnet, address and state")])

    static func run(_ invocation: Invocation) throws {
        let output = try invocation.cloud().describeNatGateways(DescribeNatGatewaysRequest())
        let rows = output.NatGateways.map { nat in
            [nat.NatGatewayId ?? "", nat.Tags?.first { $0.Key == "Name" }?.Value ?? "-", nat.VpcId ?? "", nat.SubnetId ?? "",
             nat.NatGatewayAddresses?.first?.PublicIp ?? "-", nat.State ?? ""]
        }
        invocation.show(View(json: try JSONValue.from(output), table: Table(headers: ["NAT GATEWAY", "NAME", "VPC", "SUBNET", "PUBLIC IP", "STATE"], rows: rows),
                             text: output.NatGateways.compactMap(\.NatGatewayId)))
    }
}

/// `nat delete NAT`: DeleteNatGateway, waiting until it is `deleted`, then ReleaseAddress.
struct NatDelete: Command {
    static let spec = CommandSpec(
        ["nat", "delete"], group: .resources,
        summary: "delete a NAT gateway and release its address (DeleteNatGateway, ReleaseAddress)",
        arguments: [ArgumentSpec("NAT", .string, help: "its id or Name tag")],
        options: [CommonOptions.yes],
        examples: [Example("nat delete my-nat --yes", "delete the NAT gateway named my-nat, without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let reference = invocation.string("NAT") ?? ""
        let cloud = try invocation.cloud()
        var nat = try Network.natGateway(reference, vpcId: nil, live: ["pending", "available", "deleting", "failed"], cloud, invocation, at: "NAT")
        let id = nat.NatGatewayId ?? ""
        try invocation.confirmDelete("NAT gateway \(id)")
        guard try invocation.mutate("ec2:DeleteNatGateway", DeleteNatGatewayRequest(NatGatewayId: id), { try cloud.deleteNatGateway(DeleteNatGatewayRequest(NatGatewayId: id)) }) != nil else {
            for address in nat.NatGatewayAddresses ?? [] { try cloud.releaseAddress(ReleaseAddressRequest(AllocationId: address.AllocationId)) }
            return
        }
        nat = try NatCreate.waitWhile(nat, in: ["pending", "available", "deleting", "failed"], cloud, invocation, then: "release its address once it is deleted")
        for address in nat.NatGatewayAddresses ?? [] { try cloud.releaseAddress(ReleaseAddressRequest(AllocationId: address.AllocationId)) }
        invocation.session.out.write("deleted NAT gateway \(id)\n")
    }
}
