import AWSModel
import BGSHAnalysis
import BGSHSyntax

/// A verb the current state does not allow: the reason, and what to do instead.
public struct DeploymentRefusal: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// bgsh's own controller: the ECS service uses the EXTERNAL controller; blue and green are task
/// sets on the two target groups, and the production listener's weighted forward splits traffic.
/// Everything it knows it reads back from AWS (task sets, listener weights, `bgsh:*` tags), so a
/// second bgsh sees the same deployment and can act on it.
public struct TaskSetController {
    let cloud: any Cloud
    let cluster: String
    let serviceName: String
    let now: () throws -> Double
    let prefetched: Prefetched

    /// A service record already read (to choose the controller), used once instead of reading it again.
    public final class Prefetched: @unchecked Sendable {
        // SAFETY (@unchecked Sendable): used by one command on one thread.
        var service: Service?
        public init(_ service: Service?) { self.service = service }
    }

    /// Creates a controller for one service.
    public init(cloud: any Cloud, cluster: String, service: String, now: @escaping () throws -> Double, prefetched: Service? = nil) {
        self.cloud = cloud
        self.cluster = cluster
        self.serviceName = service
        self.now = now
        self.prefetched = Prefetched(prefetched)
    }

    // MARK: reading

    func service() throws -> Service {
        if let service = prefetched.service {
            prefetched.service = nil
            return service
        }
        guard let service = try cloud.describeServices(DescribeServicesInput(cluster: cluster, services: [serviceName])).services.first,
              service.status == "ACTIVE" else {
            throw DeploymentRefusal("service '\(serviceName)' not found in cluster \(cluster)")
        }
        return service
    }

    func setup(_ service: Service) throws -> ServiceTags {
        guard let tags = ServiceTags(service.tags) else {
            throw DeploymentRefusal("service '\(serviceName)' was not created by bgsh (`service create`), so it has no blue-green setup to deploy to")
        }
        guard tags.controller == "taskset" else {
            throw DeploymentRefusal("service '\(serviceName)' uses the \(tags.controller) controller, whose deployments (CodeDeploy's CreateDeployment, ContinueDeployment, StopDeployment) this version of bgsh does not drive yet; a service made with `service create` (taskset controller) can be deployed")
        }
        return tags
    }

    static func tag(_ service: Service, _ key: String) -> String? { Tag.value(of: key, in: service.tags) }

