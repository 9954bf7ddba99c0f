import AWSModel
import Foundation

/// A native (ECS-controller) blue/green deployment as the simulator runs it: ECS's record, and
/// where it is in its lifecycle on the virtual clock (scale green up, shift test then production
/// traffic by the strategy, bake, clean blue up; PAUSE hooks; rollback).
struct SimNativeDeployment: Codable {
    var record: ServiceDeploymentRecord
    var serviceKey: String
    /// The service's deployments (task owners) of blue (source) and green (target).
    var sourceId: String
    var targetId: String
    var sourceTaskDefinition: String
    var blueTG: String
    var greenTG: String
    var prodListener: String
    var testListener: String?
    /// Green's production share after each step, in tenths; the last is 1000.
    var steps: [Int]
    var stepBake: Double
    var bake: Double
    var hooks: [SimPauseHook]
    var alarms: [String]
    var alarmRollback: Bool
    var breakerRollback: Bool
    /// When the current lifecycle stage began.
    var stageAt: Double
    var stepIndex: Int
    var lastShiftAt: Double?
    var greenTenths: Int
}

struct SimPauseHook: Codable {
    var stage: String
    var hookId: String
    var timeout: Double
    var action: String
    var status: String?
    var startedAt: Double?
}

extension SimCloud {
    static let nativeDeploymentKind = "ecs.svcdeploy"
    static let revisionKind = "ecs.revision"
    static let nativeActive = "active"
    /// ECS's lifecycle stages, in order.
    static let nativeStages = ["PRE_SCALE_UP", "SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
                               "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME", "CLEAN_UP"]
    /// How long a rollback takes from ROLLBACK_IN_PROGRESS (weights back at once, green drains).
    static let nativeRollbackTime: Double = 15

    func saveNative(_ tx: SimStore.Transaction, _ d: SimNativeDeployment) throws {
        let active = ["PENDING", "IN_PROGRESS", "ROLLBACK_REQUESTED", "ROLLBACK_IN_PROGRESS", "STOP_REQUESTED"].contains(d.record.status ?? "")
        try tx.put(d, region: region, kind: SimCloud.nativeDeploymentKind, id: d.record.serviceDeploymentArn ?? "", name: d.serviceKey,
                   parent: active ? SimCloud.nativeActive : "")
    }

    /// The target group a service's deployment (task owner) serves on, when not the service's own.
    func nativeTargetGroups(_ tx: SimStore.Transaction) throws -> [String: String] {
        Dictionary(try tx.metaEntries(prefix: "ecs.tg.").map { (String($0.0.dropFirst("ecs.tg.".count)), $0.1) }, uniquingKeysWith: { a, _ in a })
    }

    /// The group production is on now (the service's own target group until a deployment swaps them).
    func productionGroup(_ tx: SimStore.Transaction, _ service: Service, key: String) throws -> String {
        try tx.meta("ecs.prod." + key) ?? service.loadBalancers?.first?.targetGroupArn ?? ""
    }

    // MARK: starting one (UpdateService)

