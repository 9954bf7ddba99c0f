import AWSModel
import BGSHCore

/// `service scale N`: UpdateService's desired count of the current service.
struct ServiceScale: Command {
    static let spec = CommandSpec(
        ["service", "scale"], group: .resources,
        summary: "set the current service's desired task count (UpdateService)",
        arguments: [ArgumentSpec("COUNT", .integer(0...1000), help: "how many tasks")],
        examples: [Example("service scale 3", "run three tasks")],
        isMutating: true, scope: .service)

    static func run(_ invocation: Invocation) throws {
        let cluster = try invocation.session.requireCluster()
        guard let name = invocation.session.service else {
            throw invocation.failure("no service selected: select one with `service NAME`")
        }
        if Resolve.dryRunRead(name, invocation) { return }
        _ = try Resolve.service(name, invocation, at: nil)
        let input = UpdateServiceInput(cluster: cluster, service: name, desiredCount: invocation.integer("COUNT"))
        guard let output = try invocation.mutate("ecs:UpdateService", input, { try invocation.cloud().updateService(input) }) else { return }
        invocation.session.out.write("\(name): desired \(output.service.desiredCount ?? 0), running \(output.service.runningCount ?? 0), pending \(output.service.pendingCount ?? 0)\n")
    }
}
