import AWSModel
import BGSHCore

/// `ecr create NAME`: CreateRepository; re-running returns the existing repository.
struct EcrCreate: Command {
    static let spec = CommandSpec(
        ["ecr", "create"], group: .resources,
        summary: "create an ECR repository (CreateRepository); re-running returns the existing one",
        arguments: [ArgumentSpec("NAME", .string, help: "lower-case letters, digits, . _ - /")],
        options: [CommonOptions.as],
        examples: [Example("ecr create ecs-demo-app", "the seed's repository; prints its ARN")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let name = invocation.string("NAME") ?? ""
        let cloud = try invocation.cloud()
        if let existing = try absentIfNotFound({ try cloud.describeRepositories(DescribeRepositoriesRequest(repositoryNames: [name])).repositories.first }) {
            invocation.produce(existing.repositoryArn ?? "")
            return
        }
        let input = CreateRepositoryRequest(repositoryName: name)
        guard let output = try invocation.mutate("ecr:CreateRepository", input, { try cloud.createRepository(input) }) else {
            invocation.producePlaceholder(invocation.placeholderArn("ecr", "repository", name: name), kind: "ecr", name: name)
            return
        }
        invocation.produce(output.repository.repositoryArn ?? "")
    }
}