    /// The deployment as AWS holds it now: 4 calls (DescribeServices, DescribeListeners and
    /// DescribeTargetHealth for each colour).
    public func observe() throws -> DeploymentView {
        let service = try service()
        let setup = try setup(service)
        let now = try now()
        let listener = try cloud.describeListeners(DescribeListenersInput(ListenerArns: [setup.listener])).Listeners.first
        let shares = TrafficShares(listener)

        let sets = service.taskSets ?? []
        let id = Self.tag(service, DeploymentTags.id)
        let recorded = Self.tag(service, DeploymentTags.state).flatMap(DeploymentState.init(rawValue:))
        let greenArn = Self.tag(service, DeploymentTags.green)
        let greenSet = sets.first { $0.taskSetArn == greenArn && greenArn != nil }
        let primary = sets.first { $0.status == "PRIMARY" }

        func side(_ set: TaskSet?, tg: String) throws -> Side {
            let states = try cloud.describeTargetHealth(DescribeTargetHealthInput(TargetGroupArn: tg)).TargetHealthDescriptions.map(\.TargetHealth.State)
            return Side(taskSet: set, targetGroupArn: tg, running: set?.runningCount ?? 0, desired: set?.computedDesiredCount ?? 0,
                        health: set == nil ? "none" : TargetHealth.summary(of: states), weightTenths: shares.tenths(tg))
        }
        let strategy = (try? Strategy.parse(Self.tag(service, DeploymentTags.strategy) ?? "manual").get()) ?? .manual
        var view = DeploymentView(id: id, state: .none, strategy: strategy, step: Int(Self.tag(service, DeploymentTags.step) ?? "") ?? 0,
                                  blue: nil, green: nil, terminationAt: nil, nextStepAt: nil, now: now,
                                  greenTaskDefinition: greenSet?.taskDefinition, service: service)
        view.analysis = Self.tag(service, DeploymentTags.verdict).flatMap { $0.isEmpty ? nil : $0 }
        view.analysisRows = view.analysis == nil ? [] : DeploymentTags.verdictRows(service)
        let blueTG = Self.tag(service, DeploymentTags.blueTG) ?? primary?.loadBalancers?.first?.targetGroupArn ?? setup.blueTargetGroup
        let greenTG = Self.tag(service, DeploymentTags.greenTG) ?? (blueTG == setup.blueTargetGroup ? setup.greenTargetGroup : setup.blueTargetGroup)

        switch recorded {
        case nil:
            view.blue = try side(primary, tg: blueTG)
            view.state = .none
        case .succeeded?:
            view.green = try side(greenSet ?? primary, tg: greenTG)
            view.state = .succeeded
        case .rolledBack?, .failed?:
            view.blue = try side(primary, tg: blueTG)
            view.state = recorded ?? .failed
        default:
            let blueSet = sets.first { $0.taskSetArn != greenArn }
            view.blue = try side(blueSet, tg: blueTG)
            view.green = try side(greenSet, tg: greenTG)
            if greenSet == nil {
                view.state = .failed
            } else if greenSet?.status == "PRIMARY" {
                view.state = .baking
                let promoted = Double(Self.tag(service, DeploymentTags.promoted) ?? "") ?? now
                view.terminationAt = promoted + (Double(Self.tag(service, DeploymentTags.wait) ?? "") ?? 300)
            } else if Self.tag(service, DeploymentTags.held) == "1" {
                view.state = .holding
            } else if view.green?.health != "healthy" && (view.green?.weightTenths ?? 0) == 0 {
                view.state = .starting
            } else {
                view.state = .inProgress
            }
            if view.state == .inProgress || view.state == .holding, !strategy.steps.isEmpty, view.step < strategy.steps.count {
                let last = Double(Self.tag(service, DeploymentTags.stepAt) ?? "") ?? now
                view.nextStepAt = view.step == 0 ? last : last + Double(strategy.interval)
                // The first shift, gated on the test listener: the plan's samples of green's test traffic first.
                if view.step == 0, let plan = Self.tag(service, DeploymentTags.analysis).flatMap(AnalysisPlan.init(encoded:)),
                   ServiceTags(service.tags)?.testListener != nil, let healthy = Double(Self.tag(service, DeploymentTags.healthyAt) ?? "") {
                    view.nextStepAt = max(last, healthy + Double(plan.count * plan.interval))
                }
                // A schedule moves only while a bgsh waits on it; without one it holds.
                let driven = Double(Self.tag(service, DeploymentTags.driver) ?? "").map { now - $0 <= DeploymentTags.driverTimeout } ?? false
                if view.state == .inProgress, !driven {
                    view.state = .holding
                    view.isUndriven = true
                }
            }
        }
        return view
    }

    // MARK: acting

    func tag(_ service: Service, _ pairs: [(String, String)]) throws {
        // AWS: tag values hold only letters, digits, spaces and _ . : / = + - @ (a strategy has a %).
        try DeploymentTags.write(pairs, on: service, cloud)
    }

    func setWeights(_ setup: ServiceTags, blueTG: String, greenTG: String, greenTenths: Int) throws {
        let (b, g) = TrafficWeights.forGreen(tenths: greenTenths)
        // AWS: ModifyListener replaces the whole action list.
        _ = try cloud.modifyListener(ModifyListenerInput(ListenerArn: setup.listener, DefaultActions: [.weighted([(blueTG, b), (greenTG, g)])]))
    }

