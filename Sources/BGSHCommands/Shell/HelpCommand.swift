import BGSHCore

/// `help [COMMAND…]`: the grouped list, or one command's page.
struct HelpCommand: Command {
    static let spec = CommandSpec(
        ["help"], group: .shell,
        summary: "list the commands by group, or show one command's usage, options and examples",
        arguments: [ArgumentSpec("COMMAND", .commandWords, optional: true, variadic: true, help: "a command's words")],
        examples: [Example("help", "every command, grouped"), Example("help cluster create", "one command's page")])

    static func run(_ invocation: Invocation) throws {
        do {
            invocation.session.out.write(try Help.render(invocation.strings("COMMAND"), table: invocation.interpreter.table))
        } catch var error as CommandError {
            error.span = invocation.span(of: "COMMAND")
            throw error
        }
    }
}
