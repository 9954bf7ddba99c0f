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
        return try write("CreateCluster") { tx in
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
        let all = try read("ListClusters") { try $0.all(Cluster.self, region: region, kind: SimCloud.clusterKind) }
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
        return try read("DescribeClusters") { tx in
            var found: [Cluster] = []
            var failures: [Failure] = []
            for reference in references {
                let name = clusterName(from: reference)
                if var cluster = try tx.get(Cluster.self, region: region, kind: SimCloud.clusterKind, id: name) {
                    // The counts are derived from the services and tasks at the virtual clock's time.
                    let now = try SimClock.now(tx)
                    let services = try tx.children(Service.self, region: region, kind: SimCloud.serviceKind, parent: cluster.clusterName)
                        .filter { $0.status == "ACTIVE" }
                    let tasks = try services.flatMap { try self.tasks(tx, serviceKey: "\(cluster.clusterName)/\($0.serviceName ?? "")") }
                        .filter { $0.isLive(at: now) }
                    let running = tasks.filter { SimCloud.status(of: $0.task, at: now) == "RUNNING" }.count
                    cluster.activeServicesCount = services.count
                    cluster.runningTasksCount = running
                    cluster.pendingTasksCount = tasks.count - running
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
        return try write("DeleteCluster") { tx in
            guard var cluster = try tx.get(Cluster.self, region: region, kind: SimCloud.clusterKind, id: name),
                  cluster.status == "ACTIVE" else {
                throw AWSError("ClusterNotFoundException", "Cluster not found.")
            }
            let services = try tx.children(Service.self, region: region, kind: SimCloud.serviceKind, parent: name)
                .filter { $0.status == "ACTIVE" }
            guard services.isEmpty else {
                throw AWSError("ClusterContainsServicesException",
                               "The Cluster cannot be deleted while Services are active.")
            }
            cluster.status = "INACTIVE"
            try tx.put(cluster, region: region, kind: SimCloud.clusterKind, id: name, name: name)
            return DeleteClusterOutput(cluster: cluster)
        }
    }
}
