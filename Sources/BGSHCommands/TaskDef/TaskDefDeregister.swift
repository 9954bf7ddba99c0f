import AWSModel
import BGSHCore

/// `taskdef deregister FAMILY:REV`: DeregisterTaskDefinition.
struct TaskDefDeregister: Command {
    static let spec = CommandSpec(
        ["taskdef", "deregister"], group: .resources,
        summary: "mark a task definition revision INACTIVE (DeregisterTaskDefinition)",
        arguments: [ArgumentSpec("TASKDEF", .resource(.taskdefFamily), help: "FAMILY:REVISION or an ARN")],
        options: [CommonOptions.yes],
        examples: [Example("taskdef deregister ecs-bg-task-def-v1:1 --yes", "retire revision 1")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let reference = invocation.string("TASKDEF") ?? ""
        guard reference.contains(":") else {
            throw invocation.failure("'\(reference)' has no revision: write FAMILY:REVISION (see `taskdef list \(reference)`)", at: "TASKDEF")
        }
        let definition = try Resolve.taskDefinition(reference, invocation, at: "TASKDEF")
        let shown = "\(definition.family ?? ""):\(definition.revision ?? 0)"
        try invocation.confirmDelete("task definition \(shown) (deregister)")
        let input = DeregisterTaskDefinitionInput(taskDefinition: definition.taskDefinitionArn ?? reference)
        guard try invocation.mutate("ecs:DeregisterTaskDefinition", input, { try invocation.cloud().deregisterTaskDefinition(input) }) != nil else { return }
        invocation.session.out.write("deregistered task definition \(shown)\n")
    }
}
