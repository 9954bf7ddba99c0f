import AWSModel
import BGSHCore

/// Finding clusters by name or ARN, with did-you-mean when one does not exist.
enum ClusterLookup {
    /// The ACTIVE cluster named (or ARN'd) `reference`.
    /// - Throws: `CommandError` pointing at `argument` with the nearest existing name.
    static func require(_ reference: String, _ invocation: Invocation, argument: String) throws -> Cluster {
        let cloud = try invocation.cloud()
        let found = try cloud.describeClusters(DescribeClustersInput(clusters: [reference]))
        if let cluster = found.clusters.first, cluster.status == "ACTIVE" { return cluster }
        throw invocation.failure(notFound(reference, cloud: cloud, region: invocation.session.region), at: argument)
    }

    /// `cluster 'x' not found in us-east-1 (did you mean 'y'?)`.
    static func notFound(_ reference: String, cloud: any Cloud, region: String) -> String {
        let names = (try? names(cloud)) ?? []
        let hint = Suggest.closest(to: reference, in: names).map { " (did you mean '\($0)'?)" }
            ?? (names.isEmpty ? "; there are none: create one with `cluster create NAME`" : "; see `cluster list`")
        return "cluster '\(reference)' not found in \(region)\(hint)"
    }

    /// The names of every ACTIVE cluster, all pages.
    static func names(_ cloud: any Cloud) throws -> [String] {
        try ResourceNames.clusters(cloud)
    }

    static func name(fromArn arn: String) -> String {
        String(arn.split(separator: "/").last ?? Substring(arn))
    }

    static func row(_ c: Cluster) -> [String] {
        [c.clusterName, c.status, String(c.activeServicesCount), String(c.runningTasksCount), String(c.pendingTasksCount)]
    }

    static let headers = ["NAME", "STATUS", "SERVICES", "RUNNING", "PENDING"]
}
