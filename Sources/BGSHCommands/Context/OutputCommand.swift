import BGSHCore

/// `output table|json|text`: the output format from here on.
struct OutputCommand: Command {
    static let spec = CommandSpec(
        ["output"], group: .context,
        summary: "show or set the output format from here on",
        arguments: [ArgumentSpec("FORMAT", .choice(OutputFormat.allCases.map(\.rawValue)), optional: true,
                                 help: "table (aligned columns), json (the aws CLI's document), text (bare values)")],
        examples: [Example("output json", "print the aws CLI's JSON documents")])

    static func run(_ invocation: Invocation) throws {
        let session = invocation.session
        guard let name = invocation.string("FORMAT") else {
            session.out.write(session.outputFormat.rawValue + "\n")
            return
        }
        session.outputFormat = OutputFormat(rawValue: name) ?? .table
    }
}
