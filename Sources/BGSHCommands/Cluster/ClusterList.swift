import AWSModel
import BGSHCore

/// `cluster list`: ECS ListClusters (all pages), shown with each cluster's status and counts.
struct ClusterList: Command {
    static let spec = CommandSpec(
        ["cluster", "list"], group: .resources,
        summary: "list the region's clusters (ListClusters)",
        examples: [Example("cluster list", "one row a cluster: name, status, services, tasks")])

    static func run(_ invocation: Invocation) throws {
        let cloud = try invocation.cloud()
        let arns = try allPages { token in
            let page = try cloud.listClusters(ListClustersInput(nextToken: token))
            return (page.clusterArns, page.nextToken)
        }
        var rows: [[String]] = []
        if invocation.session.outputFormat == .table {
            // DescribeClusters takes at most 100 names a call.
            var start = 0
            while start < arns.count {
                let chunk = Array(arns[start..<min(arns.count, start + 100)])
                rows += try cloud.describeClusters(DescribeClustersInput(clusters: chunk)).clusters.map(ClusterLookup.row)
                start += 100
            }
        }
        invocation.show(View(json: try JSONValue.from(ListClustersOutput(clusterArns: arns)),
                             table: Table(headers: ClusterLookup.headers, rows: rows),
                             text: arns.map(ClusterLookup.name(fromArn:))))
    }
}
