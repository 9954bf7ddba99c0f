import AWSModel
import Foundation
import Yams

/// A CodeDeploy deployment as the simulator runs it: AWS's record plus where it is in its
/// lifecycle (install green, allow traffic step by step, wait, terminate blue).
struct SimCodeDeployment: Codable {
    var info: DeploymentInfo
    var cluster: String
    var service: String
    var greenTaskSetId: String
    var blueTaskSetId: String
    var blueTG: String
    var greenTG: String
    var prodListener: String
    var testListener: String?
    /// Green's share after each step, in tenths; the last is 1000.
    var steps: [Int]
    var interval: Double
    var terminationWait: Double
    var autoRollback: Bool
    /// The alarms that stop it (and roll it back): the deployment's override, else the group's.
    var alarms: [String]?
    /// STOP_DEPLOYMENT: once green is ready the deployment is `Ready` until ContinueDeployment,
    /// or for this many seconds, then Stopped. Nil: traffic moves as soon as green is ready.
    var readyWait: Double?
    var continued: Bool?
    /// When green was installed and healthy (AllowTraffic begins).
    var readyAt: Double?
    var stepIndex: Int
    var lastShiftAt: Double?
    var terminateAt: Double?
    /// When traffic first moved (AllowTraffic's start) and when all of it had (its end).
    var trafficStartedAt: Double?
    var allShiftedAt: Double?
}

extension SimCloud {
    static let codeDeploymentKind = "cd.deployment"

    public func createDeploymentConfig(_ input: CreateDeploymentConfigInput) throws {
        guard input.computePlatform == "ECS", let routing = input.trafficRoutingConfig else {
            throw AWSError("InvalidComputePlatformException", "An ECS deployment configuration needs computePlatform ECS and a trafficRoutingConfig")
        }
        guard !input.deploymentConfigName.hasPrefix("CodeDeployDefault.") else {
            throw AWSError("InvalidDeploymentConfigNameException", "CodeDeployDefault. names are reserved")
        }
        let percent = routing.timeBasedCanary?.canaryPercentage ?? routing.timeBasedLinear?.linearPercentage ?? 100
        let minutes = routing.timeBasedCanary?.canaryInterval ?? routing.timeBasedLinear?.linearInterval ?? 0
        guard (1...99).contains(percent) || routing.type == "AllAtOnce", minutes >= 0 else {
            throw AWSError("InvalidTrafficRoutingConfigurationException", "percentages are 1-99 and intervals whole minutes")
        }
        try write("CreateDeploymentConfig") { tx in
            let key = "cd.config." + input.deploymentConfigName
            if try tx.meta(key) != nil {
                throw AWSError("DeploymentConfigAlreadyExistsException", "A deployment configuration named \(input.deploymentConfigName) already exists")
            }
            let steps: [Int]
            switch routing.type {
            case "TimeBasedCanary": steps = [percent * 10, 1000]
            case "TimeBasedLinear": steps = Array(stride(from: percent * 10, to: 1000, by: percent * 10)) + [1000]
            default: steps = [1000]
            }
            try tx.setMeta(key, steps.map(String.init).joined(separator: ",") + "|" + String(minutes * 60))
        }
    }

    /// The traffic steps of a deployment configuration (a custom one is kept in `meta`).
    func steps(ofConfig name: String, _ tx: SimStore.Transaction) throws -> (steps: [Int], interval: Double) {
        if let custom = try tx.meta("cd.config." + name) {
            let parts = custom.split(separator: "|")
            return (parts[0].split(separator: ",").compactMap { Int($0) }, Double(parts.count > 1 ? parts[1] : "0") ?? 0)
        }
        return SimCloud.steps(ofConfig: name)
    }

    /// The traffic steps of a predefined deployment configuration.
    static func steps(ofConfig name: String) -> (steps: [Int], interval: Double) {
        switch name {
        case "CodeDeployDefault.ECSCanary10Percent5Minutes": return ([100, 1000], 300)
        case "CodeDeployDefault.ECSCanary10Percent15Minutes": return ([100, 1000], 900)
        case "CodeDeployDefault.ECSLinear10PercentEvery1Minutes": return (Array(stride(from: 100, through: 1000, by: 100)), 60)
        case "CodeDeployDefault.ECSLinear10PercentEvery3Minutes": return (Array(stride(from: 100, through: 1000, by: 100)), 180)
        default: return ([1000], 0)
        }
    }

