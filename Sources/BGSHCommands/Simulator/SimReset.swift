import BGSHCore

/// `sim reset`: empty the simulated account.
struct SimReset: Command {
    static let spec = CommandSpec(
        ["sim", "reset"], group: .simulator,
        summary: "empty the simulated account (every region) and reset its clock",
        options: [CommonOptions.yes],
        examples: [Example("sim reset --yes", "start over without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        if invocation.skipsUnderDryRun() { return }  // the simulator's own state: a dry run changes nothing
        let emulator = try invocation.session.emulator(for: "sim reset")
        try invocation.confirmDelete("everything in the simulated account")
        try emulator.reset()
        invocation.session.cluster = nil
        invocation.session.completionCache.removeAll()
        invocation.session.out.write("the simulated account is empty\n")
    }
}
