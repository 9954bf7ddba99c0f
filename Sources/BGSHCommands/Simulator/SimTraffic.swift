import AWSModel
import BGSHCore
import BGSHDeploy

/// `sim traffic N`: N simulated requests through the current service's production listener.
struct SimTraffic: Command {
    static let spec = CommandSpec(
        ["sim", "traffic"], group: .simulator,
        summary: "send N simulated requests through the production listener: the split and 5xx per colour, fed to the ALB metrics alarms watch",
        arguments: [ArgumentSpec("REQUESTS", .integer(1...1_000_000), help: "how many requests")],
        examples: [Example("sim traffic 1000", "about 100 to green at a 10% split")],
        isMutating: true, scope: .service)

    static func run(_ invocation: Invocation) throws {
        let emulator = try invocation.session.emulator(for: "sim traffic")
        if invocation.skipsUnderDryRun() { return }
        let service = try Resolve.service(invocation.session.service ?? "", invocation, at: nil)
        guard let tags = ServiceTags(service.tags) else { throw invocation.failure("the current service has no blue-green setup (bgsh did not create it)") }
        let view = try DeployContext.act(invocation) { try DeployContext.controller(invocation).observe() }
        let results = try emulator.traffic(region: invocation.session.region, listenerArn: tags.listener, requests: invocation.integer("REQUESTS") ?? 0)
        let names = Dictionary(try invocation.cloud().describeTargetGroups(DescribeTargetGroupsInput(TargetGroupArns: results.map(\.targetGroupArn)))
            .TargetGroups.map { ($0.TargetGroupArn ?? "", $0.TargetGroupName ?? "") }, uniquingKeysWith: { a, _ in a })
        func colour(_ arn: String) -> String {
            arn == view.green?.targetGroupArn ? "green" : arn == view.blue?.targetGroupArn ? "blue" : "-"
        }
        let rows = results.map { [colour($0.targetGroupArn), names[$0.targetGroupArn] ?? $0.targetGroupArn, String($0.requests), String($0.errors)] }
        invocation.show(View(json: .array(results.map { .object(["colour": .string(colour($0.targetGroupArn)), "targetGroupArn": .string($0.targetGroupArn),
                                                                  "requests": .number(Double($0.requests)), "errors": .number(Double($0.errors))]) }),
                             table: Table(headers: ["COLOUR", "TARGET GROUP", "REQUESTS", "5XX"], rows: rows),
                             text: rows.map { "\($0[0]) \($0[2]) \($0[3])" }))
    }
}
