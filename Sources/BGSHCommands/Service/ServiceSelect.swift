import BGSHCore

/// `service [NAME]`: show or select the current service in the current cluster.
struct ServiceSelect: Command {
    static let spec = CommandSpec(
        ["service"], group: .context,
        summary: "show or select the current service in the current cluster (it must exist)",
        arguments: [ArgumentSpec("NAME", .resource(.service), optional: true, help: "a service name or ARN")],
        examples: [Example("service myBGService", "the blue-green verbs act on it from here on")])

    static func run(_ invocation: Invocation) throws {
        let session = invocation.session
        guard let reference = invocation.string("NAME") else {
            guard let service = session.service else {
                throw CommandError("no service selected: select one with `service NAME` (see `service list`)")
            }
            session.out.write(service + "\n")
            return
        }
        let service = try Resolve.service(reference, invocation, at: "NAME")
        session.service = service.serviceName
    }
}
