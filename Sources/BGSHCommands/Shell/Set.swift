import BGSHCore

/// `set NAME VALUE…`: a session variable (several words are joined with spaces).
struct SetCommand: Command {
    static let spec = CommandSpec(
        ["set"], group: .shell,
        summary: "set a session variable; several words are joined with spaces",
        arguments: [ArgumentSpec("NAME", .variableName, help: "letters, digits and _"),
                    ArgumentSpec("VALUE", .string, variadic: true, help: "its value")],
        examples: [Example("set IMAGE ecs-demo-app:v2", "then use $IMAGE"),
                   Example("set GREETING hello world", "$GREETING is 'hello world'")])

    static func run(_ invocation: Invocation) throws {
        let name = invocation.string("NAME") ?? ""
        invocation.session.variables[name] = invocation.strings("VALUE").joined(separator: " ")
    }
}
