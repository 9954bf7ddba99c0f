import AWSModel
import BGSHAnalysis
import BGSHSyntax
import Foundation

/// Amazon ECS's native blue/green (deployment controller ECS): ECS runs the deployment itself by
/// the strategy bgsh sends with each UpdateService (BLUE_GREEN, CANARY, LINEAR, bake time, PAUSE
/// hooks); bgsh reads it back from ListServiceDeployments / DescribeServiceDeployments, continues
/// a PAUSE hook (`promote`) and stops it with rollback (`rollback`). It cannot set a split.
public struct EcsController: BlueGreenController {
    let cloud: any Cloud
    let cluster: String
    let serviceName: String
    let now: () throws -> Double
    /// `deploy --gate`: a PAUSE hook at this stage, with its timeout in minutes (then rollback).
    public var gate: (stage: String, timeoutMinutes: Int)?

    /// Creates a controller for one service.
    public init(cloud: any Cloud, cluster: String, service: String, now: @escaping () throws -> Double) {
        self.cloud = cloud
        self.cluster = cluster
        self.serviceName = service
        self.now = now
    }

    /// What `shift`, `hold` and `resume` are told: ECS owns the weights.
    static let noSplit = "under the ecs controller ECS moves production traffic by the strategy; use --strategy linear:…/canary:…, or --gate and promote"

    func service() throws -> (Service, ServiceTags) { try DeploymentTags.service(cloud, cluster: cluster, name: serviceName) }

    static func tag(_ service: Service, _ key: String) -> String? { Tag.value(of: key, in: service.tags) }

    /// The newest service deployment's ARN, if the service has had one.
    func newest() throws -> String? {
        try cloud.listServiceDeployments(ListServiceDeploymentsInput(service: serviceName, cluster: cluster, maxResults: 1)).serviceDeployments?.first?.serviceDeploymentArn
    }

    /// A strategy as ECS's deployment configuration names it.
    static func strategy(of configuration: ServiceDeploymentConfiguration?) -> Strategy {
        switch configuration?.strategy {
        case "CANARY"?:
            let p = configuration?.canaryConfiguration?.canaryPercent ?? 5, m = configuration?.canaryConfiguration?.canaryBakeTimeInMinutes ?? 10
            if case .success(let s) = Strategy.parse("canary:\(Self.percent(p)):\(m)m") { return s }
        case "LINEAR"?:
            let p = configuration?.linearConfiguration?.stepPercent ?? 10, m = configuration?.linearConfiguration?.stepBakeTimeInMinutes ?? 6
            if case .success(let s) = Strategy.parse("linear:\(Self.percent(p)):\(m)m") { return s }
        case "BLUE_GREEN"?:
            return Strategy(name: "all-at-once", steps: [1000], interval: 0)
        default:
            break
        }
        return Strategy(name: configuration?.strategy?.lowercased() ?? "-", steps: [], interval: 0)
    }

    /// ECS's percentages (0.1 steps) as bgsh writes them (`10%`, `2.5%`).
    static func percent(_ p: Double) -> String { Percentage(tenths: Int((p * 10).rounded())).description }

