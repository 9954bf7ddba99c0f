import BGSHCore

/// `history`: previous commands of this and earlier interactive sessions.
struct History: Command {
    static let spec = CommandSpec(
        ["history"], group: .shell,
        summary: "previous commands of this and earlier interactive sessions",
        arguments: [ArgumentSpec("COUNT", .integer(1...1_000_000), optional: true, help: "show only the last COUNT")],
        examples: [Example("history 20", "the last 20 commands")])

    static func run(_ invocation: Invocation) throws {
        let all = invocation.session.historyProvider?() ?? []
        let shown = invocation.integer("COUNT").map { Array(all.suffix($0)) } ?? all
        let first = all.count - shown.count + 1
        var out = ""
        for (i, line) in shown.enumerated() {
            let n = String(first + i)
            out += String(repeating: " ", count: max(0, 5 - n.count)) + n + "  " + line + "\n"
        }
        invocation.session.out.write(out)
    }
}
