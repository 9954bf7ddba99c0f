import BGSHCore

/// `echo WORD…`: print words separated by spaces.
struct Echo: Command {
    static let spec = CommandSpec(
        ["echo"], group: .shell,
        summary: "print words, separated by spaces",
        arguments: [ArgumentSpec("WORD", .string, optional: true, variadic: true, help: "text; variables are expanded")],
        examples: [Example("echo cluster is $CLUSTER", "print a variable's value")])

    static func run(_ invocation: Invocation) throws {
        invocation.session.out.write(invocation.strings("WORD").joined(separator: " ") + "\n")
    }
}