    /// Starts a deployment: a green task set on the other target group at 0 % of production traffic
    /// (all of the test listener's).
    /// - Returns: the deployment's id.
    public func deploy(taskDefinitionArn: String, strategy: Strategy, terminationWait: Int, alarms: [String] = [],
                       healthTimeout: Int = DeploymentTags.defaultHealthTimeout, autoRollback: Bool? = nil) throws -> String {
        let view = try observe()
        guard !view.state.isActive else {
            throw DeploymentRefusal("deployment \(view.id ?? "") is \(view.state.rawValue): promote or roll it back before starting another")
        }
        let service = try service()
        let setup = try setup(service)
        guard let blueSet = (service.taskSets ?? []).first(where: { $0.status == "PRIMARY" }),
              let blueTG = blueSet.loadBalancers?.first?.targetGroupArn else {
            throw DeploymentRefusal("service '\(serviceName)' has no primary task set to deploy from")
        }
        let greenTG = blueTG == setup.blueTargetGroup ? setup.greenTargetGroup : setup.blueTargetGroup
        let number = (Int((Self.tag(service, DeploymentTags.id) ?? "d-0").dropFirst(2)) ?? 0) + 1
        let id = "d-\(number)"
        var input = CreateTaskSetInput(cluster: cluster, service: serviceName, taskDefinition: taskDefinitionArn)
        input.externalId = "bgsh-\(id)"
        input.loadBalancers = [ServiceLoadBalancer(targetGroupArn: greenTG, containerName: setup.container, containerPort: setup.port)]
        input.networkConfiguration = blueSet.networkConfiguration
        input.launchType = blueSet.launchType
        input.scale = Scale(value: 100, unit: "PERCENT")
        input.tags = [Tag(key: "bgsh:role", value: "green"), Tag(key: "bgsh:deployment", value: id)]
        let green = try cloud.createTaskSet(input).taskSet
        try withdrawIfSecond(green, blue: blueSet)
        let now = try now()
        try tag(service, [(DeploymentTags.id, id), (DeploymentTags.state, "in-progress"), (DeploymentTags.green, green.taskSetArn ?? ""),
                          (DeploymentTags.blueTG, blueTG), (DeploymentTags.greenTG, greenTG), (DeploymentTags.strategy, strategy.name),
                          (DeploymentTags.started, String(now)), (DeploymentTags.wait, String(terminationWait)),
                          (DeploymentTags.step, "0"), (DeploymentTags.stepAt, String(now)), (DeploymentTags.held, "0"),
                          (DeploymentTags.alarms, alarms.joined(separator: ",")), (DeploymentTags.driver, "0"),
                          (DeploymentTags.healthTimeout, String(healthTimeout)), (DeploymentTags.analysis, ""), (DeploymentTags.verdict, ""),
                          (DeploymentTags.verdictCounts, "0 0"), (DeploymentTags.healthyAt, ""), (DeploymentTags.verdictRows, "")])
        try setWeights(setup, blueTG: blueTG, greenTG: greenTG, greenTenths: 0)
        if let test = setup.testListener {
            _ = try cloud.modifyListener(ModifyListenerInput(ListenerArn: test, DefaultActions: [.forward(greenTG)]))
        }
        return id
    }

    /// Two deploys of one service at the same moment both pass the "no deployment in progress"
    /// check; AWS has no compare-and-swap for it. So each looks after its CreateTaskSet: when
    /// two green task sets exist, the later one (by creation time, then id: every bgsh orders
    /// them alike) deletes itself and names the other. Nothing else was changed yet.
    func withdrawIfSecond(_ mine: TaskSet, blue: TaskSet) throws {
        let sets = try cloud.describeServices(DescribeServicesInput(cluster: cluster, services: [serviceName])).services.first?.taskSets ?? []
        let greens = sets.filter { $0.status == "ACTIVE" && $0.taskSetArn != blue.taskSetArn }
            .sorted { ($0.createdAt ?? 0, $0.id ?? "") < ($1.createdAt ?? 0, $1.id ?? "") }
        guard greens.count > 1, let first = greens.first, first.taskSetArn != mine.taskSetArn else { return }
        _ = try? cloud.deleteTaskSet(DeleteTaskSetInput(cluster: cluster, service: serviceName, taskSet: mine.taskSetArn ?? "", force: true))
        let other = first.externalId.map { $0.hasPrefix("bgsh-") ? String($0.dropFirst(5)) : $0 } ?? (first.id ?? "")
        throw DeploymentRefusal("another bgsh started deployment \(other) of \(serviceName) at the same moment: this deploy withdrew its green and changed nothing (`status` shows \(other))")
    }

    /// Sets green's share of production traffic.
    public func shift(greenTenths: Int, force: Bool) throws {
        try shift(try observe(), greenTenths: greenTenths, force: force)
    }

