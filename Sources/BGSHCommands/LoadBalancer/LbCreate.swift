import AWSModel
import BGSHCore

/// `lb create NAME --subnets S1,S2 [--security-groups SG]`: CreateLoadBalancer (application).
struct LbCreate: Command {
    static let spec = CommandSpec(
        ["lb", "create"], group: .resources,
        summary: "create an application load balancer (CreateLoadBalancer); re-running returns it",
        arguments: [ArgumentSpec("NAME", .string, help: "up to 32 letters, digits and hyphens")],
        options: [.option("subnets", .resource(.subnet), valueName: "S1,S2", required: true, help: "subnets in two or more availability zones"),
                  .option("security-groups", .resource(.securityGroup), valueName: "SG,…", help: "security groups (default: the VPC's default group)"),
                  .flag("internal", help: "an internal load balancer (default: internet-facing)"),
                  CommonOptions.as],
        examples: [Example("lb create my-ecs-alb --subnets $SUB1,$SUB2 --security-groups $SG", "the seed's load balancer; prints its ARN")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let name = invocation.string("NAME") ?? ""
        guard let subnetList = invocation.string("subnets") else { throw invocation.failure("lb create needs --subnets S1,S2") }
        let subnets = try Resolve.list(subnetList).map { try Resolve.subnet($0, invocation, at: "subnets").SubnetId ?? $0 }
        let groups = try invocation.string("security-groups").map { list in
            try Resolve.list(list).map { try Resolve.securityGroup($0, vpcId: nil, invocation, at: "security-groups").GroupId ?? $0 }
        }
        let input = CreateLoadBalancerInput(Name: name, Subnets: subnets, SecurityGroups: groups,
                                            Scheme: invocation.flag("internal") ? "internal" : "internet-facing")
        let cloud = try invocation.cloud()
        if let existing = try absentIfNotFound({ try cloud.describeLoadBalancers(DescribeLoadBalancersInput(Names: [name])).LoadBalancers.first }) {
            // AWS answers a same-settings re-create with the existing one and refuses another
            // (DuplicateLoadBalancerName, without saying what differs): bgsh names the difference.
            var differences: [String] = []
            let have = (existing.AvailabilityZones ?? []).compactMap(\.SubnetId)
            if Set(have) != Set(subnets) { differences.append("subnets \(have.joined(separator: ","))") }
            if let groups, Set(existing.SecurityGroups ?? []) != Set(groups) { differences.append("security groups \((existing.SecurityGroups ?? []).joined(separator: ","))") }
            if existing.Scheme != input.Scheme { differences.append("scheme \(existing.Scheme ?? "")") }
            guard differences.isEmpty else {
                throw invocation.failure("load balancer '\(name)' exists with \(differences.joined(separator: ", ")): delete it first or pick another name", at: "NAME")
            }
            // Without --security-groups AWS compares with the VPC's default group: it decides.
            if groups != nil {
                invocation.produce(existing.LoadBalancerArn ?? "")
                return
            }
        }
        // AWS makes an internet-facing load balancer in subnets with no route to the internet
        // gateway; it just cannot be reached. Said before it is made.
        if !invocation.flag("internal"), let first = subnets.first, !Resolve.isPlaceholder(first, invocation),
           let vpcId = try cloud.describeSubnets(DescribeSubnetsRequest(SubnetIds: [first])).Subnets.first?.VpcId {
            let tables = try Network.routeTables(vpcId, cloud)
            let closed = subnets.filter { !Network.isPublic($0, in: tables) }
            if !closed.isEmpty, try Network.internetGateway(vpcId, cloud) != nil {
                invocation.session.out.writeError("warning: \(closed.joined(separator: ", ")) \(closed.count == 1 ? "has" : "have") no route to the internet gateway: "
                                                  + "an internet-facing load balancer there cannot be reached from the internet (give public subnets, or --internal)\n")
            }
        }
        guard let output = try invocation.mutate("elbv2:CreateLoadBalancer", input, { try cloud.createLoadBalancer(input) }) else {
            invocation.producePlaceholder(invocation.placeholderArn("elasticloadbalancing", "loadbalancer/app", name: name), kind: "lb", name: name)
            return
        }
        invocation.produce(output.LoadBalancers.first?.LoadBalancerArn ?? "")
    }
}
