import BGSHCore

/// `profile [NAME]`: show or switch the AWS profile (used by the aws backend).
struct Profile: Command {
    static let spec = CommandSpec(
        ["profile"], group: .context,
        summary: "show or switch the AWS profile (aws backend); clears cluster and service",
        arguments: [ArgumentSpec("NAME", .profile, optional: true, help: "a profile of ~/.aws/config")],
        examples: [Example("profile prod", "use the prod profile's credentials and region"),
                   Example("profile", "print the profile")])

    static func run(_ invocation: Invocation) throws {
        let session = invocation.session
        guard let name = invocation.string("NAME") else {
            session.out.write((session.profile ?? "default") + "\n")
            return
        }
        guard !name.isEmpty else { throw invocation.failure("a profile name cannot be empty", at: "NAME") }
        guard session.backend.emulator == nil else {
            session.out.writeError("notice: profiles mean nothing on the simulator; start bgsh with --backend aws to use '\(name)'\n")
            return
        }
        // Like `region`: what was selected belongs to the old account.
        let region = try session.backend.useProfile(name)
        session.profile = name
        session.dropCloud()
        session.cluster = nil
        if let region { session.region = region }
    }
}
