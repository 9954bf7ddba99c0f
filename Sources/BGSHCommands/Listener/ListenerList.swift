import AWSModel
import BGSHCore

/// `listener list --lb LB`: DescribeListeners.
struct ListenerList: Command {
    static let spec = CommandSpec(
        ["listener", "list"], group: .resources,
        summary: "list a load balancer's listeners and where they forward (DescribeListeners)",
        options: [.option("lb", .resource(.loadBalancer), valueName: "LB", help: "the load balancer (name or ARN)")],
        examples: [Example("listener list --lb my-ecs-alb", "port, protocol and weighted target groups of each")])

    static func run(_ invocation: Invocation) throws {
        guard let reference = invocation.string("lb") else { throw invocation.failure("listener list needs --lb LB") }
        if Resolve.dryRunRead(reference, invocation) { return }
        let lb = try Resolve.loadBalancer(reference, invocation, at: "lb")
        let cloud = try invocation.cloud()
        let output = DescribeListenersOutput(Listeners: try cloud.describeAllListeners(DescribeListenersInput(LoadBalancerArn: lb.LoadBalancerArn)))
        let names = Dictionary((try cloud.describeAllTargetGroups()).map { ($0.TargetGroupArn ?? "", $0.TargetGroupName ?? "") },
                               uniquingKeysWith: { a, _ in a })
        let rows = output.Listeners.map { listener -> [String] in
            let forward = (listener.DefaultActions ?? []).flatMap { action -> [String] in
                if let tuples = action.ForwardConfig?.TargetGroups, tuples.count > 1 || action.TargetGroupArn == nil {
                    return tuples.map { "\(names[$0.TargetGroupArn] ?? $0.TargetGroupArn)=\($0.Weight ?? 1)" }
                }
                return [action.TargetGroupArn.map { names[$0] ?? $0 } ?? ""]
            }
            return ["\(lb.LoadBalancerName ?? ""):\(listener.Port ?? 0)", listener.Protocol ?? "", forward.joined(separator: ",")]
        }
        invocation.show(View(json: try JSONValue.from(output), table: Table(headers: ["LISTENER", "PROTOCOL", "FORWARDS TO"], rows: rows),
                             text: output.Listeners.compactMap(\.ListenerArn)))
    }
}
