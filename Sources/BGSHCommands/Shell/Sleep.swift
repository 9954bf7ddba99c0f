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
        if let emulator = invocation.session.backend.emulator {
            // Under `sim pace N` the wait takes wall time too, so another shell can act meanwhile.
            if let pace = try emulator.pace() { Thread.sleep(forTimeInterval: Double(duration.seconds) / pace) }
            try emulator.advance(seconds: Double(duration.seconds))
        } else {
            Thread.sleep(forTimeInterval: Double(duration.seconds))
        }
    }
}
