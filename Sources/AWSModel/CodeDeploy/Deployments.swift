/// An AppSpec given inline (`revisionType: AppSpecContent`).
public struct AppSpecContent: Codable, Hashable, Sendable {
    public var content: String
    public init(content: String) { self.content = content }
}

public struct RevisionLocation: Codable, Hashable, Sendable {
    public var revisionType: String
    public var appSpecContent: AppSpecContent?
    public init(revisionType: String, appSpecContent: AppSpecContent?) {
        self.revisionType = revisionType
        self.appSpecContent = appSpecContent
    }
}

public struct CreateDeploymentInput: Codable, Hashable, Sendable {
    public var applicationName: String
    public var deploymentGroupName: String?
    public var deploymentConfigName: String?
    public var description: String?
    public var revision: RevisionLocation?
    public var autoRollbackConfiguration: AutoRollbackConfiguration?
    /// The deployment's own alarms, instead of the group's.
    public var overrideAlarmConfiguration: AlarmConfiguration?
    public init(applicationName: String, deploymentGroupName: String?, revision: RevisionLocation?) {
        self.applicationName = applicationName
        self.deploymentGroupName = deploymentGroupName
        self.revision = revision
    }
}

public struct CreateDeploymentOutput: Codable, Hashable, Sendable {
    public var deploymentId: String
    public init(deploymentId: String) { self.deploymentId = deploymentId }
}

public struct ErrorInformation: Codable, Hashable, Sendable {
    public var code: String?
    public var message: String?
    public init(code: String?, message: String?) { self.code = code; self.message = message }
}

public struct DeploymentInfo: Codable, Hashable, Sendable {
    public var deploymentId: String?
    public var applicationName: String?
    public var deploymentGroupName: String?
    public var deploymentConfigName: String?
    /// Created, Queued, InProgress, Ready, Succeeded, Failed, Stopped.
    public var status: String?
    public var createTime: Double?
    public var completeTime: Double?
    public var description: String?
    public var errorInformation: ErrorInformation?
    public var computePlatform: String?
    /// user, autoscaling, codeDeployRollback, CodeDeploy, CodeDeployAutoUpdate, CloudFormation…
    public var creator: String?
    /// A rolled-back deployment names its rollback; a rollback names what it rolled back.
    public var rollbackInfo: RollbackInfo?
    /// The group's blue/green settings as this deployment uses them (the termination wait).
    public var blueGreenDeploymentConfiguration: BlueGreenDeploymentConfiguration?
    public init() {}
}

/// CodeDeploy's rollback is a deployment of its own.
public struct RollbackInfo: Codable, Hashable, Sendable {
    public var rollbackDeploymentId: String?
    public var rollbackTriggeringDeploymentId: String?
    public var rollbackMessage: String?
    public init(rollbackDeploymentId: String? = nil, rollbackTriggeringDeploymentId: String? = nil, rollbackMessage: String? = nil) {
        self.rollbackDeploymentId = rollbackDeploymentId
        self.rollbackTriggeringDeploymentId = rollbackTriggeringDeploymentId
        self.rollbackMessage = rollbackMessage
    }
}

public struct GetDeploymentInput: Codable, Hashable, Sendable {
    public var deploymentId: String
    public init(deploymentId: String) { self.deploymentId = deploymentId }
}

public struct GetDeploymentOutput: Codable, Hashable, Sendable {
    public var deploymentInfo: DeploymentInfo
    public init(deploymentInfo: DeploymentInfo) { self.deploymentInfo = deploymentInfo }
}

public struct ContinueDeploymentInput: Codable, Hashable, Sendable {
    public var deploymentId: String
    /// READY_WAIT or TERMINATION_WAIT.
    public var deploymentWaitType: String?
    public init(deploymentId: String, deploymentWaitType: String?) {
        self.deploymentId = deploymentId
        self.deploymentWaitType = deploymentWaitType
    }
}

public struct StopDeploymentInput: Codable, Hashable, Sendable {
    public var deploymentId: String
    public var autoRollbackEnabled: Bool?
    public init(deploymentId: String, autoRollbackEnabled: Bool?) {
        self.deploymentId = deploymentId
        self.autoRollbackEnabled = autoRollbackEnabled
    }
}

