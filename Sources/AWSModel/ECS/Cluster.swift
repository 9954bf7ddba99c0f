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

extension Tag {
    /// ECS's limits (botocore's model: TagKey 1–128, TagValue 0–256 characters of letters,
    /// digits, white space and `_ . : / = + - @`; at most 50 tags a resource).
    public static let maxKeyLength = 128, maxValueLength = 256, maxCount = 50

    /// True for a character ECS takes in a tag key or value.
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return "_.:/=+-@".unicodeScalars.contains(scalar)
        }
    }

    /// Why ECS would refuse these tags, or nil when it takes them.
    public static func violation(_ tags: [Tag], existing: Int = 0) -> String? {
        if tags.count + existing > maxCount { return "a resource takes at most \(maxCount) tags" }
        for tag in tags {
            if tag.key.isEmpty || tag.key.count > maxKeyLength { return "tag key '\(tag.key.prefix(40))' must be 1 to \(maxKeyLength) characters" }
            if tag.value.count > maxValueLength { return "the value of tag '\(tag.key)' is longer than \(maxValueLength) characters" }
            if let bad = (tag.key + tag.value).unicodeScalars.first(where: { !isAllowed($0) }) {
                return "tag '\(tag.key)' has '\(Character(bad))', which tags cannot hold (letters, digits, spaces and _ . : / = + - @)"
            }
        }
        return nil
    }

    /// A value ECS takes, whatever `text` holds: every character outside ECS's set (and `=`
    /// itself) is written `=XX` per UTF-8 byte; `decodedValue` reads it back.
    public static func encodedValue(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar != "=", isAllowed(scalar) { out.unicodeScalars.append(scalar); continue }
            for byte in String(scalar).utf8 {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "=" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }

    /// The text an `encodedValue` stands for (a value written before encoding reads as itself).
    public static func decodedValue(_ value: String) -> String {
        guard value.contains("=") else { return value }
        var bytes: [UInt8] = []
        var i = value.utf8.startIndex
        let utf8 = value.utf8
        while i < utf8.endIndex {
            let b = utf8[i]
            if b == UInt8(ascii: "="), let j = utf8.index(i, offsetBy: 3, limitedBy: utf8.endIndex),
               let n = UInt8(String(decoding: utf8[utf8.index(after: i)..<j], as: UTF8.self), radix: 16) {
                bytes.append(n)
                i = j
            } else {
                bytes.append(b)
                i = utf8.index(after: i)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The decoded value of the tag `key`, if there is one.
    public static func value(of key: String, in tags: [Tag]?) -> String? {
        tags?.first { $0.key == key }.map { decodedValue($0.value) }
    }
}
