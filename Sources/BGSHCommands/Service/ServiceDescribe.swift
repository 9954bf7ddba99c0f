import AWSModel
import BGSHCore
import BGSHDeploy

/// `service describe [NAME]`: DescribeServices of one (the current one by default).
struct ServiceDescribe: Command {
    static let spec = CommandSpec(
        ["service", "describe"], group: .resources,
        summary: "describe a service (DescribeServices); the current one by default",
        arguments: [ArgumentSpec("NAME", .resource(.service), optional: true, help: "a service name or ARN")],
        options: [CommonOptions.get, CommonOptions.as],
        examples: [Example("service describe myBGService --get runningCount", "how many tasks run")], scope: .service)

    static func run(_ invocation: Invocation) throws {
        guard let reference = invocation.string("NAME") ?? invocation.session.service else {
            throw invocation.failure("no service selected: name one, or select one with `service NAME`")
        }
        if Resolve.dryRunRead(reference, invocation) { return }
        let service = try Resolve.service(reference, invocation, at: "NAME")
        let sets = (service.taskSets ?? []).map { "\($0.status ?? "") \($0.taskDefinition?.split(separator: "/").last ?? "") \(Int($0.scale?.value ?? 0))% \($0.runningCount ?? 0)/\($0.computedDesiredCount ?? 0)" }
        let table = Table.keyValue([
            ("serviceName", service.serviceName ?? ""), ("status", service.status ?? ""),
            ("controller", ServiceTags(service.tags)?.controller ?? service.deploymentController?.type ?? ""),
            ("taskDefinition", service.taskDefinition ?? "-"),
            ("desired/running/pending", "\(service.desiredCount ?? 0)/\(service.runningCount ?? 0)/\(service.pendingCount ?? 0)"),
            ("taskSets", sets.isEmpty ? "-" : sets.joined(separator: "; ")),
        ])
        let output = DescribeServicesOutput(services: [service], failures: [])
        try invocation.showDescribe(try JSONValue.from(output), table: table, text: [service.serviceArn ?? ""])
    }
}
