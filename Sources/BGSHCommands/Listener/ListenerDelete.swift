import AWSModel
import BGSHCore

/// `listener delete LB:PORT`: DeleteListener.
struct ListenerDelete: Command {
    static let spec = CommandSpec(
        ["listener", "delete"], group: .resources,
        summary: "delete a listener (DeleteListener)",
        arguments: [ArgumentSpec("LISTENER", .resource(.listener), help: "LB:PORT or its ARN")],
        options: [CommonOptions.yes],
        examples: [Example("listener delete my-ecs-alb:8080 --yes", "delete the test listener without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let (lb, listener) = try Resolve.listener(invocation.string("LISTENER") ?? "", invocation, at: "LISTENER")
        let shown = "\(lb.LoadBalancerName ?? ""):\(listener.Port ?? 0)"
        try invocation.confirmDelete("listener \(shown)")
        let input = DeleteListenerInput(ListenerArn: listener.ListenerArn ?? "")
        guard try invocation.mutate("elbv2:DeleteListener", input, { try invocation.cloud().deleteListener(input) }) != nil else { return }
        invocation.session.out.write("deleted listener \(shown)\n")
    }
}
