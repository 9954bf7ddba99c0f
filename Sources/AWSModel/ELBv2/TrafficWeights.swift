/// What bgsh and its simulator agree on about ELBv2 target groups: the weights a weighted
/// forward takes, and one word for a group's health.
public enum TrafficWeights {
    /// Integer listener weights (0–999, as AWS takes them) that keep a green share of
    /// `greenTenths`/1000, written as an operator reads them in the console and the aws CLI: in
    /// percent for a whole percentage (10 % is 90:10, 100 % is 0:100), in per mille otherwise
    /// (12.5 % is 875:125).
    public static func forGreen(tenths greenTenths: Int) -> (blue: Int, green: Int) {
        let green = min(1000, max(0, greenTenths))
        if green % 10 == 0 { return (100 - green / 10, green / 10) }
        return (1000 - green, green)
    }
}

extension TargetHealth {
    /// A group's targets in one word, as COMMANDS.md names it: healthy (at least one, all
    /// healthy), unhealthy (any), initial (any still in its first checks), draining, none.
    /// Targets of tasks that are gone drain for the deregistration delay; they say nothing about
    /// the tasks serving now, so they count only when nothing else is there.
    public static func summary(of all: [String]) -> String {
        if all.isEmpty { return "none" }
        let states = all.contains { $0 != "draining" } ? all.filter { $0 != "draining" } : all
        if states.contains("unhealthy") { return "unhealthy" }
        if states.contains("initial") { return "initial" }
        if states.allSatisfy({ $0 == "healthy" }) { return "healthy" }
        if states.contains("draining") { return "draining" }
        return states[0]
    }
}
