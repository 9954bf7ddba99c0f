import AWSModel
import BGSHCore

/// `pipeline start NAME [--source-version REF] [--wait]`: StartPipelineExecution.
struct PipelineStart: Command {
    static let spec = CommandSpec(
        ["pipeline", "start"], group: .build,
        summary: "start a pipeline execution (StartPipelineExecution); with --wait, follow it to its end",
        discussion: "--wait returns when the execution ends: 0 when it succeeded (a deploy stage: after blue's termination), 4 when its deploy stage's deployment rolled back, 1 for any other failure. The deploy stage's CodeDeploy deployment is followed by `status` and `wait` like any other.",
        arguments: [ArgumentSpec("NAME", .resource(.pipeline), help: "the pipeline")],
        options: [.option("source-version", .string, valueName: "REF", help: "the commit (or S3 object version) the source action fetches (sourceRevisions)"),
                  .flag("wait", help: "wait for the execution to end, showing each action"),
                  CommonOptions.as],
        examples: [Example("pipeline start my-ecs-pipeline --wait", "source, build, blue-green deploy; exit 4 if the deployment rolled back"),
                   Example("pipeline start my-ecs-pipeline --source-version 3f2a9c1e", "run it on that commit")],
        isMutating: true)

    /// CodePipeline's revision type for a source action's provider.
    static func revisionType(_ provider: String) -> String {
        switch provider {
        case "S3": return "S3_OBJECT_VERSION_ID"
        case "ECR": return "IMAGE_DIGEST"
        default: return "COMMIT_ID"
        }
    }

    static func run(_ invocation: Invocation) throws {
        let found = try PipelineDescribe.pipeline(invocation)
        let name = found.pipeline?.name ?? ""
        var input = StartPipelineExecutionInput(name: name)
        if let ref = invocation.string("source-version") {
            guard let source = found.pipeline?.stages.first?.actions.first(where: { $0.actionTypeId.category == "Source" }) else {
                throw invocation.failure("pipeline \(name) has no source action to take --source-version", at: "source-version")
            }
            input.sourceRevisions = [SourceRevisionOverride(actionName: source.name, revisionType: revisionType(source.actionTypeId.provider), revisionValue: ref)]
        }
        let cloud = try invocation.cloud()
        guard let started = try invocation.mutate("codepipeline:StartPipelineExecution", input, { try cloud.startPipelineExecution(input) }),
              let id = started.pipelineExecutionId else {
            invocation.produce("dryrun-execution")
            return
        }
        invocation.produce(id)
        if invocation.flag("wait"), !invocation.session.isDryRun { try PipelineWatch.follow(name, execution: id, invocation) }
    }
}
