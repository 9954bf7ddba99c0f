import AWSModel
import BGSHCore
import BGSHDeploy
import BGSHSyntax

/// `status`: the current service's deployment.
struct Status: Command {
    static let spec = CommandSpec(
        ["status"], group: .blueGreen,
        summary: "the deployment: id, strategy and step, state, weights, tasks and target health per colour, timers",
        options: [.flag("watch", help: "print it again whenever it changes, driving the schedule, until the deployment ends (Ctrl-C asks what to do)")],
        examples: [Example("status", "where the deployment is"), Example("status --watch", "follow it to the end")], scope: .service)

    static func view(_ view: DeploymentView) -> View {
        func side(_ name: String, _ s: Side?) -> [String] {
            guard let s else { return [name, "-", "-", "-", "-"] }
            return [name, DeployContext.percent(s.weightTenths), "\(s.running)/\(s.desired)", s.health,
                    String(s.taskDefinition?.split(separator: "/").last ?? "-")]
        }
        var json: [String: JSONValue] = ["state": .string(view.state.rawValue), "strategy": .string(view.strategy.name),
                                         "controller": .string(view.controller), "step": .number(Double(min(view.step, view.strategy.steps.count))),
                                         "steps": .number(Double(view.strategy.steps.count)),
                                         "deployment": view.id.map(JSONValue.string) ?? .null]
        for (name, s) in [("blue", view.blue), ("green", view.green)] {
            guard let s else { json[name] = .null; continue }
            json[name] = .object(["weight": .number(Double(s.weightTenths) / 10), "running": .number(Double(s.running)),
                                  "desired": .number(Double(s.desired)), "health": .string(s.health),
                                  "taskDefinition": s.taskDefinition.map(JSONValue.string) ?? .null])
        }
        if let at = view.terminationAt { json["blueTerminationInSeconds"] = .number(max(0, at - view.now)) }
        if view.isUndriven { json["driven"] = .bool(false) }
        // Under the ecs controller, ECS's own status and lifecycle stage.
        if let native = view.native {
            let parts = native.split(separator: " ").map(String.init)
            json["ecs"] = .object(["status": .string(parts.count > 1 ? parts[1] : native), "lifecycleStage": .string(parts.last ?? "")])
        }
        if let waiting = view.waitingFor { json["waitingFor"] = .string(waiting) }
        if let at = view.nextStepAt { json["nextStepInSeconds"] = .number(max(0, at - view.now)) }
        let table = Table(headers: ["COLOUR", "WEIGHT", "TASKS", "HEALTH", "TASK DEFINITION"], rows: [side("blue", view.blue), side("green", view.green)])
        return View(json: .object(json), table: table, text: [view.state.rawValue])
    }

    /// The lines above the table: the deployment, its controller, strategy and step; who drives it;
    /// the timers (COMMANDS.md's `status`).
    static func header(_ v: DeploymentView) -> [String] {
        var first = "deployment \(v.id ?? "-")  state \(v.state.rawValue)  controller \(v.controller)  strategy \(v.strategy.name)"
        if !v.strategy.steps.isEmpty { first += "  step \(min(v.step, v.strategy.steps.count))/\(v.strategy.steps.count)" }
        if let native = v.native { first += "  (\(native))" }
        var lines = [first]
        if let waiting = v.waitingFor { lines.append(waiting) }
        if let by = v.rolledBackBy { lines.append("rolled back by CodeDeploy's rollback deployment \(by)") }
        if let reason = v.reason { lines.append("why: \(reason)") }
        if let analysis = v.analysis {
            lines.append(analysis)
            // Each metric of that verdict, green beside blue.
            let width = v.analysisRows.map { $0[0].count }.max() ?? 0
            for row in v.analysisRows {
                lines.append("  \(row[0].padding(toLength: width, withPad: " ", startingAt: 0))  \(row[1].padding(toLength: 12, withPad: " ", startingAt: 0)) green \(row[2]), blue \(row[3])")
            }
        }
        if v.isUndriven {
            lines.append("no bgsh is driving its schedule: `wait done` or `status --watch` resumes it from this step")
        }
        if let at = v.nextStepAt, v.state == .inProgress, v.step < v.strategy.steps.count {
            let share = DeployContext.percent(v.strategy.steps[v.step])
            let who = v.controller == "codedeploy" ? "CodeDeploy moves it" : "while a bgsh waits on it"
            lines.append("next step: green to \(share) in \(Duration.format(seconds: max(0, at - v.now))) (\(who))")
        }
        if let at = v.terminationAt {
            let ended = v.controller == "codedeploy" ? "CodeDeploy removes blue now"
                : "the next bgsh that waits on it (`wait done`) removes blue"
            lines.append(at > v.now ? "blue is removed in \(Duration.format(seconds: at - v.now))"
                : "blue's termination wait ended \(Duration.format(seconds: v.now - at)) ago: \(ended)")
        }
        return lines
    }

    static func run(_ invocation: Invocation) throws {
        let controller = try DeployContext.controller(invocation)
        if invocation.flag("watch") {
            // A watching bgsh drives the schedule, as a waiting one does; it shows each change.
            try Wait.waitFor("done", timeout: nil, autoRollback: true, invocation, watching: true)
            return
        }
        let v = try DeployContext.act(invocation) { try controller.observe() }
        let shown = view(v)
        if invocation.session.outputFormat == .table {
            for line in header(v) { invocation.session.out.write(line + "\n") }
        }
        invocation.show(shown)
    }
}
