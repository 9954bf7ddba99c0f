import AWSModel
import BGSHCore

/// `cluster create NAME`: ECS CreateCluster (re-running it is harmless).
struct ClusterCreate: Command {
    static let spec = CommandSpec(
        ["cluster", "create"], group: .resources,
        summary: "create an ECS cluster (CreateCluster); re-running returns the existing one",
        arguments: [ArgumentSpec("NAME", .string, help: "1–255 letters, digits, hyphens and underscores")],
        options: [CommonOptions.as],
        examples: [Example("cluster create ECS-BlueGreenCluster", "create the seed's cluster and print its ARN")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        try create(invocation)
        invocation.selectIfNone(\.cluster, "cluster", invocation.string("NAME") ?? "")
    }

    static func create(_ invocation: Invocation) throws {
        let name = invocation.string("NAME") ?? ""
        let input = CreateClusterInput(clusterName: name)
        guard let output = try invocation.mutate("ecs:CreateCluster", input, { try invocation.cloud().createCluster(input) }) else {
            invocation.producePlaceholder("arn:aws:ecs:\(invocation.session.region):123456789012:cluster/dryrun-\(name)", kind: "cluster", name: name)
            return
        }
        invocation.produce(output.cluster.clusterArn)
    }
}
