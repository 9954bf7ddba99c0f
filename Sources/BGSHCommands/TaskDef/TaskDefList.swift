import AWSModel
import BGSHCore

/// `taskdef list [FAMILY]`: the families, or one family's revisions.
struct TaskDefList: Command {
    static let spec = CommandSpec(
        ["taskdef", "list"], group: .resources,
        summary: "list task definition families, or one family's ACTIVE revisions (ListTaskDefinitions)",
        arguments: [ArgumentSpec("FAMILY", .resource(.taskdefFamily), optional: true, help: "a family")],
        examples: [Example("taskdef list ecs-bg-task-def-v1", "that family's revisions")])

    static func run(_ invocation: Invocation) throws {
        let cloud = try invocation.cloud()
        var arns = try allPages { token in
            let page = try cloud.listTaskDefinitions(ListTaskDefinitionsInput(familyPrefix: invocation.string("FAMILY"), nextToken: token))
            return (page.taskDefinitionArns, page.nextToken)
        }
        if let family = invocation.string("FAMILY") { arns = arns.filter { $0.hasSuffix("/\(family):" + ($0.split(separator: ":").last ?? "")) } }
        let names = arns.map { String($0.split(separator: "/").last ?? "") }
        invocation.show(View(json: try JSONValue.from(ListTaskDefinitionsOutput(taskDefinitionArns: arns)),
                             table: Table(headers: ["TASK DEFINITION", "ARN"], rows: zip(names, arns).map { [$0, $1] }),
                             text: names))
    }
}
