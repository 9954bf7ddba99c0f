import AWSModel
import BGSHCore

/// `codebuild describe NAME`: BatchGetProjects of one project.
struct CodeBuildDescribe: Command {
    static let spec = CommandSpec(
        ["codebuild", "describe"], group: .build,
        summary: "describe a CodeBuild project (BatchGetProjects)",
        arguments: [ArgumentSpec("NAME", .resource(.codebuildProject), help: "the project")],
        options: [CommonOptions.get, CommonOptions.as],
        examples: [Example("codebuild describe my-ecs-app-build", "source, buildspec, environment, VPC and logs"),
                   Example("codebuild describe my-ecs-app-build --get projects.0.arn", "its ARN alone")])

    static func run(_ invocation: Invocation) throws {
        if Resolve.dryRunRead(invocation.string("NAME"), invocation) { return }
        let name = invocation.string("NAME") ?? ""
        let p = try Resolve.project(name, invocation, at: "NAME")
        let output = BatchGetProjectsOutput(projects: [p], projectsNotFound: [])
        let variables = (p.environment?.environmentVariables ?? []).map { "\($0.name)=\($0.value)" }.joined(separator: " ")
        let source = "\(p.source?.type ?? "") \(p.source?.location ?? "")"
        let environment = "\(p.environment?.type ?? "") \(p.environment?.computeType ?? "") \(p.environment?.image ?? "")"
        var vpc = "-"
        if let c = p.vpcConfig {
            vpc = "\(c.vpcId ?? "") subnets \((c.subnets ?? []).joined(separator: ",")) groups \((c.securityGroupIds ?? []).joined(separator: ","))"
        }
        let pairs: [(String, String)] = [
            ("name", p.name ?? ""), ("arn", p.arn ?? ""), ("source", source),
            ("buildspec", p.source?.buildspec ?? "buildspec.yml"), ("sourceVersion", p.sourceVersion ?? "-"),
            ("artifacts", p.artifacts?.type ?? ""), ("environment", environment),
            ("variables", variables), ("serviceRole", p.serviceRole ?? ""), ("vpc", vpc),
            ("logs", p.logsConfig?.cloudWatchLogs?.status ?? "ENABLED"),
        ]
        try invocation.showDescribe(try JSONValue.from(output), table: Table.keyValue(pairs), text: [p.arn ?? ""])
    }
}
