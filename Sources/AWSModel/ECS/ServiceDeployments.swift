/// ECS's native blue/green deployments (deployment controller ECS): the service-deployment
/// operations, in botocore's member names.

public struct ListServiceDeploymentsInput: Codable, Hashable, Sendable {
    public var service: String
    public var cluster: String?
    /// PENDING, SUCCESSFUL, STOPPED, STOP_REQUESTED, IN_PROGRESS, ROLLBACK_REQUESTED, ROLLBACK_IN_PROGRESS, ROLLBACK_SUCCESSFUL, ROLLBACK_FAILED.
    public var status: [String]?
    public var nextToken: String?
    public var maxResults: Int?
    public init(service: String, cluster: String?, status: [String]? = nil, nextToken: String? = nil, maxResults: Int? = nil) {
        self.service = service
        self.cluster = cluster
        self.status = status
        self.nextToken = nextToken
        self.maxResults = maxResults
    }
}

public struct ServiceDeploymentBrief: Codable, Hashable, Sendable {
    public var serviceDeploymentArn: String?
    public var serviceArn: String?
    public var clusterArn: String?
    public var startedAt: Double?
    public var createdAt: Double?
    public var finishedAt: Double?
    public var targetServiceRevisionArn: String?
    public var status: String?
    public var statusReason: String?
    public init() {}
}

public struct ListServiceDeploymentsOutput: Codable, Hashable, Sendable {
    public var serviceDeployments: [ServiceDeploymentBrief]?
    public var nextToken: String?
    public init(serviceDeployments: [ServiceDeploymentBrief]?, nextToken: String?) {
        self.serviceDeployments = serviceDeployments
        self.nextToken = nextToken
    }
}

public struct DescribeServiceDeploymentsInput: Codable, Hashable, Sendable {
    /// At most 20.
    public var serviceDeploymentArns: [String]
    public init(serviceDeploymentArns: [String]) { self.serviceDeploymentArns = serviceDeploymentArns }
}

public struct ServiceRevisionSummary: Codable, Hashable, Sendable {
    public var arn: String?
    public var requestedTaskCount: Int?
    public var runningTaskCount: Int?
    public var pendingTaskCount: Int?
    /// 0.0–100.0.
    public var requestedTestTrafficWeight: Double?
    public var requestedProductionTrafficWeight: Double?
    public init() {}
}

public struct ServiceDeploymentLifecycleHookDetail: Codable, Hashable, Sendable {
    public var hookId: String?
    public var targetType: String?
    public var targetArn: String?
    /// AWAITING_ACTION, IN_PROGRESS, SUCCEEDED, FAILED or TIMED_OUT.
    public var status: String?
    public var expiresAt: Double?
    public var timeoutAction: String?
    public init() {}
}

public struct Rollback: Codable, Hashable, Sendable {
    public var reason: String?
    public var startedAt: Double?
    public var serviceRevisionArn: String?
    public init(reason: String?, startedAt: Double?, serviceRevisionArn: String?) {
        self.reason = reason
        self.startedAt = startedAt
        self.serviceRevisionArn = serviceRevisionArn
    }
}

public struct ServiceDeploymentCircuitBreaker: Codable, Hashable, Sendable {
    /// TRIGGERED, MONITORING, MONITORING_COMPLETE or DISABLED.
    public var status: String?
    public var failureCount: Int?
    public var threshold: Int?
    public init() {}
}

public struct ServiceDeploymentAlarms: Codable, Hashable, Sendable {
    public var status: String?
    public var alarmNames: [String]?
    public var triggeredAlarmNames: [String]?
    public init() {}
}

public struct ServiceDeploymentRecord: Codable, Hashable, Sendable {
    public var serviceDeploymentArn: String?
    public var serviceArn: String?
    public var clusterArn: String?
    public var createdAt: Double?
    public var startedAt: Double?
    public var finishedAt: Double?
    public var stoppedAt: Double?
    public var updatedAt: Double?
    public var sourceServiceRevisions: [ServiceRevisionSummary]?
    public var targetServiceRevision: ServiceRevisionSummary?
    public var status: String?
    public var statusReason: String?
    /// RECONCILE_SERVICE, PRE_SCALE_UP, SCALE_UP, POST_SCALE_UP, TEST_TRAFFIC_SHIFT,
    /// POST_TEST_TRAFFIC_SHIFT, PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT, BAKE_TIME, CLEAN_UP.
    public var lifecycleStage: String?
    public var lifecycleHookDetails: [ServiceDeploymentLifecycleHookDetail]?
    public var rollback: Rollback?
    public var deploymentCircuitBreaker: ServiceDeploymentCircuitBreaker?
    public var alarms: ServiceDeploymentAlarms?
    public init() {}
}

public struct DescribeServiceDeploymentsOutput: Codable, Hashable, Sendable {
    public var serviceDeployments: [ServiceDeploymentRecord]?
    public var failures: [Failure]?
    public init(serviceDeployments: [ServiceDeploymentRecord]?, failures: [Failure]?) {
        self.serviceDeployments = serviceDeployments
        self.failures = failures
    }
}

public struct StopServiceDeploymentInput: Codable, Hashable, Sendable {
    public var serviceDeploymentArn: String
    /// ABORT or ROLLBACK.
    public var stopType: String?
    public init(serviceDeploymentArn: String, stopType: String?) {
        self.serviceDeploymentArn = serviceDeploymentArn
        self.stopType = stopType
    }
}

public struct StopServiceDeploymentOutput: Codable, Hashable, Sendable {
    public var serviceDeploymentArn: String?
    public init(serviceDeploymentArn: String?) { self.serviceDeploymentArn = serviceDeploymentArn }
}

