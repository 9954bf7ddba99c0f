import BGSHCore

/// `unset NAME`: forget a session variable.
struct Unset: Command {
    static let spec = CommandSpec(
        ["unset"], group: .shell,
        summary: "forget a session variable",
        arguments: [ArgumentSpec("NAME", .variableName, help: "a variable set with `set`")],
        examples: [Example("unset IMAGE", "$IMAGE is undefined again")])

    static func run(_ invocation: Invocation) throws {
        let name = invocation.string("NAME") ?? ""
        guard invocation.session.variables.removeValue(forKey: name) != nil else {
            let hint = Suggest.closest(to: name, in: Array(invocation.session.variables.keys)).map { " (did you mean '\($0)'?)" } ?? ""
            throw invocation.failure("no session variable '\(name)'\(hint)", at: "NAME")
        }
    }
}