    /// Points the production listener at blue and green with green's share `tenths`.
    func route(_ tx: SimStore.Transaction, listener arn: String, blueTG: String, greenTG: String, greenTenths: Int) throws {
        guard var listener = try tx.get(Listener.self, region: region, kind: SimCloud.listenerKind, id: arn) else { return }
        // AWS takes weights up to 999: 100 % green is 0:100, not 0:1000.
        let (blue, green) = TrafficWeights.forGreen(tenths: greenTenths)
        listener.DefaultActions = SimCloud.normalized([.weighted([(blueTG, blue), (greenTG, green)])])
        try tx.put(listener, region: region, kind: SimCloud.listenerKind, id: arn, name: (listener.LoadBalancerArn ?? "") + "|" + String(listener.Port ?? 0))
    }

    func targetHealth(_ tx: SimStore.Transaction, _ tgArn: String, at now: Double) throws -> String {
        let tg = try requireTargetGroup(tx, tgArn)
        return TargetHealth.summary(of: try targetsWithHealth(tx, tg, at: now).compactMap(\.health.State))
    }

    /// Changes a CODE_DEPLOY service's task sets (CodeDeploy may; a user may not).
    func updateService(_ tx: SimStore.Transaction, _ d: SimCodeDeployment, now: Double, _ change: (inout Service) -> Void) throws {
        let (cluster, found) = try requireService(tx, cluster: d.cluster, d.service)
        var service = found
        change(&service)
        try reconcile(tx, cluster: cluster, service: &service, now: now)
        try save(tx, service, cluster: cluster)
    }

    /// Ends a deployment by moving everything back to blue.
    func rollBack(_ tx: SimStore.Transaction, _ d: inout SimCodeDeployment, status: String, reason: String, code: String? = nil, now: Double) throws {
        try route(tx, listener: d.prodListener, blueTG: d.blueTG, greenTG: d.greenTG, greenTenths: 0)
        try ArmedFaults.taskSetRemoved(tx, targetGroupArn: d.greenTG)
        try updateService(tx, d, now: now) { service in
            service.taskSets = service.taskSets?.filter { $0.id != d.greenTaskSetId }.map { set in
                var set = set
                if set.id == d.blueTaskSetId { set.status = "PRIMARY" }
                return set
            }
            service.taskDefinition = service.taskSets?.first { $0.id == d.blueTaskSetId }?.taskDefinition
            service.loadBalancers = service.taskSets?.first { $0.id == d.blueTaskSetId }?.loadBalancers
        }
        d.info.status = status
        d.info.completeTime = now
        d.info.errorInformation = ErrorInformation(code: code ?? (status == "Stopped" ? "DEPLOYMENT_STOPPED" : "HEALTH_CONSTRAINTS"), message: reason)
        // As on AWS, the rollback is a deployment of its own (creator codeDeployRollback), which
        // puts blue's revision back; both name each other in rollbackInfo.
        let number = try tx.nextNumber("id.cd.deployment")
        let id = "d-" + SimIDs.hex(kind: "cd.deployment", number: number, length: 9).uppercased()
        var rollback = d
        rollback.info.deploymentId = id
        rollback.info.status = "Succeeded"
        rollback.info.createTime = now
        rollback.info.completeTime = now
        rollback.info.errorInformation = nil
        (rollback.readyAt, rollback.trafficStartedAt, rollback.allShiftedAt) = (now, now, now)  // blue back at once
        rollback.info.creator = "codeDeployRollback"
        rollback.info.description = "Rollback of \(d.info.deploymentId ?? "")"
        rollback.info.rollbackInfo = RollbackInfo(rollbackTriggeringDeploymentId: d.info.deploymentId, rollbackMessage: reason)
        try tx.put(rollback, region: region, kind: SimCloud.codeDeploymentKind, id: id, name: "\(d.info.applicationName ?? "")/\(d.info.deploymentGroupName ?? "")")
        d.info.rollbackInfo = RollbackInfo(rollbackDeploymentId: id, rollbackMessage: "\(reason): rolled back by \(id)")
    }

