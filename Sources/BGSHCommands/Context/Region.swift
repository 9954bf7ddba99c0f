import BGSHCore

/// `region [NAME]`: show or set the region; setting it clears cluster and service.
struct Region: Command {
    static let spec = CommandSpec(
        ["region"], group: .context,
        summary: "show or set the region; setting it clears cluster and service",
        arguments: [ArgumentSpec("NAME", .choice(Regions.known), optional: true, help: "an AWS region")],
        examples: [Example("region us-east-1", "work in N. Virginia"), Example("region", "print the region")])

    static func run(_ invocation: Invocation) throws {
        guard let name = invocation.string("NAME") else {
            invocation.session.out.write(invocation.session.region + "\n")
            return
        }
        invocation.session.region = name
    }
}
