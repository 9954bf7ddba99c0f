import AWSModel
import BGSHCore

/// `lb delete NAME`: DeleteLoadBalancer (its listeners go with it).
struct LbDelete: Command {
    static let spec = CommandSpec(
        ["lb", "delete"], group: .resources,
        summary: "delete a load balancer and its listeners (DeleteLoadBalancer)",
        arguments: [ArgumentSpec("NAME", .resource(.loadBalancer), help: "its name or ARN")],
        options: [CommonOptions.yes],
        examples: [Example("lb delete my-ecs-alb --yes", "delete without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let lb = try Resolve.loadBalancer(invocation.string("NAME") ?? "", invocation, at: "NAME")
        try invocation.confirmDelete("load balancer \(lb.LoadBalancerName ?? "") and its listeners")
        let input = DeleteLoadBalancerInput(LoadBalancerArn: lb.LoadBalancerArn ?? "")
        guard try invocation.mutate("elbv2:DeleteLoadBalancer", input, { try invocation.cloud().deleteLoadBalancer(input) }) != nil else { return }
        invocation.session.out.write("deleted load balancer \(lb.LoadBalancerName ?? "")\n")
    }
}