    /// Moves every deployment in progress to where it is at `now`: green installed and healthy,
    /// traffic steps due, the termination wait over. Called when time moves and when a
    /// deployment is read, so that every process sees the same lifecycle.
    func progressDeployments(_ tx: SimStore.Transaction, now: Double) throws {
        for var d in try tx.all(SimCodeDeployment.self, region: region, kind: SimCloud.codeDeploymentKind)
        where ["Created", "InProgress", "Ready"].contains(d.info.status ?? "") {
            // CodeDeploy polls the deployment's alarms: one in ALARM stops it, traffic back on blue.
            if let names = d.alarms, !names.isEmpty {
                let firing = try tx.all(MetricAlarm.self, region: region, kind: SimCloud.alarmKind)
                    .filter { names.contains($0.AlarmName ?? "") }.map { try evaluate($0, tx, now: now) }.first { $0.StateValue == "ALARM" }
                if let firing {
                    try rollBack(tx, &d, status: "Stopped", reason: "alarm \(firing.AlarmName ?? "") is in ALARM", now: now)
                    try tx.put(d, region: region, kind: SimCloud.codeDeploymentKind, id: d.info.deploymentId ?? "", name: "\(d.info.applicationName ?? "")/\(d.info.deploymentGroupName ?? "")")
                    continue
                }
            }
            while true {
                if d.readyAt == nil {
                    // ECS cannot start green (its tasks keep stopping, e.g. CannotPullContainerError):
                    // CodeDeploy fails the deployment, traffic never having moved.
                    let failed = try tasks(tx, serviceKey: "\(d.cluster)/\(d.service)")
                        .filter { $0.owner == d.greenTaskSetId && !$0.isLive(at: now) && $0.pullFailure != nil }
                    if failed.count >= 3 {
                        try rollBack(tx, &d, status: "Failed", reason: "green's tasks failed to start: \(failed.last?.pullFailure ?? "")", code: "ECS_UPDATE_ERROR", now: now)
                        break
                    }
                    let health = try targetHealth(tx, d.greenTG, at: now)
                    if health == "unhealthy", d.autoRollback {
                        try rollBack(tx, &d, status: "Failed", reason: "green's targets failed their health checks", now: now)
                        break
                    }
                    guard health == "healthy" else { d.info.status = "InProgress"; break }
                    d.readyAt = now
                    d.info.status = "InProgress"
                    if let test = d.testListener {
                        try route(tx, listener: test, blueTG: d.blueTG, greenTG: d.greenTG, greenTenths: 1000)
                    }
                    continue
                }
                // STOP_DEPLOYMENT: Ready, no traffic moved, until continued or the wait runs out.
                if let wait = d.readyWait, d.continued != true, d.stepIndex == 0 {
                    if now >= (d.readyAt ?? now) + wait {
                        try rollBack(tx, &d, status: "Stopped", reason: "the deployment was not continued within \(Int(wait / 60)) minutes (STOP_DEPLOYMENT)", now: now)
                    } else {
                        d.info.status = "Ready"
                    }
                    break
                }
                if d.stepIndex < d.steps.count {
                    let due = d.stepIndex == 0 ? (d.readyAt ?? now) : (d.lastShiftAt ?? now) + d.interval
                    guard now >= due else { break }
                    if d.autoRollback, try targetHealth(tx, d.greenTG, at: now) == "unhealthy" {
                        try rollBack(tx, &d, status: "Failed", reason: "green's targets failed their health checks", now: now)
                        break
                    }
                    let share = d.steps[d.stepIndex]
                    try route(tx, listener: d.prodListener, blueTG: d.blueTG, greenTG: d.greenTG, greenTenths: share)
                    d.lastShiftAt = due
                    if d.stepIndex == 0 { d.trafficStartedAt = due }
                    d.stepIndex += 1
                    if share >= 1000 {
                        try updateService(tx, d, now: now) { service in
                            service.taskSets = service.taskSets?.map { set in
                                var set = set
                                set.status = set.id == d.greenTaskSetId ? "PRIMARY" : "ACTIVE"
                                return set
                            }
                            service.taskDefinition = service.taskSets?.first { $0.id == d.greenTaskSetId }?.taskDefinition
                            service.loadBalancers = service.taskSets?.first { $0.id == d.greenTaskSetId }?.loadBalancers
                        }
                        d.terminateAt = due + d.terminationWait
                        d.allShiftedAt = due
                    }
                    continue
                }
                if let at = d.terminateAt, now >= at {
                    try updateService(tx, d, now: now) { service in
                        service.taskSets = service.taskSets?.filter { $0.id != d.blueTaskSetId }
                    }
                    try ArmedFaults.taskSetRemoved(tx, targetGroupArn: d.blueTG)
                    d.info.status = "Succeeded"
                    d.info.completeTime = at
                }
                break
            }
            try tx.put(d, region: region, kind: SimCloud.codeDeploymentKind, id: d.info.deploymentId ?? "",
                       name: "\(d.info.applicationName ?? "")/\(d.info.deploymentGroupName ?? "")")
        }
    }

