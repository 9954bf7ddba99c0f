import AWSModel
import BGSHCore

/// `service delete NAME [--force]`: DeleteService.
struct ServiceDelete: Command {
    static let spec = CommandSpec(
        ["service", "delete"], group: .resources,
        summary: "delete a service (DeleteService); --force when it still runs tasks",
        arguments: [ArgumentSpec("NAME", .resource(.service), help: "the service")],
        options: [.flag("force", help: "delete it even while its desired count is above 0"), CommonOptions.yes],
        examples: [Example("service delete myBGService --force --yes", "stop its tasks and delete it, without asking")],
        isMutating: true, scope: .cluster)

    static func run(_ invocation: Invocation) throws {
        let cluster = try invocation.session.requireCluster()
        let service = try Resolve.service(invocation.string("NAME") ?? "", invocation, at: "NAME")
        let name = service.serviceName ?? ""
        try invocation.confirmDelete("service \(name)")
        let input = DeleteServiceInput(cluster: cluster, service: name, force: invocation.flag("force") ? true : nil)
        guard try invocation.mutate("ecs:DeleteService", input, { try invocation.cloud().deleteService(input) }) != nil else { return }
        if invocation.session.service == name { invocation.session.service = nil }
        invocation.session.out.write("deleted service \(name)\n")
    }
}
