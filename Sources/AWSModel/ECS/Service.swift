public struct ServiceLoadBalancer: Codable, Hashable, Sendable {
    public var targetGroupArn: String?
    public var containerName: String?
    public var containerPort: Int?
    /// ECS's native blue/green: the alternate (green) target group, the listener rules ECS
    /// rewrites, and the role it rewrites them with.
    public var advancedConfiguration: AdvancedConfiguration?
    public init(targetGroupArn: String?, containerName: String?, containerPort: Int?, advancedConfiguration: AdvancedConfiguration? = nil) {
        self.targetGroupArn = targetGroupArn
        self.containerName = containerName
        self.containerPort = containerPort
        self.advancedConfiguration = advancedConfiguration
    }
}

/// `LoadBalancer.advancedConfiguration` (ECS's native blue/green).
public struct AdvancedConfiguration: Codable, Hashable, Sendable {
    public var alternateTargetGroupArn: String?
    /// The production listener's rule ARN (for an ALB; its default rule works).
    public var productionListenerRule: String?
    public var testListenerRule: String?
    /// The role ECS uses to change the rules (AmazonECSInfrastructureRolePolicyForLoadBalancers).
    public var roleArn: String?
    public init(alternateTargetGroupArn: String?, productionListenerRule: String?, testListenerRule: String?, roleArn: String?) {
        self.alternateTargetGroupArn = alternateTargetGroupArn
        self.productionListenerRule = productionListenerRule
        self.testListenerRule = testListenerRule
        self.roleArn = roleArn
    }
}

public struct AwsVpcConfiguration: Codable, Hashable, Sendable {
    public var subnets: [String]
    public var securityGroups: [String]?
    public var assignPublicIp: String?
    public init(subnets: [String], securityGroups: [String]?, assignPublicIp: String?) {
        self.subnets = subnets
        self.securityGroups = securityGroups
        self.assignPublicIp = assignPublicIp
    }
}

public struct NetworkConfiguration: Codable, Hashable, Sendable {
    public var awsvpcConfiguration: AwsVpcConfiguration?
    public init(awsvpcConfiguration: AwsVpcConfiguration?) { self.awsvpcConfiguration = awsvpcConfiguration }
}

public struct DeploymentController: Codable, Hashable, Sendable {
    /// ECS, CODE_DEPLOY or EXTERNAL.
    public var type: String
    public init(type: String) { self.type = type }
}

public struct Scale: Codable, Hashable, Sendable {
    public var value: Double?
    public var unit: String?
    public init(value: Double?, unit: String? = "PERCENT") { self.value = value; self.unit = unit }
}

public struct TaskSet: Codable, Hashable, Sendable {
    public var id: String?
    public var taskSetArn: String?
    public var serviceArn: String?
    public var clusterArn: String?
    public var startedBy: String?
    public var externalId: String?
    /// PRIMARY, ACTIVE or DRAINING.
    public var status: String?
    public var taskDefinition: String?
    public var computedDesiredCount: Int?
    public var pendingCount: Int?
    public var runningCount: Int?
    public var createdAt: Double?
    public var updatedAt: Double?
    public var launchType: String?
    public var networkConfiguration: NetworkConfiguration?
    public var loadBalancers: [ServiceLoadBalancer]?
    public var scale: Scale?
    public var stabilityStatus: String?
    public var tags: [Tag]?
    public init() {}
}

public struct ServiceDeployment: Codable, Hashable, Sendable {
    public var id: String?
    public var status: String?
    public var taskDefinition: String?
    public var desiredCount: Int?
    public var pendingCount: Int?
    public var runningCount: Int?
    public var createdAt: Double?
    public var updatedAt: Double?
    public var launchType: String?
    public var rolloutState: String?
    public init() {}
}

public struct ServiceEvent: Codable, Hashable, Sendable {
    public var id: String?
    public var createdAt: Double?
    public var message: String?
    public init(id: String?, createdAt: Double?, message: String?) { self.id = id; self.createdAt = createdAt; self.message = message }
}

public struct Service: Codable, Hashable, Sendable {
    public var serviceArn: String?
    public var serviceName: String?
    public var clusterArn: String?
    public var loadBalancers: [ServiceLoadBalancer]?
    public var status: String?
    public var desiredCount: Int?
    public var runningCount: Int?
    public var pendingCount: Int?
    public var launchType: String?
    public var taskDefinition: String?
    public var deploymentController: DeploymentController?
    public var deploymentConfiguration: ServiceDeploymentConfiguration?
    public var taskSets: [TaskSet]?
    public var deployments: [ServiceDeployment]?
    public var events: [ServiceEvent]?
    public var networkConfiguration: NetworkConfiguration?
    public var createdAt: Double?
    public var schedulingStrategy: String?
    public var tags: [Tag]?
    public init() {}
}

