import AWSModel
import BGSHCore

/// `vars`: the session variables.
struct Vars: Command {
    static let spec = CommandSpec(
        ["vars"], group: .shell,
        summary: "list the session variables (and $_, $?)",
        examples: [Example("vars", "NAME and VALUE of each variable")])

    static func run(_ invocation: Invocation) throws {
        let s = invocation.session
        let names = s.variables.keys.sorted()
        var rows = names.map { [$0, s.variables[$0] ?? ""] }
        if let last = s.lastResult { rows.append(["_", last]) }
        rows.append(["?", String(s.lastStatus)])
        invocation.show(View(json: .object(s.variables.mapValues(JSONValue.string)),
                             table: Table(headers: ["NAME", "VALUE"], rows: rows),
                             text: names.map { "\($0)=\(s.variables[$0] ?? "")" }))
    }
}
