import AWSModel
import BGSHCore

/// `codedeploy app create NAME`: CreateApplication (ECS); re-running returns the existing one.
struct CodeDeployAppCreate: Command {
    static let spec = CommandSpec(
        ["codedeploy", "app", "create"], group: .resources,
        summary: "create a CodeDeploy application for ECS (CreateApplication)",
        arguments: [ArgumentSpec("NAME", .string, help: "the application's name")],
        options: [CommonOptions.as],
        examples: [Example("codedeploy app create my-ecs-deploy", "the seed's application; prints its id")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let name = invocation.string("NAME") ?? ""
        let cloud = try invocation.cloud()
        if let existing = try absentIfNotFound({ try cloud.getApplication(GetApplicationInput(applicationName: name)).application }) {
            guard existing.computePlatform == "ECS" else {
                throw invocation.failure("application '\(name)' exists for \(existing.computePlatform ?? "another platform"), not ECS", at: "NAME")
            }
            invocation.produce(existing.applicationId ?? "")
            return
        }
        let input = CreateApplicationInput(applicationName: name, computePlatform: "ECS")
        guard let output = try invocation.mutate("codedeploy:CreateApplication", input, { try cloud.createApplication(input) }) else {
            invocation.produce("dryrun-\(name)")
            return
        }
        invocation.produce(output.applicationId)
    }
}
