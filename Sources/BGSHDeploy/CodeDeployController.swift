import AWSModel
import BGSHAnalysis
import BGSHSyntax

/// The seed's way: the service uses the CODE_DEPLOY controller and CodeDeploy moves the traffic
/// by the deployment group's configuration. bgsh starts, continues and stops CodeDeploy
/// deployments and reads their progress back; it cannot set an arbitrary split or pause one.
public struct CodeDeployController: BlueGreenController {
    let cloud: any Cloud
    let cluster: String
    let serviceName: String
    let now: () throws -> Double

    /// Creates a controller for one service.
    public init(cloud: any Cloud, cluster: String, service: String, now: @escaping () throws -> Double) {
        self.cloud = cloud
        self.cluster = cluster
        self.serviceName = service
        self.now = now
    }

    func service() throws -> (Service, ServiceTags) { try DeploymentTags.service(cloud, cluster: cluster, name: serviceName) }

    static func tag(_ service: Service, _ key: String) -> String? { Tag.value(of: key, in: service.tags) }

    public func observe() throws -> DeploymentView { try observe(adopting: true) }

    /// - Parameter adopting: take up a deployment in progress that bgsh did not start.
    func observe(adopting: Bool) throws -> DeploymentView {
        var (service, setup) = try service()
        var id = Self.tag(service, DeploymentTags.id)
        var info = try id.map { try cloud.getDeployment(GetDeploymentInput(deploymentId: $0)).deploymentInfo }
        // A group runs one deployment at a time: only when the tracked one has ended can another be in progress.
        if adopting, !Self.activeStatuses.contains(info?.status ?? ""), let newer = try untracked(service) {
            try record(newer, after: try observe(adopting: false), on: service)
            (service, setup) = try self.service()
            id = newer
            info = try cloud.getDeployment(GetDeploymentInput(deploymentId: newer)).deploymentInfo
        }
        let listener = try cloud.describeListeners(DescribeListenersInput(ListenerArns: [setup.listener])).Listeners.first
        let shares = TrafficShares(listener)
        // describe again: GetDeployment may just have moved the deployment along
        let sets = try cloud.describeServices(DescribeServicesInput(cluster: cluster, services: [serviceName])).services.first?.taskSets ?? service.taskSets ?? []
        let green = sets.first { $0.externalId == id && id != nil }
        let blue = sets.first { $0.externalId != id || id == nil }
        func side(_ set: TaskSet?) throws -> Side? {
            guard let set, let tg = set.loadBalancers?.first?.targetGroupArn else { return nil }
            let states = try cloud.describeTargetHealth(DescribeTargetHealthInput(TargetGroupArn: tg)).TargetHealthDescriptions.map(\.TargetHealth.State)
            return Side(taskSet: set, targetGroupArn: tg, running: set.runningCount ?? 0, desired: set.computedDesiredCount ?? 0,
                        health: TargetHealth.summary(of: states), weightTenths: shares.tenths(tg))
        }
        let strategy = info?.deploymentConfigName.map(Self.strategy(ofConfig:)) ?? Strategy(name: "-", steps: [], interval: 0)
        var view = DeploymentView(id: id, state: .none, strategy: strategy,
                                  step: 0, blue: try side(blue), green: try side(green), terminationAt: nil, nextStepAt: nil, now: try now(),
                                  greenTaskDefinition: green?.taskDefinition, service: service, controller: "codedeploy")
        view.analysis = Self.tag(service, DeploymentTags.verdict).flatMap { $0.isEmpty ? nil : $0 }
        view.analysisRows = view.analysis == nil ? [] : DeploymentTags.verdictRows(service)
        switch info?.status {
        case nil: view.state = .none
        case "Succeeded"?: view.state = .succeeded; view.blue = nil; view.step = view.strategy.steps.count
        case "Stopped"?, "Failed"?:
            view.state = .rolledBack
            view.green = nil
            view.rolledBackBy = info?.rollbackInfo?.rollbackDeploymentId
            view.reason = info?.errorInformation.map { "\($0.code ?? ""): \($0.message ?? "")" }
        default:
            if info?.status == "Ready" {
                view.waitingFor = "CodeDeploy holds it Ready (STOP_DEPLOYMENT): `promote` continues it (ContinueDeployment); left alone, CodeDeploy stops it when the group's wait runs out"
            }
            if green?.status == "PRIMARY" { view.state = .baking }
            else if view.green?.health != "healthy" && (view.green?.weightTenths ?? 0) == 0 { view.state = .starting }
            else { view.state = .inProgress }
            if let id, let info { try timers(&view, id: id, info: info) }
        }
        return view
    }

