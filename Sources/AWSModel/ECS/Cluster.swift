/// An ECS cluster, as DescribeClusters returns it.
public struct Cluster: Codable, Hashable, Sendable {
    public var clusterArn: String
    public var clusterName: String
    /// ACTIVE, PROVISIONING, DEPROVISIONING, FAILED or INACTIVE.
    public var status: String
    public var registeredContainerInstancesCount: Int
    public var runningTasksCount: Int
    public var pendingTasksCount: Int
    public var activeServicesCount: Int
    public var statistics: [KeyValuePair]
    public var tags: [Tag]
    public var settings: [ClusterSetting]
    public var capacityProviders: [String]
    public var defaultCapacityProviderStrategy: [CapacityProviderStrategyItem]

    /// Creates a cluster record.
    public init(clusterArn: String, clusterName: String, status: String = "ACTIVE",
                registeredContainerInstancesCount: Int = 0, runningTasksCount: Int = 0, pendingTasksCount: Int = 0,
                activeServicesCount: Int = 0, statistics: [KeyValuePair] = [], tags: [Tag] = [],
                settings: [ClusterSetting] = [], capacityProviders: [String] = [],
                defaultCapacityProviderStrategy: [CapacityProviderStrategyItem] = []) {
        self.clusterArn = clusterArn
        self.clusterName = clusterName
        self.status = status
        self.registeredContainerInstancesCount = registeredContainerInstancesCount
        self.runningTasksCount = runningTasksCount
        self.pendingTasksCount = pendingTasksCount
        self.activeServicesCount = activeServicesCount
        self.statistics = statistics
        self.tags = tags
        self.settings = settings
        self.capacityProviders = capacityProviders
        self.defaultCapacityProviderStrategy = defaultCapacityProviderStrategy
    }
}

/// A cluster setting, e.g. `containerInsights`.
public struct ClusterSetting: Codable, Hashable, Sendable {
    public var name: String
    public var value: String
    public init(name: String, value: String) { self.name = name; self.value = value }
}

/// ECS's tag shape (lower-case keys).
public struct Tag: Codable, Hashable, Sendable {
    public var key: String
    public var value: String
    public init(key: String, value: String) { self.key = key; self.value = value }
}

/// ECS's name/value pair.
public struct KeyValuePair: Codable, Hashable, Sendable {
    public var name: String?
    public var value: String?
    public init(name: String?, value: String?) { self.name = name; self.value = value }
}

/// One entry of a capacity provider strategy.
public struct CapacityProviderStrategyItem: Codable, Hashable, Sendable {
    public var capacityProvider: String
    public var weight: Int?
    public var base: Int?
    public init(capacityProvider: String, weight: Int? = nil, base: Int? = nil) {
        self.capacityProvider = capacityProvider
        self.weight = weight
        self.base = base
    }
}

/// A resource a describe call could not return.
public struct Failure: Codable, Hashable, Sendable {
    public var arn: String?
    public var reason: String?
    public var detail: String?
    public init(arn: String?, reason: String?, detail: String? = nil) {
        self.arn = arn
        self.reason = reason
        self.detail = detail
    }
}

public struct CreateClusterInput: Codable, Hashable, Sendable {
    public var clusterName: String?
    public var tags: [Tag]?
    public var settings: [ClusterSetting]?
    public init(clusterName: String?, tags: [Tag]? = nil, settings: [ClusterSetting]? = nil) {
        self.clusterName = clusterName
        self.tags = tags
        self.settings = settings
    }
}

public struct CreateClusterOutput: Codable, Hashable, Sendable {
    public var cluster: Cluster
    public init(cluster: Cluster) { self.cluster = cluster }
}

public struct ListClustersInput: Codable, Hashable, Sendable {
    public var nextToken: String?
    public var maxResults: Int?
    public init(nextToken: String? = nil, maxResults: Int? = nil) {
        self.nextToken = nextToken
        self.maxResults = maxResults
    }
}

public struct ListClustersOutput: Codable, Hashable, Sendable {
    public var clusterArns: [String]
    public var nextToken: String?
    public init(clusterArns: [String], nextToken: String? = nil) {
        self.clusterArns = clusterArns
        self.nextToken = nextToken
    }
}

public struct DescribeClustersInput: Codable, Hashable, Sendable {
    public var clusters: [String]?
    public var include: [String]?
    public init(clusters: [String]?, include: [String]? = nil) {
        self.clusters = clusters
        self.include = include
    }
}

public struct DescribeClustersOutput: Codable, Hashable, Sendable {
    public var clusters: [Cluster]
    public var failures: [Failure]
    public init(clusters: [Cluster], failures: [Failure]) {
        self.clusters = clusters
        self.failures = failures
    }
}

public struct DeleteClusterInput: Codable, Hashable, Sendable {
    public var cluster: String
    public init(cluster: String) { self.cluster = cluster }
}

public struct DeleteClusterOutput: Codable, Hashable, Sendable {
    public var cluster: Cluster
    public init(cluster: Cluster) { self.cluster = cluster }
}
