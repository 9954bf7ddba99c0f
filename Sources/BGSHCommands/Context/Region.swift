import BGSHCore

/// `region [NAME]`: show or set the region; setting it clears cluster and service.
struct Region: Command {
    static let spec = CommandSpec(
        ["region"], group: .context,
        summary: "show or set the region; setting it clears cluster and service",
        arguments: [ArgumentSpec("NAME", .choice(Region.known), optional: true, help: "an AWS region")],
        examples: [Example("region us-east-1", "work in N. Virginia"), Example("region", "print the region")])

    /// The commercial regions (as of 2026).
    static let known = [
        "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1",
        "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5",
        "ap-southeast-7", "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1",
        "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1",
        "mx-central-1", "sa-east-1", "us-east-1", "us-east-2", "us-west-1", "us-west-2",
    ]

    static func run(_ invocation: Invocation) throws {
        guard let name = invocation.string("NAME") else {
            invocation.session.out.write(invocation.session.region + "\n")
            return
        }
        invocation.session.region = name
    }
}
