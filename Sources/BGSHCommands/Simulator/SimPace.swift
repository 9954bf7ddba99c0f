import AWSModel
import BGSHCore

/// `sim pace instant|real|N`: how the virtual clock runs while bgsh waits.
struct SimPace: Command {
    static let spec = CommandSpec(
        ["sim", "pace"], group: .simulator,
        summary: "how the clock runs while bgsh waits: instant (waits jump), real, or N virtual seconds a second",
        arguments: [ArgumentSpec("PACE", .suggested(["instant", "real", "10", "60"]), optional: true, help: "instant, real, or a number like 60 (a minute a second)")],
        examples: [Example("sim pace 60", "a minute of virtual time per wall second, so another shell can act meanwhile")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        if invocation.skipsUnderDryRun() { return }  // the simulator's own state: a dry run changes nothing
        let emulator = try invocation.session.emulator(for: "sim pace")
        guard let text = invocation.string("PACE") else {
            let pace = try emulator.pace()
            invocation.session.out.write((pace.map { $0 == 1 ? "real" : JSONValue.number($0).plainText } ?? "instant") + "\n")
            return
        }
        switch text {
        case "instant": try emulator.setPace(nil)
        case "real": try emulator.setPace(1)
        default:
            guard let n = Double(text), n > 0, n <= 100_000 else {
                throw invocation.failure("'\(text)' is not a pace: instant, real, or a number of virtual seconds per second (0 < N <= 100000)", at: "PACE")
            }
            try emulator.setPace(n)
        }
    }
}
