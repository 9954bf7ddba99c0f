import AWSModel
import BGSHCore

/// `codedeploy app delete NAME`: DeleteApplication (its deployment groups go with it).
struct CodeDeployAppDelete: Command {
    static let spec = CommandSpec(
        ["codedeploy", "app", "delete"], group: .resources,
        summary: "delete a CodeDeploy application and its deployment groups (DeleteApplication)",
        arguments: [ArgumentSpec("NAME", .resource(.codedeployApp), help: "the application")],
        options: [CommonOptions.yes],
        examples: [Example("codedeploy app delete my-ecs-deploy --yes", "delete without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let name = invocation.string("NAME") ?? ""
        let cloud = try invocation.cloud()
        guard (try absentIfNotFound({ try cloud.getApplication(GetApplicationInput(applicationName: name)) })) != nil else {
            throw invocation.failure("CodeDeploy application '\(name)' not found in \(invocation.session.region)", at: "NAME")
        }
        try invocation.confirmDelete("CodeDeploy application \(name) and its deployment groups")
        let input = DeleteApplicationInput(applicationName: name)
        guard try invocation.mutate("codedeploy:DeleteApplication", input, { try cloud.deleteApplication(input) }) != nil else { return }
        invocation.session.out.write("deleted CodeDeploy application \(name)\n")
    }
}