public struct CreateServiceInput: Codable, Hashable, Sendable {
    public var cluster: String?
    public var serviceName: String
    public var taskDefinition: String?
    public var loadBalancers: [ServiceLoadBalancer]?
    public var desiredCount: Int?
    public var launchType: String?
    public var networkConfiguration: NetworkConfiguration?
    public var deploymentController: DeploymentController?
    public var deploymentConfiguration: ServiceDeploymentConfiguration?
    public var tags: [Tag]?
    public init(cluster: String?, serviceName: String) { self.cluster = cluster; self.serviceName = serviceName }
}

public struct CreateServiceOutput: Codable, Hashable, Sendable {
    public var service: Service
    public init(service: Service) { self.service = service }
}

public struct DescribeServicesInput: Codable, Hashable, Sendable {
    public var cluster: String?
    public var services: [String]
    /// `["TAGS"]` to have each service's tags in the answer (AWS leaves them out otherwise).
    public var include: [String]?
    /// Asks for the tags by default: bgsh keeps a service's deployment state in them.
    public init(cluster: String?, services: [String], include: [String]? = ["TAGS"]) {
        self.cluster = cluster
        self.services = services
        self.include = include
    }
}

public struct DescribeServicesOutput: Codable, Hashable, Sendable {
    public var services: [Service]
    public var failures: [Failure]
    public init(services: [Service], failures: [Failure]) { self.services = services; self.failures = failures }
}

public struct ListServicesInput: Codable, Hashable, Sendable {
    public var cluster: String?
    public var nextToken: String?
    public init(cluster: String?, nextToken: String? = nil) { self.cluster = cluster; self.nextToken = nextToken }
}

public struct ListServicesOutput: Codable, Hashable, Sendable {
    public var serviceArns: [String]
    public var nextToken: String?
    public init(serviceArns: [String], nextToken: String? = nil) { self.serviceArns = serviceArns; self.nextToken = nextToken }
}

public struct UpdateServiceInput: Codable, Hashable, Sendable {
    public var cluster: String?
    public var service: String
    public var desiredCount: Int?
    public var taskDefinition: String?
    /// Under the ECS controller: the whole deployment configuration (strategy, bake, hooks), sent
    /// with every deployment, since hooks stay on the service otherwise.
    public var deploymentConfiguration: ServiceDeploymentConfiguration?
    /// A CODE_DEPLOY service moved to ECS's native blue/green (`service migrate --to ecs`).
    public var deploymentController: DeploymentController?
    public var loadBalancers: [ServiceLoadBalancer]?
    public init(cluster: String?, service: String, desiredCount: Int? = nil, taskDefinition: String? = nil) {
        self.cluster = cluster
        self.service = service
        self.desiredCount = desiredCount
        self.taskDefinition = taskDefinition
    }
}

public struct UpdateServiceOutput: Codable, Hashable, Sendable {
    public var service: Service
    public init(service: Service) { self.service = service }
}

public struct DeleteServiceInput: Codable, Hashable, Sendable {
    public var cluster: String?
    public var service: String
    public var force: Bool?
    public init(cluster: String?, service: String, force: Bool?) { self.cluster = cluster; self.service = service; self.force = force }
}

public struct DeleteServiceOutput: Codable, Hashable, Sendable {
    public var service: Service
    public init(service: Service) { self.service = service }
}

public struct CreateTaskSetInput: Codable, Hashable, Sendable {
    public var cluster: String
    public var service: String
    public var taskDefinition: String
    public var externalId: String?
    public var loadBalancers: [ServiceLoadBalancer]?
    public var networkConfiguration: NetworkConfiguration?
    public var launchType: String?
    public var scale: Scale?
    public var tags: [Tag]?
    public init(cluster: String, service: String, taskDefinition: String) {
        self.cluster = cluster
        self.service = service
        self.taskDefinition = taskDefinition
    }
}

public struct CreateTaskSetOutput: Codable, Hashable, Sendable {
    public var taskSet: TaskSet
    public init(taskSet: TaskSet) { self.taskSet = taskSet }
}

public struct DescribeTaskSetsInput: Codable, Hashable, Sendable {
    public var cluster: String
    public var service: String
    public var taskSets: [String]?
    public init(cluster: String, service: String, taskSets: [String]? = nil) {
        self.cluster = cluster
        self.service = service
        self.taskSets = taskSets
    }
}

public struct DescribeTaskSetsOutput: Codable, Hashable, Sendable {
    public var taskSets: [TaskSet]
    public var failures: [Failure]
    public init(taskSets: [TaskSet], failures: [Failure]) { self.taskSets = taskSets; self.failures = failures }
}

public struct UpdateTaskSetInput: Codable, Hashable, Sendable {
    public var cluster: String
    public var service: String
    public var taskSet: String
    public var scale: Scale
    public init(cluster: String, service: String, taskSet: String, scale: Scale) {
        self.cluster = cluster
        self.service = service
        self.taskSet = taskSet
        self.scale = scale
    }
}

