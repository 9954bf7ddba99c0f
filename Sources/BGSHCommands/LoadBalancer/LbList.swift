import AWSModel
import BGSHCore

/// `lb list`: DescribeLoadBalancers.
struct LbList: Command {
    static let spec = CommandSpec(
        ["lb", "list"], group: .resources,
        summary: "list load balancers (DescribeLoadBalancers)",
        examples: [Example("lb list", "name, state and DNS name of each load balancer")])

    static func run(_ invocation: Invocation) throws {
        let output = DescribeLoadBalancersOutput(LoadBalancers: try invocation.cloud().describeAllLoadBalancers())
        let rows = output.LoadBalancers.map { [$0.LoadBalancerName ?? "", $0.State?.Code ?? "", $0.Scheme ?? "", $0.DNSName ?? ""] }
        invocation.show(View(json: try JSONValue.from(output), table: Table(headers: ["NAME", "STATE", "SCHEME", "DNS NAME"], rows: rows),
                             text: output.LoadBalancers.compactMap(\.LoadBalancerName)))
    }
}