    public func createDeployment(_ input: CreateDeploymentInput) throws -> CreateDeploymentOutput {
        try write("CreateDeployment") { tx in try createDeployment(tx, input) }
    }

    /// CreateDeployment inside a transaction (a pipeline's CodeDeployToECS action starts one).
    func createDeployment(_ tx: SimStore.Transaction, _ input: CreateDeploymentInput) throws -> CreateDeploymentOutput {
        guard let groupName = input.deploymentGroupName else {
            throw AWSError("DeploymentGroupNameRequiredException", "The deployment group name is required")
        }
        guard input.revision?.revisionType == "AppSpecContent", let content = input.revision?.appSpecContent?.content else {
            throw AWSError("InvalidRevisionException", "An ECS deployment needs an AppSpecContent revision")
        }
        // The AppSpec, as JSON (what bgsh sends) or YAML (what a pipeline's appspec.yaml is).
        guard let spec = SimCloud.appSpecDocument(content),
              let resources = spec["Resources"] as? [[String: Any]],
              let target = resources.first?["TargetService"] as? [String: Any],
              let properties = target["Properties"] as? [String: Any],
              let taskDefinition = properties["TaskDefinition"] as? String,
              let lbInfo = properties["LoadBalancerInfo"] as? [String: Any],
              let container = lbInfo["ContainerName"] as? String else {
            throw AWSError("InvalidRevisionException", "The AppSpec must name Resources[0].TargetService.Properties.TaskDefinition and LoadBalancerInfo.ContainerName (as JSON)")
        }
        let port = (lbInfo["ContainerPort"] as? Int) ?? 80
        do {
            let now = try now(tx)
            try progressDeployments(tx, now: now)
            _ = try requireApplication(tx, input.applicationName)
            guard let group = try tx.get(DeploymentGroupInfo.self, region: region, kind: SimCloud.deploymentGroupKind,
                                         id: "\(input.applicationName)/\(groupName)") else {
                throw AWSError("DeploymentGroupDoesNotExistException", "No Deployment Group found for name: \(groupName)")
            }
            let active = try tx.find(SimCodeDeployment.self, region: region, kind: SimCloud.codeDeploymentKind, name: "\(input.applicationName)/\(groupName)")
            if let running = active.first(where: { ["Created", "InProgress", "Ready"].contains($0.info.status ?? "") }) {
                throw AWSError("DeploymentLimitExceededException",
                               "The deployment \(running.info.deploymentId ?? "") is already in progress for deployment group \(groupName)")
            }
            guard let ecs = group.ecsServices?.first, let pair = group.loadBalancerInfo?.targetGroupPairInfoList?.first,
                  let names = pair.targetGroups?.map(\.name), names.count == 2,
                  let prod = pair.prodTrafficRoute?.listenerArns.first else {
                throw AWSError("InvalidTargetGroupPairException", "The deployment group has no target group pair")
            }
            guard let definition = try findTaskDefinition(tx, taskDefinition), definition.status == "ACTIVE" else {
                throw AWSError("InvalidRevisionException", "The task definition \(taskDefinition) does not exist")
            }
            let (_, service) = try requireService(tx, cluster: ecs.clusterName, ecs.serviceName)
            guard let blueSet = service.taskSets?.first(where: { $0.status == "PRIMARY" }), let blueTG = blueSet.loadBalancers?.first?.targetGroupArn else {
                throw AWSError("InvalidECSServiceException", "The ECS service has no primary task set")
            }
            let arns = try names.map { name -> String in
                guard let tg = try tx.find(TargetGroup.self, region: region, kind: SimCloud.targetGroupKind, name: name).first else {
                    throw AWSError("InvalidTargetGroupPairException", "The target group \(name) does not exist")
                }
                return tg.TargetGroupArn ?? ""
            }
            let greenTG = arns.first { $0 != blueTG } ?? arns[1]
            let number = try tx.nextNumber("id.cd.deployment")
            let id = "d-" + SimIDs.hex(kind: "cd.deployment", number: number, length: 9).uppercased()
            let config = input.deploymentConfigName ?? group.deploymentConfigName ?? "CodeDeployDefault.ECSAllAtOnce"
            let isCustom = try tx.meta("cd.config." + config) != nil
            guard SimCloud.ecsDeploymentConfigs.contains(config) || isCustom else {
                throw AWSError("DeploymentConfigDoesNotExistException", "The deployment configuration does not exist: \(config)")
            }
            let (steps, interval) = try self.steps(ofConfig: config, tx)
            var green = TaskSet()
            green.id = "ecs-svc/" + String(SimIDs.hex(kind: "cd.taskset", number: number, length: 24).compactMap { $0.hexDigitValue }.map(String.init).joined().prefix(19))
            green.taskSetArn = arn("ecs", "task-set/\(ecs.clusterName)/\(ecs.serviceName)/\(green.id ?? "")")
            green.serviceArn = service.serviceArn
            green.clusterArn = service.clusterArn
            green.startedBy = "CodeDeploy"
            green.externalId = id
            green.status = "ACTIVE"
            green.taskDefinition = definition.taskDefinitionArn
            green.createdAt = now
            green.updatedAt = now
            green.launchType = blueSet.launchType
            green.networkConfiguration = blueSet.networkConfiguration
            green.loadBalancers = [ServiceLoadBalancer(targetGroupArn: greenTG, containerName: container, containerPort: port)]
            green.scale = Scale(value: 100, unit: "PERCENT")
            try ArmedFaults.deploymentStarts(tx, serviceArn: service.serviceArn ?? "", greenTG: greenTG, blueTG: blueTG, now: now)
            var info = DeploymentInfo()
            info.deploymentId = id
            info.applicationName = input.applicationName
            info.deploymentGroupName = groupName
            info.deploymentConfigName = config
            info.status = "Created"
            info.createTime = now
            info.description = input.description
            info.computePlatform = "ECS"
            info.creator = "user"
            info.blueGreenDeploymentConfiguration = group.blueGreenDeploymentConfiguration
            let rollback = input.autoRollbackConfiguration ?? group.autoRollbackConfiguration
            let record = SimCodeDeployment(
                info: info, cluster: ecs.clusterName, service: ecs.serviceName, greenTaskSetId: green.id ?? "", blueTaskSetId: blueSet.id ?? "",
                blueTG: blueTG, greenTG: greenTG, prodListener: prod, testListener: pair.testTrafficRoute?.listenerArns.first,
                steps: steps, interval: interval,
                terminationWait: Double(group.blueGreenDeploymentConfiguration?.terminateBlueInstancesOnDeploymentSuccess?.terminationWaitTimeInMinutes ?? 5) * 60,
                autoRollback: rollback?.enabled == true,
                alarms: ((input.overrideAlarmConfiguration ?? group.alarmConfiguration).flatMap { $0.enabled == true ? $0.alarms?.map(\.name) : nil }) ?? [],
                readyWait: group.blueGreenDeploymentConfiguration?.deploymentReadyOption.flatMap {
                    $0.actionOnTimeout == "STOP_DEPLOYMENT" ? Double($0.waitTimeInMinutes ?? 0) * 60 : nil
                },
                continued: nil,
                readyAt: nil, stepIndex: 0, lastShiftAt: nil, terminateAt: nil)
            try updateService(tx, record, now: now) { service in service.taskSets = (service.taskSets ?? []) + [green] }
            try tx.put(record, region: region, kind: SimCloud.codeDeploymentKind, id: id, name: "\(input.applicationName)/\(groupName)")
            return CreateDeploymentOutput(deploymentId: id)
        }
    }

