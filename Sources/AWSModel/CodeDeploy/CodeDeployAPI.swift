/// AWS CodeDeploy for ECS, the application and deployment-group operations bgsh uses.
public protocol CodeDeployAPI {
    func createApplication(_ input: CreateApplicationInput) throws -> CreateApplicationOutput
    func getApplication(_ input: GetApplicationInput) throws -> GetApplicationOutput
    func deleteApplication(_ input: DeleteApplicationInput) throws
    func createDeploymentGroup(_ input: CreateDeploymentGroupInput) throws -> CreateDeploymentGroupOutput
    func getDeploymentGroup(_ input: GetDeploymentGroupInput) throws -> GetDeploymentGroupOutput
    func listDeploymentGroups(_ input: ListDeploymentGroupsInput) throws -> ListDeploymentGroupsOutput
    /// ListApplications: the region's application names (what TAB offers after `--app`).
    func listApplications(_ input: ListApplicationsInput) throws -> ListApplicationsOutput
    func deleteDeploymentGroup(_ input: DeleteDeploymentGroupInput) throws
    func updateDeploymentGroup(_ input: UpdateDeploymentGroupInput) throws -> UpdateDeploymentGroupOutput
    func createDeployment(_ input: CreateDeploymentInput) throws -> CreateDeploymentOutput
    func getDeployment(_ input: GetDeploymentInput) throws -> GetDeploymentOutput
    /// ListDeployments: a group's deployments in the statuses asked (a pipeline's deploy action
    /// starts one bgsh did not).
    func listDeployments(_ input: ListDeploymentsInput) throws -> ListDeploymentsOutput
    func continueDeployment(_ input: ContinueDeploymentInput) throws
    func stopDeployment(_ input: StopDeploymentInput) throws -> StopDeploymentOutput
    /// BatchGetDeploymentTargets: an ECS deployment's target (`CLUSTER:SERVICE`) with its
    /// lifecycle events, whose times say when traffic started to move and when it all moved.
    func batchGetDeploymentTargets(_ input: BatchGetDeploymentTargetsInput) throws -> BatchGetDeploymentTargetsOutput
    /// CreateDeploymentConfig: a custom canary or linear schedule for ECS deployments.
    func createDeploymentConfig(_ input: CreateDeploymentConfigInput) throws
}

public struct ApplicationInfo: Codable, Hashable, Sendable {
    public var applicationId: String?
    public var applicationName: String?
    public var createTime: Double?
    public var linkedToGitHub: Bool?
    public var computePlatform: String?
    public init() {}
}

public struct CreateApplicationInput: Codable, Hashable, Sendable {
    public var applicationName: String
    public var computePlatform: String?
    public init(applicationName: String, computePlatform: String?) {
        self.applicationName = applicationName
        self.computePlatform = computePlatform
    }
}

public struct CreateApplicationOutput: Codable, Hashable, Sendable {
    public var applicationId: String
    public init(applicationId: String) { self.applicationId = applicationId }
}

public struct GetApplicationInput: Codable, Hashable, Sendable {
    public var applicationName: String
    public init(applicationName: String) { self.applicationName = applicationName }
}

public struct GetApplicationOutput: Codable, Hashable, Sendable {
    public var application: ApplicationInfo
    public init(application: ApplicationInfo) { self.application = application }
}

public struct DeleteApplicationInput: Codable, Hashable, Sendable {
    public var applicationName: String
    public init(applicationName: String) { self.applicationName = applicationName }
}

public struct DeploymentStyle: Codable, Hashable, Sendable {
    public var deploymentType: String?
    public var deploymentOption: String?
    public init(deploymentType: String?, deploymentOption: String?) {
        self.deploymentType = deploymentType
        self.deploymentOption = deploymentOption
    }
}

public struct BlueInstanceTerminationOption: Codable, Hashable, Sendable {
    public var action: String?
    public var terminationWaitTimeInMinutes: Int?
    public init(action: String?, terminationWaitTimeInMinutes: Int?) {
        self.action = action
        self.terminationWaitTimeInMinutes = terminationWaitTimeInMinutes
    }
}