public struct StopDeploymentOutput: Codable, Hashable, Sendable {
    public var status: String?
    public var statusMessage: String?
    public init(status: String?, statusMessage: String?) { self.status = status; self.statusMessage = statusMessage }
}

public struct TimeBasedCanary: Codable, Hashable, Sendable {
    public var canaryPercentage: Int
    /// Minutes.
    public var canaryInterval: Int
    public init(canaryPercentage: Int, canaryInterval: Int) { self.canaryPercentage = canaryPercentage; self.canaryInterval = canaryInterval }
}

public struct TimeBasedLinear: Codable, Hashable, Sendable {
    public var linearPercentage: Int
    /// Minutes.
    public var linearInterval: Int
    public init(linearPercentage: Int, linearInterval: Int) { self.linearPercentage = linearPercentage; self.linearInterval = linearInterval }
}

public struct TrafficRoutingConfig: Codable, Hashable, Sendable {
    /// TimeBasedCanary, TimeBasedLinear or AllAtOnce.
    public var type: String
    public var timeBasedCanary: TimeBasedCanary?
    public var timeBasedLinear: TimeBasedLinear?
    public init(type: String, timeBasedCanary: TimeBasedCanary? = nil, timeBasedLinear: TimeBasedLinear? = nil) {
        self.type = type
        self.timeBasedCanary = timeBasedCanary
        self.timeBasedLinear = timeBasedLinear
    }
}

public struct CreateDeploymentConfigInput: Codable, Hashable, Sendable {
    public var deploymentConfigName: String
    public var computePlatform: String?
    public var trafficRoutingConfig: TrafficRoutingConfig?
    public init(deploymentConfigName: String, computePlatform: String?, trafficRoutingConfig: TrafficRoutingConfig?) {
        self.deploymentConfigName = deploymentConfigName
        self.computePlatform = computePlatform
        self.trafficRoutingConfig = trafficRoutingConfig
    }
}

public struct BatchGetDeploymentTargetsInput: Codable, Hashable, Sendable {
    public var deploymentId: String
    /// ECS: `CLUSTER:SERVICE`.
    public var targetIds: [String]
    public init(deploymentId: String, targetIds: [String]) {
        self.deploymentId = deploymentId
        self.targetIds = targetIds
    }
}

public struct BatchGetDeploymentTargetsOutput: Codable, Hashable, Sendable {
    public var deploymentTargets: [DeploymentTarget]?
    public init(deploymentTargets: [DeploymentTarget]?) { self.deploymentTargets = deploymentTargets }
}

public struct DeploymentTarget: Codable, Hashable, Sendable {
    /// `ECSTarget` for ECS deployments.
    public var deploymentTargetType: String?
    public var ecsTarget: ECSTarget?
    public init(deploymentTargetType: String?, ecsTarget: ECSTarget?) {
        self.deploymentTargetType = deploymentTargetType
        self.ecsTarget = ecsTarget
    }
}

public struct ECSTarget: Codable, Hashable, Sendable {
    public var deploymentId: String?
    public var targetId: String?
    public var targetArn: String?
    public var lastUpdatedAt: Double?
    public var lifecycleEvents: [LifecycleEvent]?
    /// Pending, InProgress, Succeeded, Failed, Skipped, Unknown, Ready.
    public var status: String?
    public init() {}
}

/// One step of a deployment to a target: for ECS, BeforeInstall, Install, AfterInstall,
/// AllowTestTraffic, AfterAllowTestTraffic, BeforeAllowTraffic, AllowTraffic, AfterAllowTraffic.
public struct LifecycleEvent: Codable, Hashable, Sendable {
    public var lifecycleEventName: String?
    public var startTime: Double?
    public var endTime: Double?
    /// Pending, InProgress, Succeeded, Failed, Skipped, Unknown.
    public var status: String?
    public init(lifecycleEventName: String?, startTime: Double?, endTime: Double?, status: String?) {
        self.lifecycleEventName = lifecycleEventName
        self.startTime = startTime
        self.endTime = endTime
        self.status = status
    }

    /// The ECS lifecycle, in order.
    public static let ecsNames = ["BeforeInstall", "Install", "AfterInstall", "AllowTestTraffic", "AfterAllowTestTraffic",
                                  "BeforeAllowTraffic", "AllowTraffic", "AfterAllowTraffic"]
}