public struct ContinueServiceDeploymentInput: Codable, Hashable, Sendable {
    public var serviceDeploymentArn: String
    public var hookId: String
    /// CONTINUE (the default) or ROLLBACK.
    public var action: String?
    public init(serviceDeploymentArn: String, hookId: String, action: String?) {
        self.serviceDeploymentArn = serviceDeploymentArn
        self.hookId = hookId
        self.action = action
    }
}

public struct ContinueServiceDeploymentOutput: Codable, Hashable, Sendable {
    public var serviceDeploymentArn: String?
    public init(serviceDeploymentArn: String?) { self.serviceDeploymentArn = serviceDeploymentArn }
}

public struct DescribeServiceRevisionsInput: Codable, Hashable, Sendable {
    /// At most 20.
    public var serviceRevisionArns: [String]
    public init(serviceRevisionArns: [String]) { self.serviceRevisionArns = serviceRevisionArns }
}

public struct ServiceRevisionLoadBalancer: Codable, Hashable, Sendable {
    public var targetGroupArn: String?
    public var productionListenerRule: String?
    public init(targetGroupArn: String?, productionListenerRule: String?) {
        self.targetGroupArn = targetGroupArn
        self.productionListenerRule = productionListenerRule
    }
}

public struct ResolvedConfiguration: Codable, Hashable, Sendable {
    public var loadBalancers: [ServiceRevisionLoadBalancer]?
    public init(loadBalancers: [ServiceRevisionLoadBalancer]?) { self.loadBalancers = loadBalancers }
}

public struct ServiceRevision: Codable, Hashable, Sendable {
    public var serviceRevisionArn: String?
    public var serviceArn: String?
    public var clusterArn: String?
    public var taskDefinition: String?
    public var loadBalancers: [ServiceLoadBalancer]?
    public var createdAt: Double?
    public var resolvedConfiguration: ResolvedConfiguration?
    public init() {}
}

public struct DescribeServiceRevisionsOutput: Codable, Hashable, Sendable {
    public var serviceRevisions: [ServiceRevision]?
    public var failures: [Failure]?
    public init(serviceRevisions: [ServiceRevision]?, failures: [Failure]?) {
        self.serviceRevisions = serviceRevisions
        self.failures = failures
    }
}

/// `deploymentConfiguration` of CreateService/UpdateService: under the ECS controller, the
/// strategy (ROLLING, BLUE_GREEN, LINEAR, CANARY), bake time, hooks and their steps.
public struct ServiceDeploymentConfiguration: Codable, Hashable, Sendable {
    public var strategy: String?
    /// 0–1440; BLUE_GREEN, LINEAR and CANARY keep both revisions this long after the last shift.
    public var bakeTimeInMinutes: Int?
    public var maximumPercent: Int?
    public var minimumHealthyPercent: Int?
    public var deploymentCircuitBreaker: DeploymentCircuitBreaker?
    public var alarms: DeploymentAlarms?
    public var lifecycleHooks: [DeploymentLifecycleHook]?
    public var linearConfiguration: LinearConfiguration?
    public var canaryConfiguration: CanaryConfiguration?
    public init(strategy: String?) { self.strategy = strategy }
}

public struct DeploymentCircuitBreaker: Codable, Hashable, Sendable {
    public var enable: Bool
    public var rollback: Bool
    public init(enable: Bool, rollback: Bool) {
        self.enable = enable
        self.rollback = rollback
    }
}

public struct DeploymentAlarms: Codable, Hashable, Sendable {
    public var alarmNames: [String]
    public var rollback: Bool
    public var enable: Bool
    public init(alarmNames: [String], rollback: Bool, enable: Bool) {
        self.alarmNames = alarmNames
        self.rollback = rollback
        self.enable = enable
    }
}

public struct HookTimeoutConfiguration: Codable, Hashable, Sendable {
    /// 1–20160.
    public var timeoutInMinutes: Int?
    /// ROLLBACK (the default) or CONTINUE.
    public var action: String?
    public init(timeoutInMinutes: Int?, action: String?) {
        self.timeoutInMinutes = timeoutInMinutes
        self.action = action
    }
}

public struct DeploymentLifecycleHook: Codable, Hashable, Sendable {
    /// AWS_LAMBDA (the default) or PAUSE.
    public var targetType: String?
    public var hookTargetArn: String?
    public var roleArn: String?
    public var lifecycleStages: [String]?
    public var timeoutConfiguration: HookTimeoutConfiguration?
    public init(targetType: String?, lifecycleStages: [String]?, timeoutConfiguration: HookTimeoutConfiguration?) {
        self.targetType = targetType
        self.lifecycleStages = lifecycleStages
        self.timeoutConfiguration = timeoutConfiguration
    }
}

public struct LinearConfiguration: Codable, Hashable, Sendable {
    /// 3.0–100.0 in steps of 0.1.
    public var stepPercent: Double?
    public var stepBakeTimeInMinutes: Int?
    public init(stepPercent: Double?, stepBakeTimeInMinutes: Int?) {
        self.stepPercent = stepPercent
        self.stepBakeTimeInMinutes = stepBakeTimeInMinutes
    }
}

public struct CanaryConfiguration: Codable, Hashable, Sendable {
    /// 0.1–100.0.
    public var canaryPercent: Double?
    public var canaryBakeTimeInMinutes: Int?
    public init(canaryPercent: Double?, canaryBakeTimeInMinutes: Int?) {
        self.canaryPercent = canaryPercent
        self.canaryBakeTimeInMinutes = canaryBakeTimeInMinutes
    }
}