    /// An AppSpec's document: JSON, else YAML (CodeDeploy takes both).
    static func appSpecDocument(_ content: String) -> [String: Any]? {
        if let json = try? JSONSerialization.jsonObject(with: Data(content.utf8)) as? [String: Any] { return json }
        return (try? Yams.load(yaml: content)) as? [String: Any]
    }

    public func listDeployments(_ input: ListDeploymentsInput) throws -> ListDeploymentsOutput {
        try write("ListDeployments") { tx in
            try progressDeployments(tx, now: try now(tx))
            if let app = input.applicationName { _ = try requireApplication(tx, app) }
            var found = try tx.all(SimCodeDeployment.self, region: region, kind: SimCloud.codeDeploymentKind).filter { d in
                (input.applicationName == nil || d.info.applicationName == input.applicationName)
                    && (input.deploymentGroupName == nil || d.info.deploymentGroupName == input.deploymentGroupName)
                    && (input.includeOnlyStatuses.map { $0.contains(d.info.status ?? "") } ?? true)
            }
            found.reverse()  // newest first, as CodeDeploy lists them
            return ListDeploymentsOutput(deployments: found.compactMap(\.info.deploymentId), nextToken: nil)
        }
    }

    func requireDeployment(_ tx: SimStore.Transaction, _ id: String) throws -> SimCodeDeployment {
        guard let d = try tx.get(SimCodeDeployment.self, region: region, kind: SimCloud.codeDeploymentKind, id: id) else {
            throw AWSError("DeploymentDoesNotExistException", "The deployment \(id) could not be found")
        }
        return d
    }