    /// ECS's checks of a blue/green deploymentConfiguration.
    static func validateNative(_ c: ServiceDeploymentConfiguration) throws {
        func bad(_ message: String) -> AWSError { AWSError("InvalidParameterException", message) }
        if let bake = c.bakeTimeInMinutes, !(0...1440).contains(bake) { throw bad("bakeTimeInMinutes must be between 0 and 1440") }
        if c.strategy == "CANARY" {
            let p = c.canaryConfiguration?.canaryPercent ?? 5
            guard p >= 0.1, p <= 100, abs(p * 10 - (p * 10).rounded()) < 1e-9 else { throw bad("canaryPercent must be between 0.1 and 100.0, in steps of 0.1") }
            if let m = c.canaryConfiguration?.canaryBakeTimeInMinutes, !(0...1440).contains(m) { throw bad("canaryBakeTimeInMinutes must be between 0 and 1440") }
        }
        if c.strategy == "LINEAR" {
            let p = c.linearConfiguration?.stepPercent ?? 10
            guard p >= 3, p <= 100, abs(p * 10 - (p * 10).rounded()) < 1e-9 else { throw bad("stepPercent must be between 3.0 and 100.0, in steps of 0.1") }
            if let m = c.linearConfiguration?.stepBakeTimeInMinutes, !(0...1440).contains(m) { throw bad("stepBakeTimeInMinutes must be between 0 and 1440") }
        }
        for hook in c.lifecycleHooks ?? [] {
            let stages = hook.lifecycleStages ?? []
            guard !stages.isEmpty else { throw bad("A lifecycle hook needs at least one lifecycle stage") }
            for stage in stages where !["RECONCILE_SERVICE", "PRE_SCALE_UP", "POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT",
                                        "PRE_PRODUCTION_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT"].contains(stage) {
                throw bad("Invalid lifecycle stage \(stage) for a lifecycle hook")
            }
            if (hook.targetType ?? "AWS_LAMBDA") == "PAUSE" {
                if let stage = stages.first(where: { ["TEST_TRAFFIC_SHIFT", "PRODUCTION_TRAFFIC_SHIFT"].contains($0) }) {
                    throw bad("PAUSE lifecycle hooks are not supported for the \(stage) lifecycle stage")
                }
                if let minutes = hook.timeoutConfiguration?.timeoutInMinutes, !(1...20160).contains(minutes) {
                    throw bad("timeoutInMinutes must be between 1 and 20160")
                }
            } else {
                throw AWSError("InvalidParameterException", "The simulator runs PAUSE lifecycle hooks only (an AWS_LAMBDA hook's function cannot run here)")
            }
        }
    }

    /// The steps of a strategy: green's production share after each (tenths), and the bake between.
    static func nativeSteps(_ c: ServiceDeploymentConfiguration) -> (steps: [Int], stepBake: Double) {
        switch c.strategy {
        case "CANARY":
            let p = Int(((c.canaryConfiguration?.canaryPercent ?? 5) * 10).rounded())
            return (p >= 1000 ? [1000] : [p, 1000], Double((c.canaryConfiguration?.canaryBakeTimeInMinutes ?? 10) * 60))
        case "LINEAR":
            let p = Int(((c.linearConfiguration?.stepPercent ?? 10) * 10).rounded())
            return (Array(stride(from: p, to: 1000, by: max(p, 1))) + [1000], Double((c.linearConfiguration?.stepBakeTimeInMinutes ?? 6) * 60))
        default:
            return ([1000], 0)
        }
    }

