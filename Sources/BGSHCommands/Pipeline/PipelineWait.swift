import AWSModel
import BGSHCore

/// `pipeline wait NAME [--execution ID]`: follows an execution (the newest) to its end.
struct PipelineWait: Command {
    static let spec = CommandSpec(
        ["pipeline", "wait"], group: .build,
        summary: "wait for a pipeline execution (the newest by default) to end; exit 4 when its deploy stage rolled back",
        arguments: [ArgumentSpec("NAME", .resource(.pipeline), help: "the pipeline")],
        options: [.option("execution", .string, valueName: "ID", help: "an execution id (default: the newest)"),
                  .option("stage", .string, valueName: "STAGE", help: "return once this stage has started (a deploy stage: once its deployment exists, for `wait`, `status` and `rollback`)")],
        examples: [Example("pipeline wait my-ecs-pipeline", "follow the newest execution, action by action"),
                   Example("pipeline wait my-ecs-pipeline --stage Deploy", "until its deployment has started; then `wait shifted`, `rollback`…")])

    static func run(_ invocation: Invocation) throws {
        if invocation.skipsUnderDryRun() { return }
        let found = try PipelineDescribe.pipeline(invocation)
        let name = found.pipeline?.name ?? ""
        let cloud = try invocation.cloud()
        let id: String
        if let given = invocation.string("execution") {
            id = given
        } else {
            guard let newest = try PipelineWatch.latest(name, cloud)?.pipelineExecutionId else {
                throw invocation.failure("pipeline \(name) has never run: start it with `pipeline start \(name)`")
            }
            id = newest
        }
        if let stage = invocation.string("stage"), found.pipeline?.stages.contains(where: { $0.name == stage }) != true {
            let names = found.pipeline?.stages.map(\.name) ?? []
            throw invocation.failure("pipeline \(name) has no stage '\(stage)'" + (Suggest.closest(to: stage, in: names).map { " (did you mean '\($0)'?)" } ?? " (its stages: \(names.joined(separator: ", ")))"), at: "stage")
        }
        try PipelineWatch.follow(name, execution: id, untilStage: invocation.string("stage"), invocation)
    }
}
