import AWSModel
import BGSHCore

/// `cluster describe [NAME]`: ECS DescribeClusters of one cluster (the current one by default).
struct ClusterDescribe: Command {
    static let spec = CommandSpec(
        ["cluster", "describe"], group: .resources,
        summary: "describe a cluster (DescribeClusters); the current one by default",
        arguments: [ArgumentSpec("NAME", .resource(.cluster), optional: true, help: "a cluster name or ARN")],
        options: [CommonOptions.get, CommonOptions.as],
        examples: [Example("cluster describe ECS-BlueGreenCluster", "status, counts, settings"),
                   Example("cluster describe --get clusterArn --as ARN", "store the current cluster's ARN in $ARN")])

    static func run(_ invocation: Invocation) throws {
        let reference = try invocation.string("NAME") ?? invocation.session.requireCluster()
        if Resolve.dryRunRead(reference, invocation) { return }
        let cloud = try invocation.cloud()
        let output = try cloud.describeClusters(DescribeClustersInput(clusters: [reference], include: ["SETTINGS", "TAGS"]))
        guard let cluster = output.clusters.first else {
            throw invocation.failure(ClusterLookup.notFound(reference, cloud: cloud, region: invocation.session.region), at: "NAME")
        }
        let table = Table.keyValue([
            ("clusterName", cluster.clusterName), ("clusterArn", cluster.clusterArn), ("status", cluster.status),
            ("activeServicesCount", String(cluster.activeServicesCount)),
            ("runningTasksCount", String(cluster.runningTasksCount)),
            ("pendingTasksCount", String(cluster.pendingTasksCount)),
            ("settings", cluster.settings.map { "\($0.name)=\($0.value)" }.joined(separator: ",")),
        ])
        try invocation.showDescribe(try JSONValue.from(output), table: table, text: [cluster.clusterArn])
    }
}
