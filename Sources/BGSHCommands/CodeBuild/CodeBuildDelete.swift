import AWSModel
import BGSHCore

/// `codebuild delete NAME`: DeleteProject.
struct CodeBuildDelete: Command {
    static let spec = CommandSpec(
        ["codebuild", "delete"], group: .build,
        summary: "delete a CodeBuild project (DeleteProject); its builds stay listed; asks first on a terminal",
        arguments: [ArgumentSpec("NAME", .resource(.codebuildProject), help: "the project")],
        options: [CommonOptions.yes],
        examples: [Example("codebuild delete my-ecs-app-build --yes", "delete it without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let name = invocation.string("NAME") ?? ""
        let cloud = try invocation.cloud()
        _ = try Resolve.project(name, invocation, at: "NAME")
        try invocation.confirmDelete("CodeBuild project \(name)")
        let input = DeleteProjectInput(name: name)
        guard try invocation.mutate("codebuild:DeleteProject", input, { try cloud.deleteProject(input) }) != nil else { return }
        invocation.session.out.write("deleted CodeBuild project \(name)\n")
    }
}