    public func observe() throws -> DeploymentView {
        let (service, setup) = try service()
        let now = try now()
        let listener = try cloud.describeListeners(DescribeListenersInput(ListenerArns: [setup.listener])).Listeners.first
        let shares = TrafficShares(listener)
        var view = DeploymentView(id: nil, state: .none, strategy: Self.strategy(of: service.deploymentConfiguration), step: 0, blue: nil, green: nil,
                                  terminationAt: nil, nextStepAt: nil, now: now, greenTaskDefinition: nil, service: service, controller: "ecs")
        func side(_ tg: String?, running: Int, desired: Int, taskDefinition: String?) throws -> Side? {
            guard let tg, !tg.isEmpty else { return nil }
            let states = try cloud.describeTargetHealth(DescribeTargetHealthInput(TargetGroupArn: tg)).TargetHealthDescriptions.map(\.TargetHealth.State)
            var side = Side(taskSet: nil, targetGroupArn: tg, running: running, desired: desired, health: TargetHealth.summary(of: states), weightTenths: shares.tenths(tg))
            side.revisionTaskDefinition = taskDefinition
            return side
        }
        guard let arn = try newest(), let record = try cloud.describeServiceDeployments(DescribeServiceDeploymentsInput(serviceDeploymentArns: [arn])).serviceDeployments?.first else {
            // Never deployed: blue is what the service runs, on its own target group.
            view.blue = try side(service.loadBalancers?.first?.targetGroupArn, running: service.runningCount ?? 0, desired: service.desiredCount ?? 0,
                                 taskDefinition: service.taskDefinition)
            return view
        }
        view.id = Self.shortId(arn)
        let source = record.sourceServiceRevisions?.first, target = record.targetServiceRevision
        let revisions = try cloud.describeServiceRevisions(DescribeServiceRevisionsInput(serviceRevisionArns: [source?.arn, target?.arn].compactMap { $0 })).serviceRevisions ?? []
        func group(_ revision: String?) -> String? {
            revisions.first { $0.serviceRevisionArn == revision }?.resolvedConfiguration?.loadBalancers?.first?.targetGroupArn
        }
        func definition(_ revision: String?) -> String? { revisions.first { $0.serviceRevisionArn == revision }?.taskDefinition }
        view.greenTaskDefinition = definition(target?.arn)
        view.blue = try side(group(source?.arn), running: source?.runningTaskCount ?? 0, desired: source?.requestedTaskCount ?? 0, taskDefinition: definition(source?.arn))
        view.green = try side(group(target?.arn), running: target?.runningTaskCount ?? 0, desired: target?.requestedTaskCount ?? 0, taskDefinition: definition(target?.arn))
        let stage = record.lifecycleStage ?? ""
        view.native = "ECS \(record.status ?? "") at \(stage)"
        view.reason = record.rollback?.reason ?? record.statusReason
        view.analysis = Self.tag(service, DeploymentTags.verdict).flatMap { $0.isEmpty ? nil : $0 }
        view.analysisRows = view.analysis == nil ? [] : DeploymentTags.verdictRows(service)
        let green = view.green?.weightTenths ?? 0
        view.step = green == 0 ? 0 : view.strategy.steps.filter { $0 <= green }.count
        switch record.status ?? "" {
        case "SUCCESSFUL":
            view.state = .succeeded
            view.blue = nil
            view.step = view.strategy.steps.count
        case "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "ROLLBACK_SUCCESSFUL":
            view.state = .rolledBack
            if record.status == "ROLLBACK_SUCCESSFUL" { view.green = nil }
        case "STOPPED", "ROLLBACK_FAILED", "STOP_REQUESTED":
            view.state = .failed
        default:
            switch stage {
            case "RECONCILE_SERVICE", "PRE_SCALE_UP", "SCALE_UP": view.state = .starting
            case "BAKE_TIME", "CLEAN_UP": view.state = .baking
            default: view.state = .inProgress
            }
            if let hook = record.lifecycleHookDetails?.first(where: { $0.status == "AWAITING_ACTION" }) {
                let expires = hook.expiresAt.map { " for \(Duration.format(seconds: max(0, $0 - now))), then \(hook.timeoutAction ?? "ROLLBACK")" } ?? ""
                view.waitingFor = "ECS holds it at \(stage) (a PAUSE hook\(expires)): `promote` continues it (ContinueServiceDeployment), `rollback` rolls it back"
            }
        }
        return view
    }

    /// The last part of a service deployment's ARN: what `status` and `deployments` show.
    static func shortId(_ arn: String) -> String { String(arn.split(separator: "/").last ?? Substring(arn)) }

    /// ECS's deployment configuration for a strategy, with AWS's ranges.
    public static func configuration(_ strategy: Strategy, bakeMinutes: Int, alarms: [String], autoRollback: Bool,
                                     gate: (stage: String, timeoutMinutes: Int)?) throws -> ServiceDeploymentConfiguration {
        var c: ServiceDeploymentConfiguration
        let steps = strategy.steps
        if strategy == .manual {
            throw DeploymentRefusal("under the ecs controller nothing waits for `shift`: give --strategy all-at-once, canary:P%:T or linear:P%:T, and --gate to wait for `promote`")
        }
        if steps.count <= 1 {
            c = ServiceDeploymentConfiguration(strategy: "BLUE_GREEN")
        } else {
            guard strategy.interval % 60 == 0 else {
                throw DeploymentRefusal("ECS bakes between steps in whole minutes: \(strategy.name) cannot be ECS's schedule")
            }
            let first = Double(steps[0]) / 10
            let isLinear = steps.count > 2 || strategy.name.hasPrefix("linear") || strategy.name.contains("Linear")
            if isLinear {
                guard first >= 3 else { throw DeploymentRefusal("ECS's linear steps are 3% to 100%: \(strategy.name) steps \(Self.percent(first))") }
                c = ServiceDeploymentConfiguration(strategy: "LINEAR")
                c.linearConfiguration = LinearConfiguration(stepPercent: first, stepBakeTimeInMinutes: strategy.interval / 60)
            } else {
                guard first >= 0.1 else { throw DeploymentRefusal("ECS's canary is 0.1% to 100%: \(strategy.name) is \(Self.percent(first))") }
                c = ServiceDeploymentConfiguration(strategy: "CANARY")
                c.canaryConfiguration = CanaryConfiguration(canaryPercent: first, canaryBakeTimeInMinutes: strategy.interval / 60)
            }
        }
        guard (0...1440).contains(bakeMinutes) else { throw DeploymentRefusal("ECS's bake time is 0 to 1440 minutes (24h)") }
        c.bakeTimeInMinutes = bakeMinutes
        c.deploymentCircuitBreaker = DeploymentCircuitBreaker(enable: true, rollback: autoRollback)
        c.alarms = DeploymentAlarms(alarmNames: alarms, rollback: autoRollback, enable: !alarms.isEmpty)
        // The whole configuration every time: hooks stay on the service otherwise.
        c.lifecycleHooks = gate.map { [DeploymentLifecycleHook(targetType: "PAUSE", lifecycleStages: [$0.stage],
                                                               timeoutConfiguration: HookTimeoutConfiguration(timeoutInMinutes: $0.timeoutMinutes, action: "ROLLBACK"))] } ?? []
        return c
    }

