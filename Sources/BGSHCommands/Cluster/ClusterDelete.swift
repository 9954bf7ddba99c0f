import AWSModel
import BGSHCore

/// `cluster delete NAME`: ECS DeleteCluster, after confirmation on a terminal.
struct ClusterDelete: Command {
    static let spec = CommandSpec(
        ["cluster", "delete"], group: .resources,
        summary: "delete a cluster (DeleteCluster); asks first on a terminal",
        arguments: [ArgumentSpec("NAME", .resource(.cluster), help: "a cluster name or ARN")],
        options: [CommonOptions.yes],
        examples: [Example("cluster delete old-cluster --yes", "delete without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let reference = invocation.string("NAME") ?? ""
        let cluster = try ClusterLookup.require(reference, invocation, argument: "NAME")
        try invocation.confirmDelete("cluster \(cluster.clusterName)")
        let input = DeleteClusterInput(cluster: cluster.clusterArn)
        guard try invocation.mutate("ecs:DeleteCluster", input, { try invocation.cloud().deleteCluster(input) }) != nil else { return }
        let session = invocation.session
        if session.cluster == cluster.clusterName { session.cluster = nil }
        session.out.write("deleted cluster \(cluster.clusterName)\n")
    }
}