    /// UpdateService of a new task definition on a blue/green service: a native deployment.
    func startNative(_ tx: SimStore.Transaction, cluster: Cluster, service: inout Service, definition: TaskDefinition,
                     configuration: ServiceDeploymentConfiguration, now: Double) throws {
        let key = "\(cluster.clusterName)/\(service.serviceName ?? "")"
        if let running = try tx.children(SimNativeDeployment.self, region: region, kind: SimCloud.nativeDeploymentKind, parent: SimCloud.nativeActive)
            .first(where: { $0.serviceKey == key }) {
            throw AWSError("InvalidParameterException", "The service deployment \(running.record.serviceDeploymentArn ?? "") is in progress; wait for it to finish or stop it (StopServiceDeployment)")
        }
        guard let lb = service.loadBalancers?.first, let advanced = lb.advancedConfiguration, let alternate = advanced.alternateTargetGroupArn,
              let prodRule = advanced.productionListenerRule, let prodListener = try listener(ofRule: prodRule, tx) else {
            throw AWSError("InvalidParameterException", "The \(configuration.strategy ?? "") deployment strategy needs a load balancer with advancedConfiguration (alternateTargetGroupArn and productionListenerRule)")
        }
        let testListener = try advanced.testListenerRule.flatMap { try listener(ofRule: $0, tx) }
        let blueTG = try productionGroup(tx, service, key: key)
        let greenTG = blueTG == lb.targetGroupArn ? alternate : (lb.targetGroupArn ?? "")
        // The listener checks ECS makes when a deployment starts.
        var groups = Set(SimCloud.targetGroupArns(of: prodListener.DefaultActions ?? []))
        if let testListener { groups.formUnion(SimCloud.targetGroupArns(of: testListener.DefaultActions ?? [])) }
        guard groups.contains(blueTG), groups.contains(greenTG) else {
            throw AWSError("InvalidParameterException", "Both targetGroup and alternateTargetGroup must be associated with the productionListenerRule or testListenerRule.")
        }
        guard var source = service.deployments?.first(where: { $0.status == "PRIMARY" }) else {
            throw AWSError("InvalidParameterException", "The service has no primary deployment")
        }
        var target = ServiceDeployment()
        target.id = "ecs-svc/" + String(SimIDs.hex(kind: "deployment", number: try tx.nextNumber("id.deployment"), length: 16).compactMap { $0.hexDigitValue }.map(String.init).joined().prefix(19))
        target.status = "PRIMARY"
        target.taskDefinition = definition.taskDefinitionArn
        target.desiredCount = service.desiredCount
        target.createdAt = now
        target.updatedAt = now
        target.launchType = service.launchType
        source.status = "ACTIVE"
        service.deployments = [target, source]
        service.taskDefinition = definition.taskDefinitionArn
        service.deploymentConfiguration = configuration
        try tx.setMeta("ecs.tg." + (target.id ?? ""), greenTG)
        try tx.setMeta("ecs.tg." + (source.id ?? ""), blueTG)
        // Revisions, as DescribeServiceRevisions shows them: which group each serves production on.
        func revision(_ deployment: ServiceDeployment, _ tg: String) throws -> String {
            let id = SimIDs.hex(kind: "revision:" + (deployment.id ?? ""), number: 1, length: 19)
            let arn = self.arn("ecs", "service-revision/\(cluster.clusterName)/\(service.serviceName ?? "")/\(id)")
            var r = ServiceRevision()
            r.serviceRevisionArn = arn
            r.serviceArn = service.serviceArn
            r.clusterArn = service.clusterArn
            r.taskDefinition = deployment.taskDefinition
            r.loadBalancers = service.loadBalancers
            r.createdAt = deployment.createdAt
            r.resolvedConfiguration = ResolvedConfiguration(loadBalancers: [ServiceRevisionLoadBalancer(targetGroupArn: tg, productionListenerRule: prodRule)])
            try tx.put(r, region: region, kind: SimCloud.revisionKind, id: arn, name: key)
            return arn
        }
        let sourceRevision = try revision(source, blueTG), targetRevision = try revision(target, greenTG)
        let number = try tx.nextNumber("id.svcdeploy")
        var record = ServiceDeploymentRecord()
        record.serviceDeploymentArn = arn("ecs", "service-deployment/\(cluster.clusterName)/\(service.serviceName ?? "")/\(SimIDs.hex(kind: "svcdeploy", number: number, length: 21))")
        record.serviceArn = service.serviceArn
        record.clusterArn = cluster.clusterArn
        record.createdAt = now
        record.startedAt = now
        record.updatedAt = now
        record.status = "IN_PROGRESS"
        record.lifecycleStage = "PRE_SCALE_UP"
        var sourceSummary = ServiceRevisionSummary()
        sourceSummary.arn = sourceRevision
        var targetSummary = ServiceRevisionSummary()
        targetSummary.arn = targetRevision
        record.sourceServiceRevisions = [sourceSummary]
        record.targetServiceRevision = targetSummary
        let alarms = configuration.alarms.flatMap { $0.enable ? $0.alarmNames : nil } ?? []
        record.alarms = { var a = ServiceDeploymentAlarms(); a.status = alarms.isEmpty ? "DISABLED" : "MONITORING"; a.alarmNames = alarms; a.triggeredAlarmNames = []; return a }()
        let breaker = configuration.deploymentCircuitBreaker
        record.deploymentCircuitBreaker = {
            var b = ServiceDeploymentCircuitBreaker()
            b.status = breaker?.enable == true ? "MONITORING" : "DISABLED"
            b.failureCount = 0
            b.threshold = max(3, min(200, Int((Double(service.desiredCount ?? 1) * 0.5).rounded(.up))))
            return b
        }()
        let (steps, stepBake) = SimCloud.nativeSteps(configuration)
        let hooks = (configuration.lifecycleHooks ?? []).enumerated().flatMap { i, hook in
            (hook.lifecycleStages ?? []).map { stage in
                SimPauseHook(stage: stage, hookId: "ecs-pause-" + SimIDs.hex(kind: "hook:\(number):\(i):\(stage)", number: 1, length: 12),
                             timeout: Double((hook.timeoutConfiguration?.timeoutInMinutes ?? 1440) * 60), action: hook.timeoutConfiguration?.action ?? "ROLLBACK",
                             status: nil, startedAt: nil)
            }
        }
        let d = SimNativeDeployment(record: record, serviceKey: key, sourceId: source.id ?? "", targetId: target.id ?? "",
                                    sourceTaskDefinition: source.taskDefinition ?? "", blueTG: blueTG, greenTG: greenTG,
                                    prodListener: prodListener.ListenerArn ?? "", testListener: testListener?.ListenerArn,
                                    steps: steps, stepBake: stepBake, bake: Double((configuration.bakeTimeInMinutes ?? 0) * 60), hooks: hooks,
                                    alarms: alarms, alarmRollback: configuration.alarms?.rollback ?? false,
                                    breakerRollback: breaker?.enable == true && breaker?.rollback == true,
                                    stageAt: now, stepIndex: 0, lastShiftAt: nil, greenTenths: 0)
        try ArmedFaults.deploymentStarts(tx, serviceArn: service.serviceArn ?? "", greenTG: greenTG, blueTG: blueTG, now: now)
        try saveNative(tx, d)
    }

