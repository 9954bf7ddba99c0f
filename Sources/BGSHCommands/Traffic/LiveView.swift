import BGSHCore
import BGSHDeploy
import BGSHSyntax
import Foundation

/// What `wait`, `deploy --wait` and `status --watch` show while they wait. On a terminal, a
/// panel redrawn in place: the split as a bar, the strategy's step, healthy/desired tasks per
/// colour, the next step and blue-termination countdowns, the last events. Elsewhere (a pipe, a
/// file, a runbook's output), plain timestamped lines: each event, and with `everyChange` (status
/// --watch) each change of state, split or health.
final class LiveView {
    let session: Session
    let everyChange: Bool
    let isTerminal: Bool
    private var drawn = 0
    private var events: [String] = []
    private var last = ""

    init(_ session: Session, everyChange: Bool) {
        self.session = session
        self.everyChange = everyChange
        isTerminal = session.isInteractive && session.outputIsTerminal
    }

    /// One look at the deployment, and the event of that round, if any.
    func show(_ view: DeploymentView, event: String?) {
        let stamp = isoSeconds(view.now)
        if let event { events = Array((events + ["\(stamp.dropFirst(11).prefix(8))  \(event)"]).suffix(3)) }
        guard isTerminal else {
            if let event { session.out.write("\(stamp)  \(event)\n") }
            let shown = "\(view.state.rawValue) \(DeployContext.split(view)) \(view.green?.health ?? "-")"
            if everyChange, shown != last {
                last = shown
                session.out.write("\(stamp)  \(view.id ?? "-")  \(shown)\n")
            }
            session.out.flush()
            return
        }
        let lines = LiveView.panel(view, events: events, colour: session.usesColor)
        // Up to the panel's first line, then each line cleared and written again.
        var out = drawn > 0 ? "\r\u{1B}[\(drawn)A" : ""
        for line in lines { out += "\u{1B}[2K" + line + "\n" }
        for _ in lines.count..<max(lines.count, drawn) { out += "\u{1B}[2K\n" }
        session.out.write(out)
        session.out.flush()
        drawn = max(lines.count, drawn)
    }

    /// The panel's lines (80 columns at most).
    static func panel(_ v: DeploymentView, events: [String], colour: Bool) -> [String] {
        var head = "deployment \(v.id ?? "-")  \(v.state.rawValue)  \(v.strategy.name)"
        if !v.strategy.steps.isEmpty { head += "  step \(min(v.step, v.strategy.steps.count))/\(v.strategy.steps.count)" }
        var lines = [head, bar(blue: v.blue?.weightTenths ?? 0, green: v.green?.weightTenths ?? 0, colour: colour)]
        for (name, side) in [("blue", v.blue), ("green", v.green)] {
            guard let side else { lines.append("\(name.padding(toLength: 6, withPad: " ", startingAt: 0)) -"); continue }
            let definition = side.taskDefinition?.split(separator: "/").last.map(String.init) ?? "-"
            lines.append("\(name.padding(toLength: 6, withPad: " ", startingAt: 0)) \(side.running)/\(side.desired) tasks  \(side.health)  \(definition)")
        }
        if let at = v.nextStepAt, v.state == .inProgress, v.step < v.strategy.steps.count {
            lines.append("next step: green to \(DeployContext.percent(v.strategy.steps[v.step])) in \(Duration.format(seconds: max(0, at - v.now)))")
        }
        if let at = v.terminationAt { lines.append("blue is removed in \(Duration.format(seconds: max(0, at - v.now)))") }
        if let waiting = v.waitingFor { lines.append(waiting) }
        lines += events.map { "  " + $0 }
        return lines.map { $0.count > 80 ? String($0.prefix(79)) + "…" : $0 }
    }

    /// `blue ████████████░░░░ green  75% | 25%`, the shares in blocks of 2.5 %.
    static func bar(blue: Int, green: Int, colour: Bool) -> String {
        let width = 40
        let total = max(1, blue + green)
        let greenCells = Int((Double(green) / Double(total) * Double(width)).rounded())
        let blueCells = width - greenCells
        let b = String(repeating: "█", count: blueCells), g = String(repeating: colour ? "█" : "░", count: greenCells)
        let shown = colour ? "\u{1B}[34m\(b)\u{1B}[32m\(g)\u{1B}[0m" : b + g
        return "blue \(shown) green  \(DeployContext.percent(blue)) | \(DeployContext.percent(green))"
    }
}
