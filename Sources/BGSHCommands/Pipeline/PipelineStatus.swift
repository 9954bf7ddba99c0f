import AWSModel
import BGSHCore

/// `pipeline status NAME`: GetPipelineState, with the newest execution (ListPipelineExecutions).
struct PipelineStatus: Command {
    static let spec = CommandSpec(
        ["pipeline", "status"], group: .build,
        summary: "show a pipeline's stages and actions with the newest execution's progress (GetPipelineState)",
        discussion: "--output json prints GetPipelineState's document.",
        arguments: [ArgumentSpec("NAME", .resource(.pipeline), help: "the pipeline")],
        options: [CommonOptions.get, CommonOptions.as],
        examples: [Example("pipeline status my-ecs-pipeline", "stage by stage, action by action: status, build or deployment, progress")])

    static func run(_ invocation: Invocation) throws {
        if Resolve.dryRunRead(invocation.string("NAME"), invocation) { return }
        let name = try PipelineDescribe.pipeline(invocation).pipeline?.name ?? ""
        let cloud = try invocation.cloud()
        let state = try cloud.getPipelineState(GetPipelineStateInput(name: name))
        let latest = try PipelineWatch.latest(name, cloud)
        // A stage the newest execution has not reached shows an earlier one's run: say whose.
        let earlier = Dictionary((state.stageStates ?? []).compactMap { stage -> (String, String)? in
            guard let id = stage.latestExecution?.pipelineExecutionId, id != latest?.pipelineExecutionId else { return nil }
            return (stage.stageName ?? "", String(id.prefix(8)))
        }, uniquingKeysWith: { a, _ in a })
        var rows = PipelineWatch.actions(state, execution: nil).map { row in
            [row.stage, row.action, row.run?.status ?? "-", PipelineWatch.detail(row.run) + (earlier[row.stage].map { "  (execution \($0)…)" } ?? "")]
        }
        if let latest {
            let source = latest.sourceRevisions?.first?.revisionId.map { " at \(String($0.prefix(12)))" } ?? ""
            rows.insert(["execution", latest.pipelineExecutionId ?? "", latest.status ?? "", "newest\(source)"], at: 0)
        } else {
            rows.insert(["execution", "-", "-", "never run: `pipeline start \(name)`"], at: 0)
        }
        try invocation.showDescribe(try JSONValue.from(state), table: Table(headers: ["STAGE", "ACTION", "STATUS", "DETAIL"], rows: rows),
                                    text: [latest?.status ?? ""])
    }
}
