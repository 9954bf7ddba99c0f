import BGSHCore
import Foundation

/// `sleep DURATION`: wait; on the simulator the virtual clock moves instead of the wall clock.
struct Sleep: Command {
    static let spec = CommandSpec(
        ["sleep"], group: .shell,
        summary: "wait; on the simulator the virtual clock moves (see `sim pace`)",
        arguments: [ArgumentSpec("DURATION", .duration, help: "how long")],
        examples: [Example("sleep 5m", "let five minutes pass")])

    static func run(_ invocation: Invocation) throws {
        guard let duration = invocation.duration("DURATION") else { return }
        // A dry run moves no clock: nothing it would wait for was made.
        if invocation.skipsUnderDryRun() { return }
        // Under `sim pace N` (and on AWS) the wait takes wall time, so another shell can act
        // meanwhile; Ctrl-C ends it at once.
        guard try DeployContext.pass(duration.timeInterval, invocation) else {
            // A runbook stops between commands on the pending interrupt (exit 130); at the prompt
            // the shell takes it here and carries on.
            if invocation.session.isInteractive, invocation.session.takeInterrupt?() == true {
                throw invocation.failure("sleep interrupted")
            }
            return
        }
    }
}
