/// The `--strategy` literal: a schedule of shifts. Its grammar lives here, beside the other
/// literals, so the binder checks it ahead (the spec's `.strategy` kind) and the engine reads it
/// with the same parser.
///
/// A schedule of shifts: manual, all-at-once, canary P% then 100 % after T, linear +P% every T.
public struct Strategy: Sendable, Equatable, CustomStringConvertible {
    /// The name as typed (`canary:10%:5m`).
    public var name: String
    /// Green's share after each step, in tenths; the last is 1000 (then promote).
    public var steps: [Int]
    /// Time between steps, in seconds.
    public var interval: Int

    /// Creates a schedule.
    public init(name: String, steps: [Int], interval: Int) {
        self.name = name
        self.steps = steps
        self.interval = interval
    }

    /// Nothing moves until `shift`/`promote`.
    public static let manual = Strategy(name: "manual", steps: [], interval: 0)

    /// The name.
    public var description: String { name }

    /// CodeDeploy's predefined ECS configurations: green's share after each step, the interval.
    static let codeDeploySchedules: [String: ([Int], Int)] = [
        "CodeDeployDefault.ECSAllAtOnce": ([1000], 0),
        "CodeDeployDefault.ECSCanary10Percent5Minutes": ([100, 1000], 300),
        "CodeDeployDefault.ECSCanary10Percent15Minutes": ([100, 1000], 900),
        "CodeDeployDefault.ECSLinear10PercentEvery1Minutes": (Array(stride(from: 100, through: 1000, by: 100)), 60),
        "CodeDeployDefault.ECSLinear10PercentEvery3Minutes": (Array(stride(from: 100, through: 1000, by: 100)), 180),
    ]

    /// CodeDeploy's predefined ECS configuration names, sorted (for completion and help).
    public static var codeDeployNames: [String] { codeDeploySchedules.keys.sorted() }

    /// Reads a strategy: `manual`, `all-at-once`, `canary:P%:T`, `linear:P%:T`, or a CodeDeploy name.
    /// - Returns: nil with the reason when it is not one.
    public static func parse(_ text: String) -> Result<Strategy, LiteralError> {
        if text == "manual" { return .success(.manual) }
        if text == "all-at-once" { return .success(Strategy(name: text, steps: [1000], interval: 0)) }
        if let (steps, interval) = codeDeploySchedules[text] { return .success(Strategy(name: text, steps: steps, interval: interval)) }
        let parts = text.split(separator: ":").map(String.init)
        guard parts.count == 3, ["canary", "linear"].contains(parts[0]) else {
            return .failure(LiteralError("'\(text)' is not a strategy: manual, all-at-once, canary:P%:T, linear:P%:T or a CodeDeployDefault.ECS… name"))
        }
        // The language's own literals (BGSHSyntax), with their range and overflow guards.
        guard case .success(let share) = Percentage.parse(parts[1], allowsSign: false), share.tenths > 0, share.tenths < 1000 else {
            return .failure(LiteralError("'\(parts[1])' in '\(text)' is not a percentage between 0% and 100% (like 10%)"))
        }
        guard case .success(let duration) = Duration.parse(parts[2]), duration.seconds > 0 else {
            return .failure(LiteralError("'\(parts[2])' in '\(text)' is not a duration (like 5m)"))
        }
        let percent = share.tenths, interval = duration.seconds
        if parts[0] == "canary" { return .success(Strategy(name: text, steps: [percent, 1000], interval: interval)) }
        var steps = Array(stride(from: percent, to: 1000, by: percent))
        steps.append(1000)
        return .success(Strategy(name: text, steps: steps, interval: interval))
    }
}

