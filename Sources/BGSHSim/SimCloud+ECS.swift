import AWSModel

extension SimCloud {
    static let clusterKind = "ecs.cluster"

    /// AWS: cluster names are 1–255 letters, digits, hyphens and underscores.
    static func isValidClusterName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255
            && name.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" }
    }

    /// A cluster reference may be a name or an ARN.
    func clusterName(from reference: String) -> String {
        if reference.hasPrefix("arn:"), let slash = reference.lastIndex(of: "/") {
            return String(reference[reference.index(after: slash)...])
        }
        return reference
    }

    public func createCluster(_ input: CreateClusterInput) throws -> CreateClusterOutput {
        let name = input.clusterName ?? "default"
        guard SimCloud.isValidClusterName(name) else {
            throw AWSError("InvalidParameterException",
                           "Cluster name can contain up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.")
        }
        return try store.write { tx in
            // AWS: CreateCluster of an existing ACTIVE cluster returns it unchanged; an INACTIVE
            // one becomes ACTIVE again.
            if var existing = try tx.get(Cluster.self, region: region, kind: SimCloud.clusterKind, id: name) {
                if existing.status != "ACTIVE" {
                    existing.status = "ACTIVE"
                    existing.tags = input.tags ?? []
                    existing.settings = input.settings ?? [ClusterSetting(name: "containerInsights", value: "disabled")]
                    try tx.put(existing, region: region, kind: SimCloud.clusterKind, id: name, name: name)
                }
                return CreateClusterOutput(cluster: existing)
            }
            let cluster = Cluster(clusterArn: arn("ecs", "cluster/\(name)"), clusterName: name,
                                  tags: input.tags ?? [],
                                  settings: input.settings ?? [ClusterSetting(name: "containerInsights", value: "disabled")])
            try tx.put(cluster, region: region, kind: SimCloud.clusterKind, id: name, name: name)
            return CreateClusterOutput(cluster: cluster)
        }
    }

    public func listClusters(_ input: ListClustersInput) throws -> ListClustersOutput {
        let all = try store.read { try $0.all(Cluster.self, region: region, kind: SimCloud.clusterKind) }
        let active = all.filter { $0.status == "ACTIVE" }.map(\.clusterArn)
        return try SimPaging.page(active, nextToken: input.nextToken, maxResults: input.maxResults, limit: 100) {
            ListClustersOutput(clusterArns: $0, nextToken: $1)
        }
    }

    public func describeClusters(_ input: DescribeClustersInput) throws -> DescribeClustersOutput {
        let references = input.clusters ?? ["default"]
        guard references.count <= 100 else {
            throw AWSError("InvalidParameterException", "Clusters cannot have more than 100 elements")
        }
        return try store.read { tx in
            var found: [Cluster] = []
            var failures: [Failure] = []
            for reference in references {
                let name = clusterName(from: reference)
                if let cluster = try tx.get(Cluster.self, region: region, kind: SimCloud.clusterKind, id: name) {
                    found.append(cluster)
                } else {
                    failures.append(Failure(arn: arn("ecs", "cluster/\(name)"), reason: "MISSING"))
                }
            }
            return DescribeClustersOutput(clusters: found, failures: failures)
        }
    }

    public func deleteCluster(_ input: DeleteClusterInput) throws -> DeleteClusterOutput {
        let name = clusterName(from: input.cluster)
        return try store.write { tx in
            guard var cluster = try tx.get(Cluster.self, region: region, kind: SimCloud.clusterKind, id: name),
                  cluster.status == "ACTIVE" else {
                throw AWSError("ClusterNotFoundException", "Cluster not found.")
            }
            cluster.status = "INACTIVE"
            try tx.put(cluster, region: region, kind: SimCloud.clusterKind, id: name, name: name)
            return DeleteClusterOutput(cluster: cluster)
        }
    }
}
