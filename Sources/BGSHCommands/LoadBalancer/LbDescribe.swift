import AWSModel
import BGSHCore

/// `lb describe NAME`: DescribeLoadBalancers of one.
struct LbDescribe: Command {
    static let spec = CommandSpec(
        ["lb", "describe"], group: .resources,
        summary: "describe a load balancer (DescribeLoadBalancers)",
        arguments: [ArgumentSpec("NAME", .resource(.loadBalancer), help: "its name or ARN")],
        options: [CommonOptions.get, CommonOptions.as],
        examples: [Example("lb describe my-ecs-alb --get DNSName", "the address to send traffic to")])

    static func run(_ invocation: Invocation) throws {
        if Resolve.dryRunRead(invocation.string("NAME"), invocation) { return }
        let lb = try Resolve.loadBalancer(invocation.string("NAME") ?? "", invocation, at: "NAME")
        let output = DescribeLoadBalancersOutput(LoadBalancers: [lb])
        let table = Table.keyValue([
            ("LoadBalancerName", lb.LoadBalancerName ?? ""), ("LoadBalancerArn", lb.LoadBalancerArn ?? ""),
            ("DNSName", lb.DNSName ?? ""), ("State", lb.State?.Code ?? ""), ("Scheme", lb.Scheme ?? ""), ("VpcId", lb.VpcId ?? ""),
            ("AvailabilityZones", (lb.AvailabilityZones ?? []).map { "\($0.ZoneName)=\($0.SubnetId)" }.joined(separator: ",")),
            ("SecurityGroups", (lb.SecurityGroups ?? []).joined(separator: ",")),
        ])
        try invocation.showDescribe(try JSONValue.from(output), table: table, text: [lb.LoadBalancerArn ?? ""])
    }
}
