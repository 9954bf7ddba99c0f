import AWSModel

/// Where a deployment is (COMMANDS.md, "Deployment states").
public enum DeploymentState: String, Sendable, CaseIterable {
    case none, starting, inProgress = "in-progress", holding, baking, succeeded, rolledBack = "rolled-back", failed

    /// A deployment in this state can still move traffic or be rolled back.
    public var isActive: Bool { [.starting, .inProgress, .holding, .baking].contains(self) }
}

/// One colour of a service: its task set, target group, tasks and target health.
public struct Side: Sendable {
    /// The task set running it (nil once removed).
    public var taskSet: TaskSet?
    /// The target group it is on.
    public var targetGroupArn: String
    /// Running and desired tasks.
    public var running: Int
    public var desired: Int
    /// healthy, unhealthy, initial, draining or none (COMMANDS.md's target health).
    public var health: String
    /// Its share of production traffic, in tenths of a percent (0…1000).
    public var weightTenths: Int
    /// Its target group's health-check interval, in seconds.
    public var healthCheckInterval: Int = 30
}

/// A service's deployment as bgsh derives it from AWS: task sets, listener weights and `bgsh:*` tags.
public struct DeploymentView: Sendable {
    public var id: String?
    public var state: DeploymentState
    public var strategy: Strategy
    /// The schedule's next step (index into `strategy.steps`).
    public var step: Int
    public var blue: Side?
    public var green: Side?
    /// When blue will be removed (baking), in clock seconds.
    public var terminationAt: Double?
    /// When the schedule's next shift is due.
    public var nextStepAt: Double?
    /// The clock when this was read.
    public var now: Double
    /// Holding because no bgsh is driving the schedule (not because of `hold`).
    public var isUndriven = false
    /// The task definition green runs.
    public var greenTaskDefinition: String?
    /// The service as read, so that acting on this view needs no second read.
    var service: Service?
}

/// The `bgsh:deploy-*` tags on the service: the deployment's record.
struct DeploymentTags {
    static let id = "bgsh:deploy-id"
    static let state = "bgsh:deploy-state"
    static let green = "bgsh:deploy-green"
    static let blueTG = "bgsh:deploy-blue-tg"
    static let greenTG = "bgsh:deploy-green-tg"
    static let strategy = "bgsh:deploy-strategy"
    static let started = "bgsh:deploy-started"
    static let promoted = "bgsh:deploy-promoted"
    static let wait = "bgsh:deploy-wait"
    static let step = "bgsh:deploy-step"
    static let stepAt = "bgsh:deploy-step-at"
    static let held = "bgsh:deploy-held"
    static let history = "bgsh:deploy-history"
    static let alarms = "bgsh:deploy-alarms"
    /// When a waiting bgsh last drove the schedule: older than `driverTimeout`, nobody is.
    static let driver = "bgsh:deploy-driver-at"
    static let driverTimeout: Double = 120
}

/// Target health of a group, as COMMANDS.md names it.
func summarize(_ all: [String]) -> String {
    if all.isEmpty { return "none" }
    // Targets of tasks that are gone drain for the deregistration delay; they say nothing about
    // the tasks serving now, so they count only when nothing else is there.
    let states = all.contains { $0 != "draining" } ? all.filter { $0 != "draining" } : all
    if states.contains("unhealthy") { return "unhealthy" }
    if states.contains("initial") { return "initial" }
    if states.allSatisfy({ $0 == "healthy" }) { return "healthy" }
    if states.contains("draining") { return "draining" }
    return states[0]
}

/// The share of a listener's production traffic each target group gets, from its forward actions.
struct TrafficShares {
    private var weights: [String: Int] = [:]
    private var total = 0

    init(_ listener: Listener?) {
        for action in listener?.DefaultActions ?? [] {
            for tuple in action.ForwardConfig?.TargetGroups ?? [] { weights[tuple.TargetGroupArn, default: 0] += tuple.Weight ?? 1 }
            if action.ForwardConfig == nil, let arn = action.TargetGroupArn { weights[arn, default: 0] += 1 }
        }
        total = weights.values.reduce(0, +)
    }

    /// A target group's share in tenths of a percent (0…1000).
    func tenths(_ targetGroupArn: String?) -> Int {
        guard total > 0, let arn = targetGroupArn else { return 0 }
        return Int((Double(weights[arn] ?? 0) * 1000 / Double(total)).rounded())
    }
}

/// Integer listener weights (0–999, as AWS takes them) that keep a green share of `tenths`/1000.
public func listenerWeights(greenTenths: Int) -> (blue: Int, green: Int) {
    let green = min(1000, max(0, greenTenths))
    let blue = 1000 - green
    if green == 0 { return (1, 0) }
    if blue == 0 { return (0, 1) }
    var a = green, b = blue
    while b != 0 { (a, b) = (b, a % b) }
    return (blue / a, green / a)
}
