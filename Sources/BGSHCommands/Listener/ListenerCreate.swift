import AWSModel
import BGSHCore

/// `listener create --lb LB --port P --forward TG`: CreateListener. A listener is identified by
/// its load balancer and port.
struct ListenerCreate: Command {
    static let spec = CommandSpec(
        ["listener", "create"], group: .resources,
        summary: "create a listener forwarding to a target group (CreateListener); identified by LB and port",
        options: [.option("lb", .resource(.loadBalancer), valueName: "LB", required: true, help: "the load balancer (name or ARN)"),
                  .option("port", .port, valueName: "PORT", required: true, help: "the port it listens on"),
                  .option("forward", .resource(.targetGroup), valueName: "TG", required: true, help: "the target group it forwards to"),
                  .option("protocol", .choice(["HTTP", "HTTPS"]), valueName: "PROTOCOL", help: "default HTTP"),
                  .option("certificate", .string, valueName: "ARN", help: "the certificate (HTTPS)"),
                  CommonOptions.as],
        examples: [Example("listener create --lb my-ecs-alb --port 80 --forward blue-tg", "the seed's production listener")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        guard let lbReference = invocation.string("lb") else { throw invocation.failure("listener create needs --lb LB") }
        guard let port = invocation.integer("port") else { throw invocation.failure("listener create needs --port PORT") }
        guard let tgReference = invocation.string("forward") else { throw invocation.failure("listener create needs --forward TG") }
        let lb = try Resolve.loadBalancer(lbReference, invocation, at: "lb")
        let tg = try Resolve.targetGroup(tgReference, invocation, at: "forward")
        let proto = invocation.string("protocol") ?? "HTTP"
        let cloud = try invocation.cloud()
        if !Resolve.isPlaceholder(lb.LoadBalancerArn ?? "", invocation) {
            let listeners = try cloud.describeAllListeners(DescribeListenersInput(LoadBalancerArn: lb.LoadBalancerArn))
            if let existing = listeners.first(where: { $0.Port == port }) {
                let forwards = Set((existing.DefaultActions ?? []).flatMap { action in
                    [action.TargetGroupArn].compactMap { $0 } + (action.ForwardConfig?.TargetGroups?.filter { ($0.Weight ?? 1) > 0 }.map(\.TargetGroupArn) ?? [])
                })
                guard existing.Protocol == proto, forwards.contains(tg.TargetGroupArn ?? "") else {
                    throw invocation.failure("\(lb.LoadBalancerName ?? ""):\(port) exists with another setting (protocol \(existing.Protocol ?? ""), forwarding elsewhere): delete it first with `listener delete \(lb.LoadBalancerName ?? ""):\(port)`", at: "port")
                }
                invocation.produce(existing.ListenerArn ?? "")
                return
            }
        }
        let input = CreateListenerInput(LoadBalancerArn: lb.LoadBalancerArn ?? "", Protocol: proto, Port: port,
                                        Certificates: invocation.string("certificate").map { [Certificate(CertificateArn: $0)] },
                                        DefaultActions: [.forward(tg.TargetGroupArn ?? "")])
        guard let output = try invocation.mutate("elbv2:CreateListener", input, { try cloud.createListener(input) }) else {
            invocation.producePlaceholder(invocation.placeholderArn("elasticloadbalancing", "listener/app/\(lb.LoadBalancerName ?? "")", name: String(port)),
                                          kind: "listener", name: "\(lb.LoadBalancerName ?? ""):\(port)")
            return
        }
        invocation.produce(output.Listeners.first?.ListenerArn ?? "")
    }
}