public struct UpdateTaskSetOutput: Codable, Hashable, Sendable {
    public var taskSet: TaskSet
    public init(taskSet: TaskSet) { self.taskSet = taskSet }
}

public struct DeleteTaskSetInput: Codable, Hashable, Sendable {
    public var cluster: String
    public var service: String
    public var taskSet: String
    public var force: Bool?
    public init(cluster: String, service: String, taskSet: String, force: Bool? = nil) {
        self.cluster = cluster
        self.service = service
        self.taskSet = taskSet
        self.force = force
    }
}

public struct DeleteTaskSetOutput: Codable, Hashable, Sendable {
    public var taskSet: TaskSet
    public init(taskSet: TaskSet) { self.taskSet = taskSet }
}

public struct UpdateServicePrimaryTaskSetInput: Codable, Hashable, Sendable {
    public var cluster: String
    public var service: String
    public var primaryTaskSet: String
    public init(cluster: String, service: String, primaryTaskSet: String) {
        self.cluster = cluster
        self.service = service
        self.primaryTaskSet = primaryTaskSet
    }
}

public struct UpdateServicePrimaryTaskSetOutput: Codable, Hashable, Sendable {
    public var taskSet: TaskSet
    public init(taskSet: TaskSet) { self.taskSet = taskSet }
}

public struct NetworkDetail: Codable, Hashable, Sendable {
    public var name: String
    public var value: String
    public init(name: String, value: String) { self.name = name; self.value = value }
}

public struct Attachment: Codable, Hashable, Sendable {
    public var id: String?
    public var type: String?
    public var status: String?
    public var details: [NetworkDetail]?
    public init(id: String?, type: String?, status: String?, details: [NetworkDetail]?) {
        self.id = id
        self.type = type
        self.status = status
        self.details = details
    }
}

public struct Task: Codable, Hashable, Sendable {
    public var taskArn: String?
    public var clusterArn: String?
    public var taskDefinitionArn: String?
    /// PROVISIONING, PENDING, ACTIVATING, RUNNING, DEACTIVATING, STOPPING, DEPROVISIONING, STOPPED.
    public var lastStatus: String?
    public var desiredStatus: String?
    public var group: String?
    public var startedBy: String?
    public var launchType: String?
    public var createdAt: Double?
    public var startedAt: Double?
    public var stoppedAt: Double?
    public var stoppedReason: String?
    public var attachments: [Attachment]?
    public var healthStatus: String?
    /// The task's containers (DescribeTasks always lists them).
    public var containers: [TaskContainer]?
    public init() {}
}

/// A container of a running task.
public struct TaskContainer: Codable, Hashable, Sendable {
    public var containerArn: String?
    public var taskArn: String?
    public var name: String?
    public var image: String?
    public var lastStatus: String?
    public var reason: String?
    public init(containerArn: String?, taskArn: String?, name: String?, image: String?, lastStatus: String?) {
        self.containerArn = containerArn
        self.taskArn = taskArn
        self.name = name
        self.image = image
        self.lastStatus = lastStatus
    }
}

public struct ListTasksInput: Codable, Hashable, Sendable {
    public var cluster: String?
    public var serviceName: String?
    public var desiredStatus: String?
    public var nextToken: String?
    public init(cluster: String?, serviceName: String? = nil, desiredStatus: String? = nil, nextToken: String? = nil) {
        self.cluster = cluster
        self.serviceName = serviceName
        self.desiredStatus = desiredStatus
        self.nextToken = nextToken
    }
}

public struct ListTasksOutput: Codable, Hashable, Sendable {
    public var taskArns: [String]
    public var nextToken: String?
    public init(taskArns: [String], nextToken: String? = nil) { self.taskArns = taskArns; self.nextToken = nextToken }
}

public struct DescribeTasksInput: Codable, Hashable, Sendable {
    public var cluster: String?
    public var tasks: [String]
    public init(cluster: String?, tasks: [String]) { self.cluster = cluster; self.tasks = tasks }
}

public struct DescribeTasksOutput: Codable, Hashable, Sendable {
    public var tasks: [Task]
    public var failures: [Failure]
    public init(tasks: [Task], failures: [Failure]) { self.tasks = tasks; self.failures = failures }
}

public struct TagResourceInput: Codable, Hashable, Sendable {
    public var resourceArn: String
    public var tags: [Tag]
    public init(resourceArn: String, tags: [Tag]) { self.resourceArn = resourceArn; self.tags = tags }
}

public struct UntagResourceInput: Codable, Hashable, Sendable {
    public var resourceArn: String
    public var tagKeys: [String]
    public init(resourceArn: String, tagKeys: [String]) { self.resourceArn = resourceArn; self.tagKeys = tagKeys }
}