    // MARK: moving it along

    /// Changes the service of a native deployment (its deployments, tasks).
    func updateNativeService(_ tx: SimStore.Transaction, _ d: SimNativeDeployment, now: Double, _ change: (inout Service) -> Void) throws {
        let parts = d.serviceKey.split(separator: "/", maxSplits: 1).map(String.init)
        let (cluster, found) = try requireService(tx, cluster: parts.first, parts.last ?? "")
        var service = found
        change(&service)
        try reconcile(tx, cluster: cluster, service: &service, now: now)
        try save(tx, service, cluster: cluster)
    }

    func requestNativeRollback(_ d: inout SimNativeDeployment, reason: String, now: Double) {
        d.record.status = "ROLLBACK_REQUESTED"
        d.record.statusReason = reason
        d.record.rollback = Rollback(reason: reason, startedAt: now, serviceRevisionArn: d.record.sourceServiceRevisions?.first?.arn)
        d.stageAt = now
    }

    /// Moves every native deployment in progress to `now`. Called when time moves and when one is read.
    func progressNative(_ tx: SimStore.Transaction, now: Double) throws {
        for var d in try tx.children(SimNativeDeployment.self, region: region, kind: SimCloud.nativeDeploymentKind, parent: SimCloud.nativeActive) {
            try step(tx, &d, now: now)
            d.record.updatedAt = now
            try saveNative(tx, d)
        }
    }

