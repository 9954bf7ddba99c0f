import BGSHCore

/// `history`: previous commands of this and earlier interactive sessions.
struct History: Command {
    static let spec = CommandSpec(
        ["history"], group: .shell,
        summary: "previous commands of this and earlier sessions (this one's numbered as its errors are)",
        arguments: [ArgumentSpec("COUNT", .integer(1...1_000_000), optional: true, help: "show only the last COUNT")],
        examples: [Example("history 20", "the last 20 commands")])

    static func run(_ invocation: Invocation) throws {
        let session = invocation.session
        let all = session.historyProvider?() ?? []
        // Earlier sessions' commands, then this session's: each with the line it began on, so
        // that `<stdin>:7:3` in an error is entry 7 here; a multi-line command is shown whole.
        var entries: [(number: String, text: String)] = all.prefix(session.earlierHistoryCount).map { ("·", $0) }
        let own = session.typed.isEmpty && session.earlierHistoryCount == 0
            ? all.enumerated().map { (String($0.offset + 1), $0.element) }  // no REPL (a test's provider): plain numbers
            : session.typed.map { (String($0.line), $0.text) }
        entries += own
        let shown = invocation.integer("COUNT").map { Array(entries.suffix($0)) } ?? entries
        var out = ""
        for entry in shown {
            for (i, line) in entry.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let number = i == 0 ? entry.number : ""
                out += String(repeating: " ", count: max(0, 5 - number.count)) + number + "  " + line + "\n"
            }
        }
        session.out.write(out)
    }
}
