import AWSModel
import BGSHCore

/// `codebuild list`: ListProjects, with each project's source and environment (BatchGetProjects).
struct CodeBuildList: Command {
    static let spec = CommandSpec(
        ["codebuild", "list"], group: .build,
        summary: "list the CodeBuild projects (ListProjects, BatchGetProjects)",
        examples: [Example("codebuild list", "name, source, compute type and VPC of each project")])

    static func run(_ invocation: Invocation) throws {
        let cloud = try invocation.cloud()
        let names = try cloud.listAllProjects()
        var projects: [Project] = []
        for chunk in stride(from: 0, to: names.count, by: 100) {
            projects += try cloud.batchGetProjects(BatchGetProjectsInput(names: Array(names[chunk..<min(names.count, chunk + 100)]))).projects ?? []
        }
        let rows = projects.map { p in
            [p.name ?? "", "\(p.source?.type ?? "") \(p.source?.location ?? "")", p.environment?.computeType ?? "",
             p.vpcConfig.map { "\($0.vpcId ?? "") (\(($0.subnets ?? []).count) subnets)" } ?? "-"]
        }
        invocation.show(View(json: try JSONValue.from(ListProjectsOutput(projects: names, nextToken: nil)),
                             table: Table(headers: ["NAME", "SOURCE", "COMPUTE", "VPC"], rows: rows), text: names))
    }
}