    func step(_ tx: SimStore.Transaction, _ d: inout SimNativeDeployment, now: Double) throws {
        for _ in 0..<64 {
            switch d.record.status {
            case "ROLLBACK_REQUESTED"?:
                // Production back to blue at once (blue still runs at full count); the test
                // traffic shift runs again on a rollback, back to blue.
                try route(tx, listener: d.prodListener, blueTG: d.blueTG, greenTG: d.greenTG, greenTenths: 0)
                if let test = d.testListener, SimCloud.nativeStages.firstIndex(of: d.record.lifecycleStage ?? "").map({ $0 >= 3 }) == true {
                    try route(tx, listener: test, blueTG: d.blueTG, greenTG: d.greenTG, greenTenths: 0)
                }
                d.greenTenths = 0
                d.record.status = "ROLLBACK_IN_PROGRESS"
                continue
            case "ROLLBACK_IN_PROGRESS"?:
                guard now >= d.stageAt + SimCloud.nativeRollbackTime else { return }
                try updateNativeService(tx, d, now: now) { service in
                    service.deployments = service.deployments?.filter { $0.id != d.targetId }.map { var s = $0; s.status = "PRIMARY"; return s }
                    service.taskDefinition = d.sourceTaskDefinition
                }
                try ArmedFaults.taskSetRemoved(tx, targetGroupArn: d.greenTG)
                d.record.status = "ROLLBACK_SUCCESSFUL"
                d.record.finishedAt = d.stageAt + SimCloud.nativeRollbackTime
                return
            case "IN_PROGRESS"?:
                break
            default:
                return
            }
            // Alarms with rollback: one in ALARM rolls the deployment back.
            if !d.alarms.isEmpty, d.record.lifecycleStage != "CLEAN_UP" {
                let firing = try tx.all(MetricAlarm.self, region: region, kind: SimCloud.alarmKind)
                    .filter { d.alarms.contains($0.AlarmName ?? "") }.map { try evaluate($0, tx, now: now) }.filter { $0.StateValue == "ALARM" }
                if let alarm = firing.first {
                    d.record.alarms?.status = "TRIGGERED"
                    d.record.alarms?.triggeredAlarmNames = firing.compactMap(\.AlarmName)
                    if d.alarmRollback {
                        requestNativeRollback(&d, reason: "Service deployment rolled back because alarm \(alarm.AlarmName ?? "") was triggered", now: now)
                        continue
                    }
                }
            }
            let stage = d.record.lifecycleStage ?? "PRE_SCALE_UP"
            // The circuit breaker counts green's tasks that fail their health checks (ECS replaces
            // them) at every stage until blue is gone: production is never left on a failing green.
            if d.breakerRollback, ["POST_SCALE_UP", "TEST_TRAFFIC_SHIFT", "POST_TEST_TRAFFIC_SHIFT", "POST_PRODUCTION_TRAFFIC_SHIFT", "BAKE_TIME"].contains(stage),
               try targetHealth(tx, d.greenTG, at: now) == "unhealthy" {
                d.record.deploymentCircuitBreaker?.status = "TRIGGERED"
                requestNativeRollback(&d, reason: "Service deployment rolled back because the circuit breaker threshold was exceeded (tasks failed their ELB health checks)", now: now)
                continue
            }
            // A PAUSE hook on this stage waits for ContinueServiceDeployment or its timeout.
            if let h = d.hooks.firstIndex(where: { $0.stage == stage && $0.status != "SUCCEEDED" && $0.status != "TIMED_OUT" }) {
                if d.hooks[h].status == nil {
                    d.hooks[h].status = "AWAITING_ACTION"
                    d.hooks[h].startedAt = d.stageAt
                }
                let expires = (d.hooks[h].startedAt ?? d.stageAt) + d.hooks[h].timeout
                guard now >= expires else { return }
                d.hooks[h].status = "TIMED_OUT"
                if d.hooks[h].action == "ROLLBACK" {
                    requestNativeRollback(&d, reason: "Service deployment rolled back because the lifecycle hook \(d.hooks[h].hookId) timed out", now: expires)
                    continue
                }
            }
            func next(_ stage: String, at t: Double) {
                d.record.lifecycleStage = stage
                d.stageAt = t
            }
            switch stage {
            case "PRE_SCALE_UP":
                next("SCALE_UP", at: d.stageAt)
                try updateNativeService(tx, d, now: now) { _ in }  // green's tasks start: capacity doubles
            case "SCALE_UP":
                // The circuit breaker: green's tasks failing to start, or failing their health checks.
                let failed = try tasks(tx, serviceKey: d.serviceKey).filter { $0.owner == d.targetId && !$0.isLive(at: now) && $0.pullFailure != nil }
                d.record.deploymentCircuitBreaker?.failureCount = failed.count
                let health = try targetHealth(tx, d.greenTG, at: now)
                if failed.count >= (d.record.deploymentCircuitBreaker?.threshold ?? 3) || health == "unhealthy" {
                    let why = failed.last?.pullFailure.map { "tasks failed to start: \($0)" } ?? "tasks failed their ELB health checks"
                    if d.breakerRollback {
                        d.record.deploymentCircuitBreaker?.status = "TRIGGERED"
                        requestNativeRollback(&d, reason: "Service deployment rolled back because the circuit breaker threshold was exceeded (\(why))", now: now)
                        continue
                    }
                    if failed.count >= (d.record.deploymentCircuitBreaker?.threshold ?? 3) {
                        d.record.status = "STOPPED"
                        d.record.statusReason = "Service deployment failed: \(why)"
                        d.record.stoppedAt = now
                        return
                    }
                }
                guard health == "healthy" else { return }
                next("POST_SCALE_UP", at: now)
            case "POST_SCALE_UP":
                next("TEST_TRAFFIC_SHIFT", at: d.stageAt)
            case "TEST_TRAFFIC_SHIFT":
                if let test = d.testListener {
                    try route(tx, listener: test, blueTG: d.blueTG, greenTG: d.greenTG, greenTenths: 1000)
                }
                next("POST_TEST_TRAFFIC_SHIFT", at: d.stageAt)
            case "POST_TEST_TRAFFIC_SHIFT":
                next("PRODUCTION_TRAFFIC_SHIFT", at: d.stageAt)
            case "PRODUCTION_TRAFFIC_SHIFT":
                if d.breakerRollback, try targetHealth(tx, d.greenTG, at: now) == "unhealthy" {
                    d.record.deploymentCircuitBreaker?.status = "TRIGGERED"
                    requestNativeRollback(&d, reason: "Service deployment rolled back because the circuit breaker threshold was exceeded (tasks failed their ELB health checks)", now: now)
                    continue
                }
                let due = d.stepIndex == 0 ? d.stageAt : (d.lastShiftAt ?? d.stageAt) + d.stepBake
                guard d.stepIndex < d.steps.count else { next("POST_PRODUCTION_TRAFFIC_SHIFT", at: d.lastShiftAt ?? d.stageAt); continue }
                guard now >= due else { return }
                d.greenTenths = d.steps[d.stepIndex]
                try route(tx, listener: d.prodListener, blueTG: d.blueTG, greenTG: d.greenTG, greenTenths: d.greenTenths)
                d.stepIndex += 1
                d.lastShiftAt = due
                if d.greenTenths >= 1000 { next("POST_PRODUCTION_TRAFFIC_SHIFT", at: due) }
            case "POST_PRODUCTION_TRAFFIC_SHIFT":
                next("BAKE_TIME", at: d.stageAt)
            case "BAKE_TIME":
                guard now >= d.stageAt + d.bake else { return }
                next("CLEAN_UP", at: d.stageAt + d.bake)
            default:  // CLEAN_UP: blue to 0, green is production from now on
                try updateNativeService(tx, d, now: now) { service in
                    service.deployments = service.deployments?.filter { $0.id != d.sourceId }
                }
                try ArmedFaults.taskSetRemoved(tx, targetGroupArn: d.blueTG)
                try tx.setMeta("ecs.prod." + d.serviceKey, d.greenTG)
                d.record.status = "SUCCESSFUL"
                d.record.finishedAt = d.stageAt
                return
            }
        }
    }