    public func getDeployment(_ input: GetDeploymentInput) throws -> GetDeploymentOutput {
        // A write: reading a deployment first brings its lifecycle up to the clock.
        try write("GetDeployment") { tx in
            try progressDeployments(tx, now: try now(tx))
            return GetDeploymentOutput(deploymentInfo: try requireDeployment(tx, input.deploymentId).info)
        }
    }

    public func batchGetDeploymentTargets(_ input: BatchGetDeploymentTargetsInput) throws -> BatchGetDeploymentTargetsOutput {
        guard !input.targetIds.isEmpty else {
            throw AWSError("DeploymentTargetIdRequiredException", "A deployment target ID must be specified")
        }
        guard input.targetIds.count <= 25 else {
            throw AWSError("DeploymentTargetListSizeExceededException", "The maximum number of deployment target IDs is 25")
        }
        return try write("BatchGetDeploymentTargets") { tx in
            try progressDeployments(tx, now: try now(tx))
            let d = try requireDeployment(tx, input.deploymentId)
            let targetId = "\(d.cluster):\(d.service)"
            guard input.targetIds.allSatisfy({ $0 == targetId }) else {
                let other = input.targetIds.first { $0 != targetId } ?? ""
                throw AWSError("DeploymentTargetDoesNotExistException", "The deployment target \(other) does not exist in deployment \(input.deploymentId)")
            }
            let (_, service) = try requireService(tx, cluster: d.cluster, d.service)
            var target = ECSTarget()
            target.deploymentId = d.info.deploymentId
            target.targetId = targetId
            target.targetArn = service.serviceArn
            target.lifecycleEvents = SimCloud.lifecycleEvents(of: d)
            target.lastUpdatedAt = target.lifecycleEvents?.compactMap { $0.endTime ?? $0.startTime }.max() ?? d.info.createTime
            switch d.info.status {
            case "Created"?: target.status = "Pending"
            case "Stopped"?: target.status = "Failed"
            default: target.status = d.info.status
            }
            return BatchGetDeploymentTargetsOutput(deploymentTargets: [DeploymentTarget(deploymentTargetType: "ECSTarget", ecsTarget: target)])
        }
    }

