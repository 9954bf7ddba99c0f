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
        // The simulator's own state is not AWS's, but a dry run changes nothing at all.
        if invocation.session.isDryRun {
            invocation.session.out.write("dry-run: \(invocation.source.text(of: invocation.binding.span))\n")
            return
        }
        let emulator = try invocation.session.emulator(for: "sim reset")
        try invocation.confirmDelete("everything in the simulated account")
        try emulator.reset()
        invocation.session.cluster = nil
        invocation.session.completionCache.removeAll()
        invocation.session.out.write("the simulated account is empty\n")
    }
}
