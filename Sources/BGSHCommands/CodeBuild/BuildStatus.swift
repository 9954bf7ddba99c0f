import AWSModel
import BGSHCore
import BGSHSyntax

/// `build status [ID]`: BatchGetBuilds of one build (the region's newest by default).
struct BuildStatus: Command {
    static let spec = CommandSpec(
        ["build", "status"], group: .build,
        summary: "show a build's phases and status (BatchGetBuilds); the newest build by default",
        discussion: "--output json prints BatchGetBuilds' document (phases with phaseType and phaseStatus). A build that succeeded gets its imageDetail.json written, as after `build start --wait`.",
        arguments: [ArgumentSpec("ID", .resource(.build), optional: true, help: "a build id (PROJECT:UUID)")],
        options: [CommonOptions.get, CommonOptions.as],
        examples: [Example("build status", "the newest build's phases, status and image"),
                   Example("build status --get builds.0.buildStatus", "SUCCEEDED, FAILED, IN_PROGRESS or STOPPED")])

    /// The build an ID names, or the newest one.
    static func build(_ invocation: Invocation, argument: String = "ID") throws -> Build {
        let cloud = try invocation.cloud()
        let id: String
        if let given = invocation.string(argument) {
            id = given
        } else {
            guard let newest = try cloud.listBuilds(ListBuildsInput(sortOrder: "DESCENDING")).ids?.first else {
                throw invocation.failure("there are no builds in \(invocation.session.region): start one with `build start PROJECT`")
            }
            id = newest
        }
        guard let build = try cloud.build(id: id) else {
            throw Resolve.notFound("build", id, (try? ResourceNames.all(.build, cloud: cloud, cluster: nil)) ?? [], invocation, at: argument, create: "build start PROJECT")
        }
        return build
    }

    static func run(_ invocation: Invocation) throws {
        let build = try build(invocation)
        let path = build.buildStatus == "SUCCEEDED" ? try BuildWatch.writeImageDetail(build, invocation, quiet: true) : nil
        var lines = [
            "build \(build.id ?? "")  #\(build.buildNumber ?? 0)  \(build.buildStatus ?? "")" + (build.buildComplete == true ? "" : " (\(build.currentPhase ?? ""))"),
            "source \(build.source?.type ?? "") \(build.source?.location ?? "") at \(build.sourceVersion ?? "HEAD") (\(String((build.resolvedSourceVersion ?? "").prefix(12))))",
        ]
        lines += (build.phases ?? []).filter { $0.phaseType != "COMPLETED" }.map { phase in
            phase.phaseStatus == "IN_PROGRESS" ? "  \((phase.phaseType ?? "").padding(toLength: 17, withPad: " ", startingAt: 0)) IN_PROGRESS" : BuildWatch.line(phase)
        }
        if let repository = build.environmentValue("IMAGE_REPO_NAME") { lines.append("image \(repository):\(build.environmentValue("IMAGE_TAG") ?? "latest")") }
        if let path { lines.append("imageDetail.json: \(BuildWatch.display(path, invocation))") }
        try invocation.showDescribe(try JSONValue.from(BatchGetBuildsOutput(builds: [build], buildsNotFound: [])),
                                    table: Table(headers: [], rows: lines.map { [$0] }), text: [build.buildStatus ?? ""])
    }
}
