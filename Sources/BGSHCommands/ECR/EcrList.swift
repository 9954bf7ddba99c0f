import AWSModel
import BGSHCore

/// `ecr list`: DescribeRepositories.
struct EcrList: Command {
    static let spec = CommandSpec(
        ["ecr", "list"], group: .resources,
        summary: "list the ECR repositories (DescribeRepositories)",
        examples: [Example("ecr list", "name and URI of each repository")])

    static func run(_ invocation: Invocation) throws {
        let output = DescribeRepositoriesResponse(repositories: try invocation.cloud().describeAllRepositories())
        invocation.show(View(json: try JSONValue.from(output),
                             table: Table(headers: ["NAME", "URI"], rows: output.repositories.map { [$0.repositoryName ?? "", $0.repositoryUri ?? ""] }),
                             text: output.repositories.compactMap(\.repositoryName)))
    }
}