public struct DeploymentReadyOption: Codable, Hashable, Sendable {
    public var actionOnTimeout: String?
    public var waitTimeInMinutes: Int?
    public init(actionOnTimeout: String?, waitTimeInMinutes: Int?) {
        self.actionOnTimeout = actionOnTimeout
        self.waitTimeInMinutes = waitTimeInMinutes
    }
}

public struct BlueGreenDeploymentConfiguration: Codable, Hashable, Sendable {
    public var terminateBlueInstancesOnDeploymentSuccess: BlueInstanceTerminationOption?
    public var deploymentReadyOption: DeploymentReadyOption?
    public init(terminateBlueInstancesOnDeploymentSuccess: BlueInstanceTerminationOption?, deploymentReadyOption: DeploymentReadyOption?) {
        self.terminateBlueInstancesOnDeploymentSuccess = terminateBlueInstancesOnDeploymentSuccess
        self.deploymentReadyOption = deploymentReadyOption
    }
}

public struct ECSService: Codable, Hashable, Sendable {
    public var serviceName: String
    public var clusterName: String
    public init(serviceName: String, clusterName: String) { self.serviceName = serviceName; self.clusterName = clusterName }
}

public struct TargetGroupInfo: Codable, Hashable, Sendable {
    public var name: String
    public init(name: String) { self.name = name }
}

public struct TrafficRoute: Codable, Hashable, Sendable {
    public var listenerArns: [String]
    public init(listenerArns: [String]) { self.listenerArns = listenerArns }
}

public struct TargetGroupPairInfo: Codable, Hashable, Sendable {
    public var targetGroups: [TargetGroupInfo]?
    public var prodTrafficRoute: TrafficRoute?
    public var testTrafficRoute: TrafficRoute?
    public init(targetGroups: [TargetGroupInfo]?, prodTrafficRoute: TrafficRoute?, testTrafficRoute: TrafficRoute?) {
        self.targetGroups = targetGroups
        self.prodTrafficRoute = prodTrafficRoute
        self.testTrafficRoute = testTrafficRoute
    }
}

public struct LoadBalancerInfo: Codable, Hashable, Sendable {
    public var targetGroupPairInfoList: [TargetGroupPairInfo]?
    public init(targetGroupPairInfoList: [TargetGroupPairInfo]?) { self.targetGroupPairInfoList = targetGroupPairInfoList }
}

public struct AutoRollbackConfiguration: Codable, Hashable, Sendable {
    public var enabled: Bool?
    public var events: [String]?
    public init(enabled: Bool?, events: [String]?) { self.enabled = enabled; self.events = events }
}

public struct CodeDeployAlarm: Codable, Hashable, Sendable {
    public var name: String
    public init(name: String) { self.name = name }
}

public struct AlarmConfiguration: Codable, Hashable, Sendable {
    public var enabled: Bool?
    public var ignorePollAlarmFailure: Bool?
    public var alarms: [CodeDeployAlarm]?
    public init(enabled: Bool?, alarms: [CodeDeployAlarm]?) { self.enabled = enabled; self.alarms = alarms }
}

/// CreateDeploymentGroup's input: the seed's create-deployment-group.json shape.
public struct CreateDeploymentGroupInput: Codable, Hashable, Sendable {
    public var applicationName: String
    public var deploymentGroupName: String
    public var deploymentConfigName: String?
    public var serviceRoleArn: String
    public var deploymentStyle: DeploymentStyle?
    public var blueGreenDeploymentConfiguration: BlueGreenDeploymentConfiguration?
    public var ecsServices: [ECSService]?
    public var loadBalancerInfo: LoadBalancerInfo?
    public var autoRollbackConfiguration: AutoRollbackConfiguration?
    public var alarmConfiguration: AlarmConfiguration?

    public init(applicationName: String, deploymentGroupName: String, serviceRoleArn: String) {
        self.applicationName = applicationName
        self.deploymentGroupName = deploymentGroupName
        self.serviceRoleArn = serviceRoleArn
    }
}

public struct CreateDeploymentGroupOutput: Codable, Hashable, Sendable {
    public var deploymentGroupId: String
    public init(deploymentGroupId: String) { self.deploymentGroupId = deploymentGroupId }
}

