import BGSHCore

/// `refresh`: drop the completion cache of live resource names.
struct Refresh: Command {
    static let spec = CommandSpec(
        ["refresh"], group: .shell,
        summary: "drop the completion cache (TAB asks the backend again)",
        examples: [Example("refresh", "after another shell created resources")])

    static func run(_ invocation: Invocation) throws {
        invocation.session.completionCache.removeAll()
    }
}
