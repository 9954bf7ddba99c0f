import AWSModel
import BGSHCore
import BGSHSyntax

/// `build list [PROJECT]`: ListBuildsForProject (or ListBuilds), newest first.
struct BuildList: Command {
    static let spec = CommandSpec(
        ["build", "list"], group: .build,
        summary: "list builds, newest first (ListBuildsForProject, or ListBuilds for all projects)",
        arguments: [ArgumentSpec("PROJECT", .resource(.codebuildProject), optional: true, help: "only this project's builds")],
        examples: [Example("build list my-ecs-app-build", "id, status, phase, source version and duration of each build")])

    static func run(_ invocation: Invocation) throws {
        let cloud = try invocation.cloud()
        var ids: [String]
        if let project = invocation.string("PROJECT") {
            do {
                ids = try allPages { token in
                    let page = try cloud.listBuildsForProject(ListBuildsForProjectInput(projectName: project, sortOrder: "DESCENDING", nextToken: token))
                    return (page.ids ?? [], page.nextToken)
                }
            } catch let error as AWSError where error.code == "ResourceNotFoundException" {
                _ = try Resolve.project(project, invocation, at: "PROJECT")
                throw error
            }
        } else {
            ids = try allPages { token in
                let page = try cloud.listBuilds(ListBuildsInput(sortOrder: "DESCENDING", nextToken: token))
                return (page.ids ?? [], page.nextToken)
            }
        }
        var builds: [Build] = []
        for chunk in stride(from: 0, to: ids.count, by: 100) {
            builds += try cloud.batchGetBuilds(BatchGetBuildsInput(ids: Array(ids[chunk..<min(ids.count, chunk + 100)]))).builds ?? []
        }
        let rows = builds.map { b in
            [b.id ?? "", b.buildStatus ?? "", b.buildComplete == true ? (BuildWatch.failedPhase(b)?.phaseType ?? "-") : (b.currentPhase ?? ""),
             b.sourceVersion ?? "-", b.startTime.map(isoSeconds) ?? "-",
             b.endTime.map { Duration.format(seconds: $0 - (b.startTime ?? $0)) } ?? "-"]
        }
        invocation.show(View(json: try JSONValue.from(ListBuildsOutput(ids: ids, nextToken: nil)),
                             table: Table(headers: ["ID", "STATUS", "PHASE", "SOURCE", "STARTED", "TOOK"], rows: rows), text: ids))
    }
}