    /// The ECS lifecycle as the deployment has gone through it: installing until green is
    /// healthy, AllowTraffic from the first shift to the last, then AfterAllowTraffic. Events not
    /// reached by a deployment that ended are Skipped; the one it ended in, Failed.
    static func lifecycleEvents(of d: SimCodeDeployment) -> [LifecycleEvent] {
        let created = d.info.createTime
        let ended = ["Stopped", "Failed"].contains(d.info.status ?? "")
        func event(_ name: String, _ start: Double?, _ end: Double?) -> LifecycleEvent {
            let status = end != nil ? "Succeeded" : start != nil ? (ended ? "Failed" : "InProgress") : (ended ? "Skipped" : "Pending")
            return LifecycleEvent(lifecycleEventName: name, startTime: start, endTime: end, status: status)
        }
        var events = [event("BeforeInstall", created, created), event("Install", created, d.readyAt)]
        for name in ["AfterInstall", "AllowTestTraffic", "AfterAllowTestTraffic", "BeforeAllowTraffic"] {
            events.append(event(name, d.readyAt, d.readyAt))
        }
        events.append(event("AllowTraffic", d.trafficStartedAt, d.allShiftedAt))
        events.append(event("AfterAllowTraffic", d.allShiftedAt, d.allShiftedAt))
        return events
    }

    public func continueDeployment(_ input: ContinueDeploymentInput) throws {
        try write("ContinueDeployment") { tx in
            let now = try now(tx)
            try progressDeployments(tx, now: now)
            var d = try requireDeployment(tx, input.deploymentId)
            guard d.info.status == "InProgress" || d.info.status == "Ready" else {
                throw AWSError("DeploymentIsNotInReadyStateException", "The deployment \(input.deploymentId) is \(d.info.status ?? "") and cannot be continued")
            }
            if (input.deploymentWaitType ?? "READY_WAIT") == "TERMINATION_WAIT" {
                guard d.terminateAt != nil else {
                    throw AWSError("DeploymentIsNotInReadyStateException", "The deployment \(input.deploymentId) is not waiting for blue's termination")
                }
                d.terminateAt = now
            } else if d.readyAt == nil {
                throw AWSError("DeploymentIsNotInReadyStateException", "The deployment \(input.deploymentId) is still installing green")
            } else if d.info.status == "Ready", d.continued != true {
                // Out of Ready: traffic moves by the deployment's configuration from now.
                d.continued = true
                d.readyAt = now
                d.info.status = "InProgress"
            } else if d.stepIndex < d.steps.count {
                // Continue: the remaining traffic moves now.
                d.steps = Array(d.steps.prefix(d.stepIndex)) + [1000]
                d.lastShiftAt = now - d.interval
                if d.stepIndex == 0 { d.readyAt = now }
            }
            try tx.put(d, region: region, kind: SimCloud.codeDeploymentKind, id: input.deploymentId,
                       name: "\(d.info.applicationName ?? "")/\(d.info.deploymentGroupName ?? "")")
            try progressDeployments(tx, now: now)
        }
    }

    public func stopDeployment(_ input: StopDeploymentInput) throws -> StopDeploymentOutput {
        try write("StopDeployment") { tx in
            let now = try now(tx)
            try progressDeployments(tx, now: now)
            var d = try requireDeployment(tx, input.deploymentId)
            guard ["Created", "InProgress", "Ready"].contains(d.info.status ?? "") else {
                throw AWSError("DeploymentAlreadyCompletedException", "The deployment \(input.deploymentId) has already completed (\(d.info.status ?? ""))")
            }
            try rollBack(tx, &d, status: "Stopped", reason: "stopped by the user", now: now)
            try tx.put(d, region: region, kind: SimCloud.codeDeploymentKind, id: input.deploymentId,
                       name: "\(d.info.applicationName ?? "")/\(d.info.deploymentGroupName ?? "")")
            return StopDeploymentOutput(status: "Pending", statusMessage: "Stopping the deployment and rolling back to blue")
        }
    }
}
