import BGSHCore

/// `cluster [NAME]`: show or select the current cluster (it must exist); clears the service.
struct ClusterSelect: Command {
    static let spec = CommandSpec(
        ["cluster"], group: .context,
        summary: "show or select the current cluster (it must exist); selecting clears the service",
        arguments: [ArgumentSpec("NAME", .resource(.cluster), optional: true, help: "a cluster name or ARN")],
        examples: [Example("cluster ECS-BlueGreenCluster", "select a cluster for the commands that follow"),
                   Example("cluster", "print the current cluster")])

    static func run(_ invocation: Invocation) throws {
        let session = invocation.session
        guard let reference = invocation.string("NAME") else {
            guard let cluster = session.cluster else {
                throw CommandError("no cluster selected: select one with `cluster NAME` (see `cluster list`)")
            }
            session.out.write(cluster + "\n")
            return
        }
        if Resolve.isPlaceholder(reference, invocation) {
            session.cluster = reference
            return
        }
        let cluster = try ClusterLookup.require(reference, invocation, argument: "NAME")
        session.cluster = cluster.clusterName
    }
}
