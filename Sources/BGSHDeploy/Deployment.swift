import AWSModel
import BGSHSyntax

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
    /// The task definition it runs, where no task set says (ECS's native revisions).
    public var revisionTaskDefinition: String?
    /// The task definition it runs.
    public var taskDefinition: String? { revisionTaskDefinition ?? taskSet?.taskDefinition }
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
    /// Which controller moves its traffic: `taskset` (bgsh's), `codedeploy` or `ecs`.
    public var controller = "taskset"
    /// What the controller waits for, in words (CodeDeploy's Ready: a `promote`), if anything.
    public var waitingFor: String?
    /// The deployment that rolled this one back, when it is one of its own (CodeDeploy's).
    public var rolledBackBy: String?
    /// Why it ended as it did, as the controller reports it (CodeDeploy's errorInformation).
    public var reason: String?
    /// The last canary analysis's verdict (`deploy --analysis`), in words.
    public var analysis: String?
    /// The controller's own status beside bgsh's state (`ECS IN_PROGRESS at BAKE_TIME`).
    public var native: String?
    /// Each metric of that verdict: SPEC, its classification, green's and blue's values.
    public var analysisRows: [[String]] = []
}

/// The `bgsh:deploy-*` tags on the service: the deployment's record.
public struct DeploymentTags {
    /// What a controller whose deployments live in AWS (codedeploy, ecs) records when one becomes
    /// the service's current deployment: its id, the analysis state reset, and the one before
    /// added to the history with how it ended.
    static func recordCurrent(_ id: String, after previous: DeploymentView, on service: Service, _ cloud: any Cloud) throws {
        var tags = [Tag(key: Self.id, value: id), Tag(key: analysis, value: ""), Tag(key: verdict, value: ""),
                    Tag(key: judgedAt, value: ""), Tag(key: verdictCounts, value: "0 0"), Tag(key: verdictRows, value: "")]
        if let before = previous.id {
            let value = history(Tag.value(of: Self.history, in: service.tags), adding: "\(before):\(previous.state.rawValue)")
            tags.append(Tag(key: Self.history, value: Tag.encodedValue(value)))
        }
        try cloud.tagResource(TagResourceInput(resourceArn: service.serviceArn ?? "", tags: tags))
    }

    /// Writes `bgsh:*` tags on a service, each value encoded as tags can hold it (a strategy has a %).
    static func write(_ pairs: [(String, String)], on service: Service, _ cloud: any Cloud) throws {
        try cloud.tagResource(TagResourceInput(resourceArn: service.serviceArn ?? "", tags: pairs.map { Tag(key: $0.0, value: Tag.encodedValue($0.1)) }))
    }

    /// A service bgsh created, with its setup, as a controller reads it.
    /// - Throws: `DeploymentRefusal` when it is gone or not bgsh's.
    static func service(_ cloud: any Cloud, cluster: String, name: String) throws -> (Service, ServiceTags) {
        guard let service = try cloud.describeServices(DescribeServicesInput(cluster: cluster, services: [name])).services.first,
              service.status == "ACTIVE", let tags = ServiceTags(service.tags) else {
            throw DeploymentRefusal("service '\(name)' not found in cluster \(cluster), or not created by bgsh")
        }
        return (service, tags)
    }

    /// The rows of the last verdict, each with its SPEC (from the plan), for a view.
    static func verdictRows(_ service: Service) -> [[String]] {
        guard let plan = Tag.value(of: analysis, in: service.tags).flatMap(AnalysisPlan.init(encoded:)),
              let rows = Tag.value(of: verdictRows, in: service.tags), !rows.isEmpty else { return [] }
        let parts = rows.components(separatedBy: " / ").map { $0.split(separator: " ").map(String.init) }
        return zip(plan.specs, parts).compactMap { spec, row in row.count == 3 ? [spec.text] + row : nil }
    }

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
    public static let stepAt = "bgsh:deploy-step-at"
    static let held = "bgsh:deploy-held"
    static let history = "bgsh:deploy-history"
    static let alarms = "bgsh:deploy-alarms"
    /// `deploy --analysis`: the AnalysisPlan (encoded) each step is gated on; the last verdict.
    public static let analysis = "bgsh:deploy-analysis"
    static let verdict = "bgsh:deploy-verdict"
    /// How many verdicts failed and were inconclusive so far ("F I"), against the plan's limits.
    static let verdictCounts = "bgsh:deploy-verdict-counts"
    /// Under codedeploy: when the attached bgsh last judged (the next window starts there).
    public static let judgedAt = "bgsh:deploy-judged-at"
    /// When a waiting bgsh last drove the schedule: older than `driverTimeout`, nobody is.
    static let driver = "bgsh:deploy-driver-at"
    /// The last verdict's metrics (`Outcome.encodedRows`), for `status`.
    static let verdictRows = "bgsh:deploy-verdict-rows"
    /// When green first turned healthy (the start of a test-listener gate's window).
    static let healthyAt = "bgsh:deploy-healthy-at"
    static let driverTimeout: Double = 120
    /// Seconds within which green must have a healthy target (`deploy --health-timeout`).
    static let healthTimeout = "bgsh:deploy-health-timeout"
    public static let defaultHealthTimeout = 600

    /// The history tag's value with one more `ID:STATE`: the last 10 deployments, within AWS's
    /// 256 characters for a tag value (encoded).
    static func history(_ value: String?, adding entry: String) -> String {
        var kept = Array(((value ?? "").split(separator: ",").map(String.init) + [entry]).suffix(10))
        while kept.count > 1, Tag.encodedValue(kept.joined(separator: ",")).count > Tag.maxValueLength { kept.removeFirst() }
        return kept.joined(separator: ",")
    }
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