    func shift(_ view: DeploymentView, greenTenths: Int, force: Bool) throws {
        guard [.starting, .inProgress, .holding].contains(view.state), let green = view.green, let blue = view.blue else {
            throw DeploymentRefusal(view.state == .baking
                ? "deployment \(view.id ?? "") is promoted (baking): traffic is all green; `rollback` moves it back to blue"
                : "no deployment in progress (state \(view.state.rawValue)): start one with `deploy`")
        }
        if greenTenths > 0, green.health != "healthy", !force {
            throw DeploymentRefusal("green has no healthy target (\(green.health)): production traffic would fail; `wait healthy` first, or give --force")
        }
        let service = try view.service ?? service()
        try setWeights(try setup(service), blueTG: blue.targetGroupArn, greenTG: green.targetGroupArn, greenTenths: greenTenths)
    }

    /// Green to 100 % and primary; blue is kept for the termination wait, then removed.
    public func promote(force: Bool) throws {
        try promote(try observe(), force: force)
    }

    func promote(_ view: DeploymentView, force: Bool) throws {
        guard [.starting, .inProgress, .holding].contains(view.state), let green = view.green, let blue = view.blue else {
            throw DeploymentRefusal(view.state == .baking ? "deployment \(view.id ?? "") is already promoted" : "no deployment in progress (state \(view.state.rawValue))")
        }
        if green.health != "healthy", !force {
            throw DeploymentRefusal("green has no healthy target (\(green.health)): `wait healthy` first, or give --force")
        }
        if let verdict = view.analysis, verdict.contains(": fail"), !force {
            throw DeploymentRefusal("the last analysis failed (\(verdict)): `rollback`, or give --force to promote anyway")
        }
        let service = try view.service ?? service()
        try setWeights(try setup(service), blueTG: blue.targetGroupArn, greenTG: green.targetGroupArn, greenTenths: 1000)
        _ = try cloud.updateServicePrimaryTaskSet(UpdateServicePrimaryTaskSetInput(cluster: cluster, service: serviceName,
                                                                                   primaryTaskSet: green.taskSet?.taskSetArn ?? ""))
        try tag(service, [(DeploymentTags.promoted, String(view.now)), (DeploymentTags.held, "0")])
    }

    /// Production traffic back to blue at 100 %, green removed.
    public func rollback() throws {
        try rollback(try observe())
    }

    func rollback(_ view: DeploymentView) throws {
        guard view.state.isActive, let blue = view.blue, blue.taskSet != nil else {
            throw DeploymentRefusal(view.state == .succeeded
                ? "deployment \(view.id ?? "") succeeded and blue is gone: deploy the previous task definition instead"
                : "no deployment to roll back (state \(view.state.rawValue))")
        }
        let service = try view.service ?? service()
        let setup = try setup(service)
        try setWeights(setup, blueTG: blue.targetGroupArn, greenTG: view.green?.targetGroupArn ?? setup.greenTargetGroup, greenTenths: 0)
        if view.state == .baking {
            _ = try cloud.updateServicePrimaryTaskSet(UpdateServicePrimaryTaskSetInput(cluster: cluster, service: serviceName,
                                                                                       primaryTaskSet: blue.taskSet?.taskSetArn ?? ""))
        }
        if let green = view.green?.taskSet?.taskSetArn {
            _ = try cloud.deleteTaskSet(DeleteTaskSetInput(cluster: cluster, service: serviceName, taskSet: green, force: true))
        }
        try record(service, view.id, .rolledBack)
    }

    /// Pauses or resumes a schedule.
    public func hold(_ held: Bool) throws {
        let view = try observe()
        guard [.starting, .inProgress, .holding].contains(view.state) else {
            throw DeploymentRefusal("no deployment in progress to \(held ? "hold" : "resume") (state \(view.state.rawValue))")
        }
        let service = try service()
        var pairs = [(DeploymentTags.held, held ? "1" : "0")]
        // Resuming restarts the interval: missed steps are never applied at once.
        if !held { pairs.append((DeploymentTags.stepAt, String(try now()))) }
        try tag(service, pairs)
    }

    /// `deploy --analysis`: every step after the first (before which green has carried no
    /// production traffic) waits for a passing analysis of the traffic since the step before.
    /// - Throws: `DeploymentRefusal` when the plan is too long to keep in the service's tag.
    public func attachAnalysis(_ plan: AnalysisPlan) throws {
        guard plan.fitsInTag else {
            throw DeploymentRefusal("the analysis is too long to keep on the service (a tag holds \(Tag.maxValueLength) characters): give fewer or shorter SPECs")
        }
        try tag(try service(), [(DeploymentTags.analysis, plan.encoded)])
    }

