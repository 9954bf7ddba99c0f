import BGSHCore
import BGSHDeploy

/// `wait healthy|shifted|done [--timeout D]`: block until green is healthy, the schedule has made
/// its last shift, or the deployment has ended. The waiting bgsh drives the schedule.
struct Wait: Command {
    static let spec = CommandSpec(
        ["wait"], group: .blueGreen,
        summary: "wait until green is healthy / the schedule has shifted all / the deployment is done (and drive its schedule)",
        arguments: [ArgumentSpec("UNTIL", .choice(["healthy", "shifted", "done"]), help: "what to wait for")],
        options: [.option("timeout", .duration, valueName: "DURATION", help: "give up after this long (default: the schedule's remaining time + 10m)"),
                  .flag("no-auto-rollback", help: "do not roll back when green turns unhealthy")],
        examples: [Example("wait done", "until succeeded, rolled back or failed"), Example("wait healthy --timeout 5m", "green's targets all healthy")], scope: .service)

    static func run(_ invocation: Invocation) throws {
        try waitFor(invocation.string("UNTIL") ?? "done", timeout: invocation.duration("timeout")?.seconds,
                    autoRollback: !invocation.flag("no-auto-rollback"), invocation)
    }

    /// Ctrl-C while waiting: on a terminal, ask what to do; in a runbook, leave the deployment
    /// as it is and say how to go on. Either way nothing is half-done: this runs between calls.
    static func interrupted(_ view: DeploymentView, _ controller: any BlueGreenController, _ invocation: Invocation) throws {
        let session = invocation.session
        let id = view.id ?? ""
        let resume = "`wait done` resumes driving it, `rollback` rolls it back"
        if session.isInteractive, let ask = session.ask, view.state.isActive {
            let offered = choices(view)
            let marked = offered.map { "[\($0.prefix(1))]\($0.dropFirst())" }
            let listed = marked.count == 2 ? marked.joined(separator: " or ") : marked.dropLast().joined(separator: ", ") + " or " + marked.last!
            session.out.flush()
            let question = "interrupted: deployment \(id) is \(view.state.rawValue) \(DeployContext.split(view)). \(listed)? "
            let answer = pick(question, offered, session, ask: ask)
            switch answer {
            case "r":
                try DeployContext.act(invocation) { try controller.rollback() }
                session.out.write(view.controller == "ecs" ? "rolled back (StopServiceDeployment): blue takes all production traffic; ECS removes green\n"
                                  : "rolled back: blue takes all production traffic; green removed\n")
            case "h":
                try DeployContext.act(invocation) { try controller.hold(true) }
                session.out.write("holding deployment \(id): `resume`, then \(resume)\n")
            default:
                let left = view.controller == "codedeploy" ? "goes on under CodeDeploy (it drives its own schedule)"
                    : view.controller == "ecs" ? "goes on under ECS (it drives its own schedule)"
                    : view.state == .baking ? "keeps blue until its termination wait ends, which the next bgsh that waits on it finishes"
                    : "holds at its current step until a bgsh waits on it"
                session.out.write("detached: deployment \(id) \(left); \(resume)\n")
            }
            return
        }
        throw invocation.failure("interrupted: deployment \(id) is left \(view.state.rawValue) \(DeployContext.split(view)); \(resume)", exitCode: 130)
    }

    /// The interrupt question's answer: on a terminal the letter alone (COMMANDS.md: a line or
    /// a single key), else a line; only what the state allows — anything else is asked again,
    /// as psql does. No answer (end of input, a second Ctrl-C) is detach.
    static func pick(_ question: String, _ offered: [String], _ session: Session, ask: (String) -> String?) -> Character {
        let letters = offered.compactMap(\.first)
        if let askKey = session.askKey { return askKey(question, Set(letters)) ?? "d" }
        while true {
            guard let first = ask(question)?.lowercased().first else { return "d" }
            if letters.contains(first) { return first }
            session.out.write("answer \(letters.map(String.init).joined(separator: ", ")) (\(offered.joined(separator: ", ")))\n")
            session.out.flush()
        }
    }

