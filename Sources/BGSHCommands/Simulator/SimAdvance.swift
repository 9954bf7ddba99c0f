import BGSHCore

/// `sim advance DURATION`: move the virtual clock.
struct SimAdvance: Command {
    static let spec = CommandSpec(
        ["sim", "advance"], group: .simulator,
        summary: "move the virtual clock forward (tasks start, health checks pass, targets drain)",
        arguments: [ArgumentSpec("DURATION", .duration, help: "how far")],
        examples: [Example("sim advance 3m", "three minutes later")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        if invocation.skipsUnderDryRun() { return }  // the simulator's own state: a dry run changes nothing
        let emulator = try invocation.session.emulator(for: "sim advance")
        try emulator.advance(seconds: Double(invocation.duration("DURATION")?.seconds ?? 0))
        invocation.session.out.write(isoSeconds(try emulator.now()) + "\n")
    }
}
