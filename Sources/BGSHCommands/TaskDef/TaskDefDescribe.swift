import AWSModel
import BGSHCore

/// `taskdef describe FAMILY[:REV]`: DescribeTaskDefinition.
struct TaskDefDescribe: Command {
    static let spec = CommandSpec(
        ["taskdef", "describe"], group: .resources,
        summary: "describe a task definition (DescribeTaskDefinition); a family means its latest ACTIVE revision",
        arguments: [ArgumentSpec("TASKDEF", .resource(.taskdefFamily), help: "FAMILY, FAMILY:REVISION or an ARN")],
        options: [CommonOptions.get, CommonOptions.as],
        examples: [Example("taskdef describe ecs-bg-task-def-v1 --get taskDefinition.revision", "the latest revision number")])

    static func run(_ invocation: Invocation) throws {
        if Resolve.dryRunRead(invocation.string("TASKDEF"), invocation) { return }
        let definition = try Resolve.taskDefinition(invocation.string("TASKDEF") ?? "", invocation, at: "TASKDEF")
        let containers = (definition.containerDefinitions ?? []).map { c in
            "\(c.name ?? "")=\(c.image ?? "")" + ((c.portMappings ?? []).map { ":\($0.containerPort ?? 0)" }.joined())
        }
        let table = Table.keyValue([
            ("family", definition.family ?? ""), ("revision", String(definition.revision ?? 0)), ("status", definition.status ?? ""),
            ("taskDefinitionArn", definition.taskDefinitionArn ?? ""), ("cpu/memory", "\(definition.cpu ?? "-")/\(definition.memory ?? "-")"),
            ("networkMode", definition.networkMode ?? ""), ("containers", containers.joined(separator: ", ")),
        ])
        try invocation.showDescribe(try JSONValue.from(DescribeTaskDefinitionOutput(taskDefinition: definition)), table: table,
                                    text: [definition.taskDefinitionArn ?? ""])
    }
}