    /// The answers the interrupt question offers in this state (COMMANDS.md: only those the
    /// deployment's state allows): hold only where a taskset schedule can pause.
    static func choices(_ view: DeploymentView) -> [String] {
        let canHold = view.controller == "taskset" && [.starting, .inProgress].contains(view.state)
        return canHold ? ["detach", "hold", "rollback"] : ["detach", "rollback"]
    }

    /// When to look again: at the next scheduled event, or after one health-check interval (the
    /// cadence at which green's health can change; 30 s by default).
    static func nextLook(_ view: DeploymentView) -> Double {
        var next = view.now + Double(view.green?.healthCheckInterval ?? 30)
        if let at = view.terminationAt, view.state == .baking { next = at }
        if let at = view.nextStepAt, view.state == .inProgress, view.green?.health == "healthy" { next = min(next, max(at, view.now + 1)) }
        return next
    }

    /// Waits (and drives the schedule) until `until` holds.
    /// - Parameter watching: `status --watch`: no deadline of its own, and while the deployment
    ///   waits on an operator (a manual or held schedule, green healthy) under `sim pace instant`
    ///   it looks again on the wall clock instead of jumping the virtual one.
    static func waitFor(_ until: String, timeout: Int?, autoRollback: Bool, _ invocation: Invocation, watching: Bool = false,
                        onEachLook: ((DeploymentView) -> Void)? = nil) throws {
        // A dry run moves no clock and drives no schedule: what it would wait on was not made.
        if invocation.skipsUnderDryRun() { return }
        invocation.session.out.flush()  // what came before shows before the wait (and before any question)
        let controller = try DeployContext.controller(invocation)
        var view = try DeployContext.act(invocation) { try controller.observe() }
        if view.state.isActive, view.green?.health != "healthy" { DeployContext.noteProvisioning(invocation) }
        if until == "shifted", view.strategy.steps.isEmpty, [.starting, .inProgress, .holding].contains(view.state) {
            throw invocation.failure("wait shifted: the strategy is manual, nothing shifts by itself (use `shift` and `promote`)")
        }
        let remaining = view.strategy.steps.isEmpty ? 0 : (view.strategy.steps.count - view.step) * view.strategy.interval
        let deadline = view.now + Double(timeout ?? (remaining + Int(view.terminationAt.map { max(0, $0 - view.now) } ?? 300) + 600))
        let live = LiveView(invocation.session, everyChange: watching)
        while true {
            if invocation.session.takeInterrupt?() == true {
                try interrupted(view, controller, invocation)
                return
            }
            let round = try DeployContext.act(invocation) { try controller.drive(autoRollback: autoRollback) }
            view = round.view
            live.show(view, event: round.event)
            onEachLook?(view)
            switch view.state {
            case .rolledBack:
                throw invocation.failure("deployment \(view.id ?? "") ended rolled back", exitCode: 4)
            case .failed:
                throw invocation.failure("deployment \(view.id ?? "") failed")
            case .none:
                throw invocation.failure("no deployment to wait for: start one with `deploy`")
            default: break
            }
            switch until {
            case "healthy" where view.green?.health == "healthy": return
            case "shifted" where view.state == .baking || view.state == .succeeded || (view.green?.weightTenths ?? 0) == 1000: return
            case "done" where view.state == .succeeded:
                invocation.session.out.write("deployment \(view.id ?? "") succeeded\n")
                return
            default: break
            }
            if watching {
                let waitsOnOperator = [.inProgress, .holding].contains(view.state) && view.green?.health == "healthy"
                    && (view.strategy.steps.isEmpty || (view.state == .holding && !view.isUndriven))
                let instant = try invocation.session.backend.emulator.map { try $0.pace() == nil } ?? false
                if waitsOnOperator && instant {
                    DeployContext.idle(0.5, invocation)
                    continue
                }
                try DeployContext.pass(nextLook(view) - view.now, invocation)
                continue
            }
            guard view.now < deadline else {
                throw invocation.failure("wait \(until) timed out: deployment \(view.id ?? "") is \(view.state.rawValue) \(DeployContext.split(view))")
            }
            try DeployContext.pass(min(nextLook(view), deadline) - view.now, invocation)
        }
    }
}