    /// The step and the timers, which GetDeployment does not give: AllowTraffic's start (the first
    /// shift) plus the steps made so far times the interval is the next step; AfterAllowTraffic's
    /// end (all traffic on green) plus the termination wait, blue's removal (BatchGetDeploymentTargets).
    func timers(_ view: inout DeploymentView, id: String, info: DeploymentInfo) throws {
        let green = view.green?.weightTenths ?? 0
        view.step = green == 0 ? 0 : view.strategy.steps.filter { $0 <= green }.count
        let events: [LifecycleEvent]
        do {
            let targets = try cloud.batchGetDeploymentTargets(BatchGetDeploymentTargetsInput(deploymentId: id, targetIds: ["\(cluster):\(serviceName)"]))
            events = targets.deploymentTargets?.first?.ecsTarget?.lifecycleEvents ?? []
        } catch is AWSError {
            return  // the timers are a help, not the status: a role without the permission still gets it
        }
        let event = { (name: String) in events.first { $0.lifecycleEventName == name } }
        if let start = event("AllowTraffic")?.startTime, view.step > 0, view.step < view.strategy.steps.count {
            view.nextStepAt = start + Double(view.step * view.strategy.interval)
        }
        if let moved = event("AfterAllowTraffic")?.endTime,
           let minutes = info.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess?.terminationWaitTimeInMinutes {
            view.terminationAt = moved + Double(minutes * 60)
        }
    }

    /// The schedule a deployment configuration stands for: CodeDeploy's predefined ones, and the
    /// ones `deploy --strategy` makes (customConfig's `bgsh-canary-10pct-5min`); others are named only.
    static func strategy(ofConfig name: String) -> Strategy {
        if case .success(let known) = Strategy.parse(name), name.hasPrefix("CodeDeployDefault.") { return known }
        let parts = name.split(separator: "-")
        if parts.count == 4, parts[0] == "bgsh", ["canary", "linear"].contains(parts[1]),
           let percent = Int(parts[2].dropLast(3)), parts[2].hasSuffix("pct"), let minutes = Int(parts[3].dropLast(3)), parts[3].hasSuffix("min"),
           case .success(var schedule) = Strategy.parse("\(parts[1]):\(percent)%:\(minutes)m") {
            schedule.name = name
            return schedule
        }
        return Strategy(name: name, steps: [], interval: 0)
    }

    public func deploy(taskDefinitionArn: String, strategy: Strategy, terminationWait: Int, alarms: [String], healthTimeout: Int, autoRollback: Bool?) throws -> String {
        let (service, setup) = try service()
        guard let app = Self.tag(service, "bgsh:codedeploy-app"), let group = Self.tag(service, "bgsh:codedeploy-group") else {
            throw DeploymentRefusal("service '\(serviceName)' has no CodeDeploy deployment group yet: create it with `codedeploy group create`")
        }
        var config: String?
        if strategy != .manual {
            if strategy.name.hasPrefix("CodeDeployDefault.") || strategy.name == "all-at-once" {
                config = strategy.name == "all-at-once" ? "CodeDeployDefault.ECSAllAtOnce" : strategy.name
            } else {
                config = try customConfig(strategy)
            }
        }
        // The AppSpec of the seed's appspec.yaml, as JSON, with the task definition filled in.
        let appSpec = "{\"version\":0.0,\"Resources\":[{\"TargetService\":{\"Type\":\"AWS::ECS::Service\",\"Properties\":{\"TaskDefinition\":\"\(taskDefinitionArn)\",\"LoadBalancerInfo\":{\"ContainerName\":\"\(setup.container)\",\"ContainerPort\":\(setup.port)}}}}]}"
        var input = CreateDeploymentInput(applicationName: app, deploymentGroupName: group,
                                          revision: RevisionLocation(revisionType: "AppSpecContent", appSpecContent: AppSpecContent(content: appSpec)))
        input.deploymentConfigName = config
        input.description = "bgsh deploy"
        // `deploy --alarm` and `--no-auto-rollback` are the deployment's own overrides (CreateDeployment).
        if !alarms.isEmpty { input.overrideAlarmConfiguration = AlarmConfiguration(enabled: true, alarms: alarms.map(CodeDeployAlarm.init(name:))) }
        if let autoRollback {
            input.autoRollbackConfiguration = AutoRollbackConfiguration(enabled: autoRollback, events: autoRollback ? ["DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"] : nil)
        }
        // The deployment before this one joins the history, with how it ended (`deployments`).
        let previous = try observe()
        let id = try cloud.createDeployment(input).deploymentId
        try record(id, after: previous, on: service)
        return id
    }

    /// Makes `id` the service's current deployment (its `bgsh:deployment` tag), the one before
    /// joining the history with how it ended.
    func record(_ id: String, after previous: DeploymentView, on service: Service) throws {
        try DeploymentTags.recordCurrent(id, after: previous, on: service, cloud)
    }

    /// A deployment bgsh did not start (a pipeline's CodeDeployToECS action, the console):
    /// `status`, `wait` and `deployments` follow it from now on. Nothing changes when it is the
    /// current one already.
    public func adopt(_ id: String) throws {
        let (service, _) = try service()
        guard Self.tag(service, DeploymentTags.id) != id else { return }
        let previous = try observe(adopting: false)
        try record(id, after: previous, on: service)
    }