    /// The step's analysis, if the deployment has one: nil to go ahead, else the event of a
    /// rollback (failed) or a hold (marginal, inconclusive).
    func gate(_ view: DeploymentView, _ service: Service, autoRollback: Bool) throws -> String? {
        guard let encoded = Self.tag(service, DeploymentTags.analysis), let plan = AnalysisPlan(encoded: encoded),
              let blue = view.blue, let green = view.green else { return nil }
        // Before the first shift green has carried only the test listener's traffic, if any:
        // that is judged; without a test listener the first shift is not gated (deploy says so).
        let testListener = try setup(service).testListener
        guard view.step > 0 || testListener != nil else { return nil }
        guard let lb = try setup(service).productionLoadBalancer(cloud) else { return nil }
        let since = view.step == 0 ? Double(Self.tag(service, DeploymentTags.healthyAt) ?? "") ?? view.now - Double(plan.count * plan.interval)
            : Double(Self.tag(service, DeploymentTags.stepAt) ?? "") ?? view.now - Double(view.strategy.interval)
        let outcome = try plan.evaluate(cloud, loadBalancer: lb, blueTG: blue.targetGroupArn, greenTG: green.targetGroupArn, from: since, to: view.now)
        let label = "analysis before step \(view.step + 1)\(view.step == 0 ? " (green's test-listener traffic)" : ""): \(outcome.summary)"
        var counts = Self.tag(service, DeploymentTags.verdictCounts) ?? "0 0"
        let within = plan.withinLimits(outcome.verdict, counts: &counts)
        try tag(service, [(DeploymentTags.verdict, AnalysisPlan.Outcome.fitting(label)), (DeploymentTags.verdictCounts, counts), (DeploymentTags.verdictRows, outcome.encodedRows)])
        if outcome.verdict != .pass, within {
            // Within --failure-limit / --inconclusive-limit: judged again after another interval.
            try tag(try self.service(), [(DeploymentTags.stepAt, String(view.now))])
            return "\(label): within the limit (\(AnalysisPlan.describe(counts: counts)) so far): judging again in \(Duration.format(seconds: Double(view.strategy.interval)))"
        }
        switch outcome.verdict {
        case .pass:
            return nil
        case .fail where autoRollback:
            try rollback(view)
            return "\(label): rolled back to blue"
        case .fail:
            // --no-auto-rollback: the operator decides; promote refuses until --force.
            try tag(try self.service(), [(DeploymentTags.held, "1")])
            return "\(label): holding (--no-auto-rollback: `rollback`, or `promote --force`)"
        case .marginal, .inconclusive:
            try tag(try self.service(), [(DeploymentTags.held, "1")])
            return "\(label): holding (`resume` to go on and judge the next interval, `rollback` to roll back)"
        }
    }

    func record(_ service: Service, _ id: String?, _ state: DeploymentState) throws {
        let history = DeploymentTags.history(Self.tag(service, DeploymentTags.history), adding: "\(id ?? "?"):\(state.rawValue)")
        try tag(service, [(DeploymentTags.state, state.rawValue), (DeploymentTags.history, history)])
    }

    /// One round of driving: ends a due termination wait, rolls back on unhealthy green, applies
    /// a due step of the schedule.
    /// - Returns: what happened, for the waiting command to print, and the deployment as it is
    ///   afterwards (read again only when something changed).
    public func drive(autoRollback: Bool) throws -> (event: String?, view: DeploymentView) {
        var view = try observe()
        if let service = view.service, !view.strategy.steps.isEmpty, view.state.isActive {
            let last = Double(Self.tag(service, DeploymentTags.driver) ?? "") ?? 0
            if view.isUndriven {
                // Attaching to a schedule nobody drove: resume from this step and restart its
                // interval; missed steps are never applied at once.
                try tag(service, [(DeploymentTags.driver, String(view.now)), (DeploymentTags.stepAt, String(view.now))])
                view = try observe()
            } else if view.now - last >= 60 {
                try tag(service, [(DeploymentTags.driver, String(view.now))])
            }
        }
        if let event = try act(on: view, autoRollback: autoRollback) { return (event, try observe()) }
        return (nil, view)
    }

    /// A green that can never get healthy (COMMANDS.md): three of its tasks in a row stopped
    /// before turning healthy (with ECS's stoppedReason), or no healthy target within the
    /// health timeout of the deploy.
    func neverHealthy(_ view: DeploymentView) throws -> String? {
        guard let service = view.service, let green = view.green?.taskSet?.id else { return nil }
        let stopped = try cloud.listAllTasks(cluster: cluster, serviceName: serviceName, desiredStatus: "STOPPED")
        var failed: [AWSModel.Task] = []
        var start = 0
        while start < stopped.count {
            failed += try cloud.describeTasks(DescribeTasksInput(cluster: cluster, tasks: Array(stopped[start..<min(stopped.count, start + 100)]))).tasks
                .filter { $0.startedBy == green && $0.startedAt == nil }
            start += 100
        }
        if failed.count >= 3 {
            let latest = failed.max { ($0.stoppedAt ?? 0) < ($1.stoppedAt ?? 0) }
            return "\(failed.count) of green's tasks stopped before turning healthy (\(latest?.stoppedReason ?? "no reason given"))"
        }
        let started = Double(Self.tag(service, DeploymentTags.started) ?? "") ?? view.now
        let timeout = Double(Self.tag(service, DeploymentTags.healthTimeout) ?? "") ?? Double(DeploymentTags.defaultHealthTimeout)
        if view.now - started >= timeout, view.green?.health != "healthy" {
            let reason = failed.last?.stoppedReason.map { " (\($0))" } ?? ""
            return "green has no healthy target \(Duration.format(seconds: timeout)) after the deploy\(reason)"
        }
        return nil
    }

    func act(on view: DeploymentView, autoRollback: Bool) throws -> String? {
        if view.state == .baking, let at = view.terminationAt, view.now >= at {
            let service = try view.service ?? service()
            if let blue = view.blue?.taskSet?.taskSetArn {
                _ = try cloud.deleteTaskSet(DeleteTaskSetInput(cluster: cluster, service: serviceName, taskSet: blue, force: true))
            }
            try record(service, view.id, .succeeded)
            return "blue removed after the termination wait: deployment \(view.id ?? "") succeeded"
        }
        if autoRollback, view.state.isActive, view.green?.health == "unhealthy" {
            try rollback(view)
            return "green's targets are unhealthy: rolled back to blue"
        }
        if autoRollback, view.state == .starting, let why = try neverHealthy(view) {
            try rollback(view)
            return "\(why): rolled back to blue"
        }
        let alarms = (view.service.flatMap { Self.tag($0, DeploymentTags.alarms) } ?? "").split(separator: ",").map(String.init)
        if autoRollback, view.state.isActive, !alarms.isEmpty {
            let firing = try cloud.describeAlarms(DescribeAlarmsInput(AlarmNames: alarms)).MetricAlarms.filter { $0.StateValue == "ALARM" }
            if let alarm = firing.first {
                try rollback(view)
                return "alarm \(alarm.AlarmName ?? "") is in ALARM: rolled back to blue"
            }
        }
        if view.step == 0, view.green?.health == "healthy", !view.strategy.steps.isEmpty, let service = view.service,
           (Self.tag(service, DeploymentTags.healthyAt) ?? "").isEmpty,
           let plan = Self.tag(service, DeploymentTags.analysis).flatMap(AnalysisPlan.init(encoded:)), try setup(service).testListener != nil {
            try tag(service, [(DeploymentTags.healthyAt, String(view.now))])
            return "green is healthy: judging \(Duration.format(seconds: Double(plan.count * plan.interval))) of its test-listener traffic before the first shift"
        }
        guard view.state == .inProgress || view.state == .starting, !view.strategy.steps.isEmpty, view.green?.health == "healthy",
              view.step < view.strategy.steps.count, let due = view.nextStepAt, view.now >= due else { return nil }
        let target = view.strategy.steps[view.step]
        let service = try view.service ?? service()
        if let event = try gate(view, service, autoRollback: autoRollback) { return event }
        if target >= 1000 {
            try promote(view, force: false)
            try tag(service, [(DeploymentTags.step, String(view.step + 1)), (DeploymentTags.stepAt, String(view.now))])
            return "promoted: green takes all production traffic"
        }
        try shift(view, greenTenths: target, force: false)
        try tag(service, [(DeploymentTags.step, String(view.step + 1)), (DeploymentTags.stepAt, String(view.now))])
        return "shifted green to \(target / 10)\(target % 10 == 0 ? "" : ".\(target % 10)")%"
    }
}