    /// The record as DescribeServiceDeployments shows it: each revision's counts and requested weights.
    func viewNative(_ tx: SimStore.Transaction, _ d: SimNativeDeployment, now: Double) throws -> ServiceDeploymentRecord {
        var record = d.record
        let live = try tasks(tx, serviceKey: d.serviceKey).filter { $0.isLive(at: now) }
        let parts = d.serviceKey.split(separator: "/", maxSplits: 1).map(String.init)
        let desired = try requireService(tx, cluster: parts.first, parts.last ?? "").1.desiredCount ?? 0
        func summary(_ base: ServiceRevisionSummary?, owner: String, production: Double, test: Double, running isRunning: Bool) -> ServiceRevisionSummary {
            var s = base ?? ServiceRevisionSummary()
            let mine = live.filter { $0.owner == owner }
            s.runningTaskCount = mine.filter { SimCloud.status(of: $0.task, at: now) == "RUNNING" }.count
            s.pendingTaskCount = mine.count - (s.runningTaskCount ?? 0)
            s.requestedTaskCount = isRunning ? desired : 0
            s.requestedProductionTrafficWeight = production
            s.requestedTestTrafficWeight = test
            return s
        }
        let green = Double(d.greenTenths) / 10
        let testShifted = SimCloud.nativeStages.firstIndex(of: record.lifecycleStage ?? "").map { $0 >= 3 } ?? false
        let rolledBack = (record.status ?? "").hasPrefix("ROLLBACK")
        let done = record.status == "SUCCESSFUL"
        record.sourceServiceRevisions = [summary(record.sourceServiceRevisions?.first, owner: d.sourceId, production: 100 - green,
                                                 test: testShifted && !rolledBack ? 0 : 100, running: !done)]
        record.targetServiceRevision = summary(record.targetServiceRevision, owner: d.targetId, production: green,
                                               test: testShifted && !rolledBack ? 100 : 0, running: record.status != "ROLLBACK_SUCCESSFUL")
        record.lifecycleHookDetails = d.hooks.filter { $0.status != nil }.map { h in
            var detail = ServiceDeploymentLifecycleHookDetail()
            detail.hookId = h.hookId
            detail.targetType = "PAUSE"
            detail.status = h.status
            detail.expiresAt = (h.startedAt ?? d.stageAt) + h.timeout
            detail.timeoutAction = h.action
            return detail
        }
        return record
    }