    public func deploy(taskDefinitionArn: String, strategy: Strategy, terminationWait: Int, alarms: [String], healthTimeout: Int, autoRollback: Bool?) throws -> String {
        let (service, _) = try service()
        let configuration = try Self.configuration(strategy, bakeMinutes: terminationWait / 60, alarms: alarms, autoRollback: autoRollback ?? true, gate: gate)
        let previous = try observe()
        if previous.native?.hasPrefix("ECS ROLLBACK_REQUESTED") == true || previous.native?.hasPrefix("ECS ROLLBACK_IN_PROGRESS") == true {
            throw DeploymentRefusal("ECS is still rolling back deployment \(previous.id ?? "") (\(previous.native ?? "")): green's tasks drain for a few seconds; deploy again once `status` says ROLLBACK_SUCCESSFUL")
        }
        var input = UpdateServiceInput(cluster: cluster, service: serviceName, taskDefinition: taskDefinitionArn)
        input.deploymentConfiguration = configuration
        let updated = try cloud.updateService(input)
        // Under --dry-run the call was printed, not made: its answer is a placeholder.
        if updated.service.serviceArn == nil { return "dryrun-service-deployment" }
        guard let arn = try newest(), Self.shortId(arn) != previous.id else {
            throw DeploymentRefusal("ECS started no service deployment (the task definition may be the one the service runs)")
        }
        let id = Self.shortId(arn)
        try DeploymentTags.recordCurrent(id, after: previous, on: service, cloud)
        return id
    }

    public func shift(greenTenths: Int, force: Bool) throws { throw DeploymentRefusal(Self.noSplit) }

    public func hold(_ held: Bool) throws { throw DeploymentRefusal(Self.noSplit) }

    /// The deployment in progress and its record.
    func current() throws -> (String, ServiceDeploymentRecord) {
        guard let arn = try newest(), let record = try cloud.describeServiceDeployments(DescribeServiceDeploymentsInput(serviceDeploymentArns: [arn])).serviceDeployments?.first,
              ["PENDING", "IN_PROGRESS"].contains(record.status ?? "") else {
            throw DeploymentRefusal("no deployment in progress (state \(try observe().state.rawValue))")
        }
        return (arn, record)
    }

    public func promote(force: Bool) throws {
        let (arn, record) = try current()
        if let verdict = Self.tag(try service().0, DeploymentTags.verdict), verdict.contains(": fail"), !force {
            throw DeploymentRefusal("the last analysis failed (\(verdict)): `rollback`, or `promote --force`")
        }
        guard let hook = record.lifecycleHookDetails?.first(where: { $0.status == "AWAITING_ACTION" }), let hookId = hook.hookId else {
            throw DeploymentRefusal("ECS is at \(record.lifecycleStage ?? "?") with no PAUSE hook awaiting action: nothing to continue (deploy with --gate before-shift|after-shift to wait for `promote`)")
        }
        _ = try cloud.continueServiceDeployment(ContinueServiceDeploymentInput(serviceDeploymentArn: arn, hookId: hookId, action: "CONTINUE"))
    }

    public func rollback() throws {
        let (arn, record) = try current()
        if let hook = record.lifecycleHookDetails?.first(where: { $0.status == "AWAITING_ACTION" }), let hookId = hook.hookId {
            _ = try cloud.continueServiceDeployment(ContinueServiceDeploymentInput(serviceDeploymentArn: arn, hookId: hookId, action: "ROLLBACK"))
        } else {
            _ = try cloud.stopServiceDeployment(StopServiceDeploymentInput(serviceDeploymentArn: arn, stopType: "ROLLBACK"))
        }
    }

