public struct PortMapping: Codable, Hashable, Sendable {
    public var containerPort: Int?
    public var hostPort: Int?
    public var `protocol`: String?
    public init(containerPort: Int?, hostPort: Int? = nil, protocol: String? = "tcp") {
        self.containerPort = containerPort
        self.hostPort = hostPort
        self.protocol = `protocol`
    }
}

public struct ContainerDefinition: Codable, Hashable, Sendable {
    public var name: String?
    public var image: String?
    public var essential: Bool?
    public var cpu: Int?
    public var memory: Int?
    public var memoryReservation: Int?
    public var portMappings: [PortMapping]?
    public var environment: [KeyValuePair]?
    public var command: [String]?
    public var entryPoint: [String]?
    public init(name: String?, image: String?, essential: Bool? = true, portMappings: [PortMapping]? = nil) {
        self.name = name
        self.image = image
        self.essential = essential
        self.portMappings = portMappings
    }
}

public struct TaskDefinition: Codable, Hashable, Sendable {
    public var taskDefinitionArn: String?
    public var family: String?
    public var revision: Int?
    public var status: String?
    public var containerDefinitions: [ContainerDefinition]?
    public var networkMode: String?
    public var requiresCompatibilities: [String]?
    public var compatibilities: [String]?
    public var cpu: String?
    public var memory: String?
    public var executionRoleArn: String?
    public var taskRoleArn: String?
    public var registeredAt: Double?
    public var deregisteredAt: Double?
    public init() {}
}

/// RegisterTaskDefinition's input, as `--cli-input-json` takes it (the seed's taskdef.json).
public struct RegisterTaskDefinitionInput: Codable, Hashable, Sendable {
    public var family: String
    public var containerDefinitions: [ContainerDefinition]
    public var networkMode: String?
    public var requiresCompatibilities: [String]?
    public var cpu: String?
    public var memory: String?
    public var executionRoleArn: String?
    public var taskRoleArn: String?
    public var tags: [Tag]?
    public init(family: String, containerDefinitions: [ContainerDefinition]) {
        self.family = family
        self.containerDefinitions = containerDefinitions
    }

    /// The keys the aws CLI accepts at the top of `--cli-input-json` that bgsh honours.
    public static let knownKeys: Set<String> = [
        "family", "containerDefinitions", "networkMode", "requiresCompatibilities", "cpu", "memory",
        "executionRoleArn", "taskRoleArn", "tags",
    ]
}

public struct RegisterTaskDefinitionOutput: Codable, Hashable, Sendable {
    public var taskDefinition: TaskDefinition
    public var tags: [Tag]?
    public init(taskDefinition: TaskDefinition, tags: [Tag]? = nil) { self.taskDefinition = taskDefinition; self.tags = tags }
}

public struct ListTaskDefinitionsInput: Codable, Hashable, Sendable {
    public var familyPrefix: String?
    public var status: String?
    public var sort: String?
    public var nextToken: String?
    public var maxResults: Int?
    public init(familyPrefix: String? = nil, status: String? = nil, sort: String? = nil, nextToken: String? = nil) {
        self.familyPrefix = familyPrefix
        self.status = status
        self.sort = sort
        self.nextToken = nextToken
    }
}

public struct ListTaskDefinitionsOutput: Codable, Hashable, Sendable {
    public var taskDefinitionArns: [String]
    public var nextToken: String?
    public init(taskDefinitionArns: [String], nextToken: String? = nil) {
        self.taskDefinitionArns = taskDefinitionArns
        self.nextToken = nextToken
    }
}

public struct ListTaskDefinitionFamiliesInput: Codable, Hashable, Sendable {
    public var familyPrefix: String?
    public var status: String?
    public var nextToken: String?
    public init(familyPrefix: String? = nil, status: String? = nil, nextToken: String? = nil) {
        self.familyPrefix = familyPrefix
        self.status = status
        self.nextToken = nextToken
    }
}

public struct ListTaskDefinitionFamiliesOutput: Codable, Hashable, Sendable {
    public var families: [String]
    public var nextToken: String?
    public init(families: [String], nextToken: String? = nil) { self.families = families; self.nextToken = nextToken }
}

public struct DescribeTaskDefinitionInput: Codable, Hashable, Sendable {
    public var taskDefinition: String
    public init(taskDefinition: String) { self.taskDefinition = taskDefinition }
}

public struct DescribeTaskDefinitionOutput: Codable, Hashable, Sendable {
    public var taskDefinition: TaskDefinition
    public var tags: [Tag]?
    public init(taskDefinition: TaskDefinition, tags: [Tag]? = nil) { self.taskDefinition = taskDefinition; self.tags = tags }
}

public struct DeregisterTaskDefinitionInput: Codable, Hashable, Sendable {
    public var taskDefinition: String
    public init(taskDefinition: String) { self.taskDefinition = taskDefinition }
}

public struct DeregisterTaskDefinitionOutput: Codable, Hashable, Sendable {
    public var taskDefinition: TaskDefinition
    public init(taskDefinition: TaskDefinition) { self.taskDefinition = taskDefinition }
}

extension TaskDefinition {
    /// Whether this registered revision has the content `input` would register.
    public func hasContent(of input: RegisterTaskDefinitionInput) -> Bool {
        func normalized(_ containers: [ContainerDefinition]?) -> [ContainerDefinition] {
            (containers ?? []).map { c in
                var c = c
                if c.essential == nil { c.essential = true }
                // AWS answers every container with its defaults filled in: cpu 0, empty lists.
                if c.cpu == 0 { c.cpu = nil }
                if c.environment?.isEmpty == true { c.environment = nil }
                if c.command?.isEmpty == true { c.command = nil }
                if c.entryPoint?.isEmpty == true { c.entryPoint = nil }
                c.portMappings = c.portMappings?.map { m in
                    var m = m
                    if m.hostPort == nil, input.networkMode == "awsvpc" { m.hostPort = m.containerPort }
                    if m.protocol == nil { m.protocol = "tcp" }
                    return m
                }
                return c
            }
        }
        return normalized(containerDefinitions) == normalized(input.containerDefinitions)
            && networkMode == (input.networkMode ?? "bridge")
            && (requiresCompatibilities ?? []) == (input.requiresCompatibilities ?? [])
            && cpu == input.cpu && memory == input.memory
            && executionRoleArn == input.executionRoleArn && taskRoleArn == input.taskRoleArn
    }
}
