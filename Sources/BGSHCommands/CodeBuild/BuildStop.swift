import AWSModel
import BGSHCore

/// `build stop ID`: StopBuild.
struct BuildStop: Command {
    static let spec = CommandSpec(
        ["build", "stop"], group: .build,
        summary: "stop a build in progress (StopBuild)",
        arguments: [ArgumentSpec("ID", .resource(.build), help: "a build id (PROJECT:UUID)")],
        examples: [Example("build stop my-ecs-app-build:0f3c…", "its current phase ends STOPPED; CodeBuild then finalizes it")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let build = try BuildStatus.build(invocation)
        let id = build.id ?? ""
        guard build.buildComplete != true else {
            throw invocation.failure("build \(id) has ended (\(build.buildStatus ?? "")): there is nothing to stop", at: "ID")
        }
        let input = StopBuildInput(id: id)
        let cloud = try invocation.cloud()
        guard let stopped = try invocation.mutate("codebuild:StopBuild", input, { try cloud.stopBuild(input) }) else { return }
        invocation.session.out.write("build \(id) stopped in \(build.currentPhase ?? stopped.build?.currentPhase ?? "?"); CodeBuild finalizes it\n")
    }
}