    /// ECS drives its own schedule; with `deploy --analysis` the attached bgsh judges green against
    /// blue every interval while both carry production traffic, and rolls back through
    /// StopServiceDeployment when the verdict is not a pass (ECS's shifts cannot be held).
    public func drive(autoRollback: Bool) throws -> (event: String?, view: DeploymentView) {
        let view = try observe()
        guard let service = view.service else { return (nil, view) }
        let tagService = { (pairs: [(String, String)]) in try DeploymentTags.write(pairs, on: service, cloud) }
        // ECS's own progress, as the waiting bgsh saw it last: each change of status or stage is an event.
        var stageEvent: String?
        if let native = view.native, let id = view.id, Self.tag(service, Self.seenTag) != "\(id) \(native)" {
            let seen = Self.tag(service, Self.seenTag) ?? ""
            try tagService([(Self.seenTag, "\(id) \(native)")])
            // The stages ECS passed between two looks, in their order.
            let was = seen.hasPrefix(id + " ") ? seen.split(separator: " ").last.map(String.init) : nil
            let now = native.split(separator: " ").last.map(String.init) ?? ""
            var passed: [String] = []
            if let from = Self.stages.firstIndex(of: was ?? "PRE_SCALE_UP"), let to = Self.stages.firstIndex(of: now), to > from + 1, native.contains("IN_PROGRESS") || native.contains("SUCCESSFUL") {
                passed = Array(Self.stages[(from + 1)..<to])
                if was == nil { passed.insert("PRE_SCALE_UP", at: 0) }
            }
            stageEvent = native + (passed.isEmpty ? "" : " (after \(passed.joined(separator: ", ")))") + (view.waitingFor.map { ": \($0)" } ?? "")
        }
        guard autoRollback, let event = try ScheduledAnalysis.judge(view, service, cloud: cloud, tagService: tagService, rollback: {
            _ = try cloud.stopServiceDeployment(StopServiceDeploymentInput(serviceDeploymentArn: try current().0, stopType: "ROLLBACK"))
        }, how: "StopServiceDeployment; ECS's shifts cannot be held") else { return (stageEvent, stageEvent == nil ? view : try observe()) }
        return ([stageEvent, event].compactMap { $0 }.joined(separator: "; "), try observe())
    }

    /// ECS's lifecycle stages, in order.
    static let stages = ["RECONCILE_SERVICE", "PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
                         "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP"]

    /// The last status and stage a waiting bgsh reported (`ID ECS STATUS at STAGE`).
    static let seenTag = "bgsh:deploy-ecs-seen"

    /// `deploy --analysis` under ecs: kept on the service, judged by whichever bgsh waits.
    public func attachAnalysis(_ plan: AnalysisPlan) throws {
        let (service, _) = try self.service()
        try DeploymentTags.write([(DeploymentTags.analysis, plan.encoded)], on: service, cloud)
    }
}

/// The analysis gate of a controller whose shifts cannot be held (codedeploy, ecs): the attached
/// bgsh judges green against blue every interval while both carry production traffic, and rolls
/// back through the controller's own rollback when the verdict is not a pass.
enum ScheduledAnalysis {
    /// One look: nil when nothing was judged, else what happened.
    static func judge(_ view: DeploymentView, _ service: Service, cloud: any Cloud, tagService: ([(String, String)]) throws -> Void,
                      rollback: () throws -> Void, how: String) throws -> String? {
        guard view.state == .inProgress, let encoded = Tag.value(of: DeploymentTags.analysis, in: service.tags), let plan = AnalysisPlan(encoded: encoded),
              let blue = view.blue, let green = view.green, blue.weightTenths > 0, green.weightTenths > 0 else { return nil }
        let since = Double(Tag.value(of: DeploymentTags.judgedAt, in: service.tags) ?? "") ?? view.now
        guard view.now - since >= Double(plan.interval) else {
            // The first look with green on production traffic starts the first window.
            if Double(Tag.value(of: DeploymentTags.judgedAt, in: service.tags) ?? "") == nil { try tagService([(DeploymentTags.judgedAt, String(view.now))]) }
            return nil
        }
        guard let lb = try ServiceTags(service.tags)?.productionLoadBalancer(cloud) else { return nil }
        let outcome = try plan.evaluate(cloud, loadBalancer: lb, blueTG: blue.targetGroupArn, greenTG: green.targetGroupArn, from: since, to: view.now)
        let label = "analysis at \(green.weightTenths / 10)% green: \(outcome.summary)"
        var counts = Tag.value(of: DeploymentTags.verdictCounts, in: service.tags) ?? "0 0"
        let within = plan.withinLimits(outcome.verdict, counts: &counts)
        try tagService([(DeploymentTags.judgedAt, String(view.now)), (DeploymentTags.verdict, AnalysisPlan.Outcome.fitting(label)),
                        (DeploymentTags.verdictCounts, counts), (DeploymentTags.verdictRows, outcome.encodedRows)])
        guard outcome.verdict != .pass else { return nil }
        if within { return "\(label): within the limit (\(AnalysisPlan.describe(counts: counts)) so far): judging again" }
        try rollback()
        return "\(label): rolled back (\(how))"
    }
}
