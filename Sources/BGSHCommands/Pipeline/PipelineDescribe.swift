import AWSModel
import BGSHCore

/// `pipeline describe NAME`: GetPipeline.
struct PipelineDescribe: Command {
    static let spec = CommandSpec(
        ["pipeline", "describe"], group: .build,
        summary: "describe a pipeline's stages and actions (GetPipeline)",
        arguments: [ArgumentSpec("NAME", .resource(.pipeline), help: "the pipeline")],
        options: [CommonOptions.get, CommonOptions.as],
        examples: [Example("pipeline describe my-ecs-pipeline", "each stage's actions: provider, configuration, artifacts"),
                   Example("pipeline describe my-ecs-pipeline --get metadata.pipelineArn", "its ARN")])

    /// The pipeline a NAME names, or a not-found error offering the close names.
    static func pipeline(_ invocation: Invocation, at argument: String = "NAME") throws -> GetPipelineOutput {
        let name = invocation.string(argument) ?? ""
        let cloud = try invocation.cloud()
        if Resolve.isPlaceholder(name, invocation) {
            // A dry run's own pipeline: its declaration is the file's, which the dry run did not keep.
            return GetPipelineOutput(pipeline: PipelineDeclaration(name: name, roleArn: "", artifactStore: nil, stages: []), metadata: nil)
        }
        guard let found = try absentIfNotFound({ try cloud.getPipeline(GetPipelineInput(name: name)) }) else {
            throw Resolve.notFound("pipeline", name, (try? cloud.listAllPipelines().compactMap(\.name)) ?? [], invocation, at: argument, create: "pipeline create FILE.json")
        }
        return found
    }

    static func run(_ invocation: Invocation) throws {
        if Resolve.dryRunRead(invocation.string("NAME"), invocation) { return }
        let output = try pipeline(invocation)
        var rows: [[String]] = []
        for stage in output.pipeline?.stages ?? [] {
            for action in stage.actions {
                let config = (action.configuration ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
                let artifacts = "\((action.inputArtifacts ?? []).map(\.name).joined(separator: ",")) → \((action.outputArtifacts ?? []).map(\.name).joined(separator: ","))"
                rows.append([stage.name, action.name, "\(action.actionTypeId.category)/\(action.actionTypeId.provider)", artifacts, config])
            }
        }
        try invocation.showDescribe(try JSONValue.from(output), table: Table(headers: ["STAGE", "ACTION", "PROVIDER", "ARTIFACTS", "CONFIGURATION"], rows: rows),
                                    text: [output.metadata?.pipelineArn ?? ""])
    }
}