    /// UpdateService's deploymentController: a CODE_DEPLOY service moved to ECS (AWS's documented
    /// migration): its primary task set becomes its deployment, on the load balancer given.
    func migrate(_ tx: SimStore.Transaction, _ service: inout Service, to controller: String, _ input: UpdateServiceInput, now: Double) throws {
        guard service.deploymentController?.type == "CODE_DEPLOY", controller == "ECS" else {
            throw AWSError("InvalidParameterException", "The deployment controller can be changed from CODE_DEPLOY to ECS only (this service uses \(service.deploymentController?.type ?? "ECS"))")
        }
        let active = try tx.all(SimCodeDeployment.self, region: region, kind: SimCloud.codeDeploymentKind)
            .filter { $0.service == service.serviceName && ["Created", "InProgress", "Ready"].contains($0.info.status ?? "") }
        if let running = active.first {
            throw AWSError("InvalidParameterException", "The CodeDeploy deployment \(running.info.deploymentId ?? "") is in progress; the deployment controller cannot change until it ends")
        }
        guard let primary = service.taskSets?.first(where: { $0.status == "PRIMARY" }), (service.taskSets ?? []).count == 1 else {
            throw AWSError("InvalidParameterException", "The service must run exactly one (primary) task set to change its deployment controller")
        }
        guard let balancers = input.loadBalancers, let lb = balancers.first, lb.advancedConfiguration != nil else {
            throw AWSError("InvalidParameterException", "Changing to the ECS deployment controller needs loadBalancers with advancedConfiguration")
        }
        guard lb.targetGroupArn == primary.loadBalancers?.first?.targetGroupArn else {
            throw AWSError("InvalidParameterException", "The load balancer's targetGroupArn must be the one the primary task set serves on")
        }
        try validateAdvanced(tx, lb, controller: controller)
        let configuration = input.deploymentConfiguration ?? ServiceDeploymentConfiguration(strategy: "BLUE_GREEN")
        try SimCloud.validateNative(configuration)
        var deployment = ServiceDeployment()
        deployment.id = primary.id
        deployment.status = "PRIMARY"
        deployment.taskDefinition = primary.taskDefinition
        deployment.desiredCount = service.desiredCount
        deployment.createdAt = now
        deployment.updatedAt = now
        deployment.launchType = service.launchType
        service.deploymentController = DeploymentController(type: "ECS")
        service.deploymentConfiguration = configuration
        service.loadBalancers = balancers
        service.networkConfiguration = service.networkConfiguration ?? primary.networkConfiguration
        service.taskDefinition = primary.taskDefinition
        service.taskSets = []
        service.deployments = [deployment]
    }

    func requireNative(_ tx: SimStore.Transaction, _ arn: String) throws -> SimNativeDeployment {
        guard let d = try tx.get(SimNativeDeployment.self, region: region, kind: SimCloud.nativeDeploymentKind, id: arn) else {
            throw AWSError("ServiceDeploymentNotFoundException", "The service deployment \(arn) does not exist")
        }
        return d
    }
}
