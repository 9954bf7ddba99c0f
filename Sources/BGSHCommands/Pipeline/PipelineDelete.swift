import AWSModel
import BGSHCore

/// `pipeline delete NAME`: DeletePipeline.
struct PipelineDelete: Command {
    static let spec = CommandSpec(
        ["pipeline", "delete"], group: .build,
        summary: "delete a pipeline (DeletePipeline); asks first on a terminal",
        arguments: [ArgumentSpec("NAME", .resource(.pipeline), help: "the pipeline")],
        options: [CommonOptions.yes],
        examples: [Example("pipeline delete my-ecs-pipeline --yes", "delete it without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let name = try PipelineDescribe.pipeline(invocation).pipeline?.name ?? (invocation.string("NAME") ?? "")
        try invocation.confirmDelete("pipeline \(name)")
        let input = DeletePipelineInput(name: name)
        let cloud = try invocation.cloud()
        guard try invocation.mutate("codepipeline:DeletePipeline", input, { try cloud.deletePipeline(input) }) != nil else { return }
        invocation.session.out.write("deleted pipeline \(name)\n")
    }
}
