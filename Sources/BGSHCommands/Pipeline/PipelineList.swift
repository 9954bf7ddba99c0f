import AWSModel
import BGSHCore

/// `pipeline list`: ListPipelines.
struct PipelineList: Command {
    static let spec = CommandSpec(
        ["pipeline", "list"], group: .build,
        summary: "list the pipelines (ListPipelines)",
        examples: [Example("pipeline list", "name, version, type and last update of each pipeline")])

    static func run(_ invocation: Invocation) throws {
        let pipelines = try invocation.cloud().listAllPipelines()
        let rows = pipelines.map { p in
            [p.name ?? "", String(p.version ?? 1), p.pipelineType ?? "V1", p.executionMode ?? "SUPERSEDED", p.updated.map(isoSeconds) ?? "-"]
        }
        invocation.show(View(json: try JSONValue.from(ListPipelinesOutput(pipelines: pipelines, nextToken: nil)),
                             table: Table(headers: ["NAME", "VERSION", "TYPE", "MODE", "UPDATED"], rows: rows), text: pipelines.compactMap(\.name)))
    }
}
