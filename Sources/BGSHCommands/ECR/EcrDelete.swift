import AWSModel
import BGSHCore

/// `ecr delete NAME [--force]`: DeleteRepository.
struct EcrDelete: Command {
    static let spec = CommandSpec(
        ["ecr", "delete"], group: .resources,
        summary: "delete an ECR repository (DeleteRepository); asks first on a terminal",
        arguments: [ArgumentSpec("NAME", .resource(.ecrRepository), help: "the repository")],
        options: [.flag("force", help: "delete it even if it holds images"), CommonOptions.yes],
        examples: [Example("ecr delete ecs-demo-app --force --yes", "delete it and its images, without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let name = invocation.string("NAME") ?? ""
        let cloud = try invocation.cloud()
        let names = try cloud.describeAllRepositories().compactMap(\.repositoryName)
        guard names.contains(name) else {
            throw Resolve.notFound("repository", name, names, invocation, at: "NAME", create: "ecr create NAME")
        }
        try invocation.confirmDelete("repository \(name)")
        let input = DeleteRepositoryRequest(repositoryName: name, force: invocation.flag("force") ? true : nil)
        guard try invocation.mutate("ecr:DeleteRepository", input, { try cloud.deleteRepository(input) }) != nil else { return }
        invocation.session.out.write("deleted repository \(name)\n")
    }
}
