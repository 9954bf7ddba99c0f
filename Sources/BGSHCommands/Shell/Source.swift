import BGSHCore

/// `source FILE`: run a runbook inside this one (checked whole first; no recursion).
struct Source: Command {
    static let spec = CommandSpec(
        ["source"], group: .shell,
        summary: "run a runbook here (checked whole first); relative to the file that sources it",
        arguments: [ArgumentSpec("FILE", .file(extensions: ["bgsh"]), help: "a .bgsh runbook")],
        examples: [Example("source setup.bgsh", "run setup.bgsh, which sits beside this runbook")])

    static func run(_ invocation: Invocation) throws {
        let written = invocation.string("FILE") ?? ""
        let path = invocation.resolvePath(written)
        do {
            try invocation.interpreter.runSourced(path: path, shownAs: invocation.interpreter.displayName(for: path, as: written))
        } catch var error as CommandError where !error.isAlreadyReported {
            error.span = invocation.span(of: "FILE")
            throw error
        }
    }
}