public struct DeploymentGroupInfo: Codable, Hashable, Sendable {
    public var applicationName: String?
    public var deploymentGroupId: String?
    public var deploymentGroupName: String?
    public var deploymentConfigName: String?
    public var serviceRoleArn: String?
    public var deploymentStyle: DeploymentStyle?
    public var blueGreenDeploymentConfiguration: BlueGreenDeploymentConfiguration?
    public var ecsServices: [ECSService]?
    public var loadBalancerInfo: LoadBalancerInfo?
    public var autoRollbackConfiguration: AutoRollbackConfiguration?
    public var alarmConfiguration: AlarmConfiguration?
    public var computePlatform: String?
    public init() {}
}

public struct GetDeploymentGroupInput: Codable, Hashable, Sendable {
    public var applicationName: String
    public var deploymentGroupName: String
    public init(applicationName: String, deploymentGroupName: String) {
        self.applicationName = applicationName
        self.deploymentGroupName = deploymentGroupName
    }
}

public struct GetDeploymentGroupOutput: Codable, Hashable, Sendable {
    public var deploymentGroupInfo: DeploymentGroupInfo
    public init(deploymentGroupInfo: DeploymentGroupInfo) { self.deploymentGroupInfo = deploymentGroupInfo }
}

public struct ListDeploymentGroupsInput: Codable, Hashable, Sendable {
    public var applicationName: String
    public init(applicationName: String) { self.applicationName = applicationName }
}

public struct ListApplicationsInput: Codable, Hashable, Sendable {
    public var nextToken: String?
    public init(nextToken: String? = nil) { self.nextToken = nextToken }
}

public struct ListApplicationsOutput: Codable, Hashable, Sendable {
    public var applications: [String]?
    public var nextToken: String?
    public init(applications: [String]?, nextToken: String? = nil) {
        self.applications = applications
        self.nextToken = nextToken
    }
}

public struct ListDeploymentGroupsOutput: Codable, Hashable, Sendable {
    public var applicationName: String
    public var deploymentGroups: [String]
    public init(applicationName: String, deploymentGroups: [String]) {
        self.applicationName = applicationName
        self.deploymentGroups = deploymentGroups
    }
}

public struct DeleteDeploymentGroupInput: Codable, Hashable, Sendable {
    public var applicationName: String
    public var deploymentGroupName: String
    public init(applicationName: String, deploymentGroupName: String) {
        self.applicationName = applicationName
        self.deploymentGroupName = deploymentGroupName
    }
}

/// UpdateDeploymentGroup: the settings given replace the group's; the others stay.
public struct UpdateDeploymentGroupInput: Codable, Hashable, Sendable {
    public var applicationName: String
    public var currentDeploymentGroupName: String
    public var blueGreenDeploymentConfiguration: BlueGreenDeploymentConfiguration?
    public var alarmConfiguration: AlarmConfiguration?
    public var autoRollbackConfiguration: AutoRollbackConfiguration?
    public init(applicationName: String, currentDeploymentGroupName: String) {
        self.applicationName = applicationName
        self.currentDeploymentGroupName = currentDeploymentGroupName
    }
}

public struct UpdateDeploymentGroupOutput: Codable, Hashable, Sendable {
    /// hooksNotCleanedUp is EC2 and on-premises only: not read.
    public init() {}
}

public struct ListDeploymentsInput: Codable, Hashable, Sendable {
    public var applicationName: String?
    public var deploymentGroupName: String?
    /// Created, Queued, InProgress, Baking, Succeeded, Failed, Stopped, Ready.
    public var includeOnlyStatuses: [String]?
    public var nextToken: String?
    public init(applicationName: String?, deploymentGroupName: String?, includeOnlyStatuses: [String]?, nextToken: String? = nil) {
        self.applicationName = applicationName
        self.deploymentGroupName = deploymentGroupName
        self.includeOnlyStatuses = includeOnlyStatuses
        self.nextToken = nextToken
    }
}

public struct ListDeploymentsOutput: Codable, Hashable, Sendable {
    public var deployments: [String]?
    public var nextToken: String?
    public init(deployments: [String]?, nextToken: String?) {
        self.deployments = deployments
        self.nextToken = nextToken
    }
}