    /// CodeDeploy's statuses of a deployment that has not ended.
    static let activeStatuses = ["Created", "Queued", "InProgress", "Baking", "Ready"]

    /// The group's deployment in progress that the service's tags do not name yet, if any.
    func untracked(_ service: Service) throws -> String? {
        guard let app = Self.tag(service, "bgsh:codedeploy-app"), let group = Self.tag(service, "bgsh:codedeploy-group") else { return nil }
        let active: ListDeploymentsOutput
        do {
            active = try cloud.listDeployments(ListDeploymentsInput(applicationName: app, deploymentGroupName: group,
                                                                    includeOnlyStatuses: Self.activeStatuses))
        } catch is AWSError {
            return nil  // a help, not the status: a role without the permission still gets it
        }
        guard let id = active.deployments?.first, id != Self.tag(service, DeploymentTags.id) else { return nil }
        return id
    }

    /// A custom canary/linear strategy becomes a CodeDeploy deployment configuration
    /// (`bgsh-canary-10pct-5min`), made once and reused.
    func customConfig(_ strategy: Strategy) throws -> String {
        guard let first = strategy.steps.first, first % 10 == 0, strategy.interval % 60 == 0 else {
            throw DeploymentRefusal("CodeDeploy takes whole percentages and whole minutes: \(strategy.name) cannot be a deployment configuration")
        }
        let isCanary = strategy.name.hasPrefix("canary")
        let percent = first / 10, minutes = strategy.interval / 60
        let name = "bgsh-\(isCanary ? "canary" : "linear")-\(percent)pct-\(minutes)min"
        let routing = isCanary
            ? TrafficRoutingConfig(type: "TimeBasedCanary", timeBasedCanary: TimeBasedCanary(canaryPercentage: percent, canaryInterval: minutes))
            : TrafficRoutingConfig(type: "TimeBasedLinear", timeBasedLinear: TimeBasedLinear(linearPercentage: percent, linearInterval: minutes))
        do {
            try cloud.createDeploymentConfig(CreateDeploymentConfigInput(deploymentConfigName: name, computePlatform: "ECS", trafficRoutingConfig: routing))
        } catch let error as AWSError where error.code == "DeploymentConfigAlreadyExistsException" {
            // made by an earlier deployment: the same name means the same schedule
        }
        return name
    }

    public func shift(greenTenths: Int, force: Bool) throws {
        throw DeploymentRefusal("CodeDeploy moves traffic only by its deployment configuration; deploy with a CodeDeployDefault.ECS… strategy, or `promote` to move the rest now")
    }

    public func hold(_ held: Bool) throws {
        throw DeploymentRefusal("CodeDeploy cannot pause a deployment's schedule; `rollback` stops it, `promote` continues it")
    }

    public func promote(force: Bool) throws {
        let view = try observe()
        guard let id = view.id, view.state.isActive else { throw DeploymentRefusal("no deployment in progress (state \(view.state.rawValue))") }
        if let verdict = view.analysis, verdict.contains(": fail"), !force {
            throw DeploymentRefusal("the last analysis failed (\(verdict)): `rollback`, or `promote --force`")
        }
        try cloud.continueDeployment(ContinueDeploymentInput(deploymentId: id, deploymentWaitType: view.state == .baking ? "TERMINATION_WAIT" : "READY_WAIT"))
    }

    public func rollback() throws {
        let view = try observe()
        guard let id = view.id, view.state.isActive else { throw DeploymentRefusal("no deployment to roll back (state \(view.state.rawValue))") }
        _ = try cloud.stopDeployment(StopDeploymentInput(deploymentId: id, autoRollbackEnabled: true))
    }

    /// CodeDeploy drives its own schedule; with `deploy --analysis` the attached bgsh judges
    /// green against blue every interval while both carry production traffic, and rolls back
    /// through StopDeployment when the verdict is not a pass (CodeDeploy's shifts cannot be held).
    public func drive(autoRollback: Bool) throws -> (event: String?, view: DeploymentView) {
        let view = try observe()
        guard autoRollback, let id = view.id, let service = view.service else { return (nil, view) }
        guard let event = try ScheduledAnalysis.judge(view, service, cloud: cloud, tagService: { try tagService(service, $0) }, rollback: {
            _ = try cloud.stopDeployment(StopDeploymentInput(deploymentId: id, autoRollbackEnabled: true))
        }, how: "StopDeployment; CodeDeploy's shifts cannot be held") else { return (nil, view) }
        return (event, try observe())
    }

    /// `deploy --analysis` under codedeploy: kept on the service, judged by whichever bgsh waits.
    public func attachAnalysis(_ plan: AnalysisPlan) throws {
        let (service, _) = try self.service()
        try tagService(service, [(DeploymentTags.analysis, plan.encoded)])
    }

    func tagService(_ service: Service, _ pairs: [(String, String)]) throws {
        try DeploymentTags.write(pairs, on: service, cloud)
    }
}
