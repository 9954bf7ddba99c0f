import AWSModel
import BGSHCore
import BGSHDeploy

/// `tasks`: the current service's tasks, each with its colour (ListTasks, DescribeTasks).
struct Tasks: Command {
    static let spec = CommandSpec(
        ["tasks"], group: .resources,
        summary: "the current service's tasks with their status, address and colour (ListTasks, DescribeTasks)",
        examples: [Example("tasks", "one row a task")], scope: .service)

    static func run(_ invocation: Invocation) throws {
        let cluster = try invocation.session.requireCluster()
        guard let name = invocation.session.service else { throw invocation.failure("no service selected: select one with `service NAME`") }
        if Resolve.dryRunRead(name, invocation) { return }
        let service = try Resolve.service(name, invocation, at: nil)
        let cloud = try invocation.cloud()
        let arns = try cloud.listAllTasks(cluster: cluster, serviceName: name)
        var tasks: [AWSModel.Task] = []
        var start = 0
        while start < arns.count {
            tasks += try cloud.describeTasks(DescribeTasksInput(cluster: cluster, tasks: Array(arns[start..<min(arns.count, start + 100)]))).tasks
            start += 100
        }
        // Colours are roles: the ones `weight`, `health` and `status` name at this moment, read
        // from the controller's view (not from the task set's first tag, which goes stale).
        let view = ServiceTags(service.tags) == nil ? nil
            : try? DeployContext.controller(for: service, cluster: cluster, session: invocation.session).observe()
        func colour(_ task: AWSModel.Task) -> String {
            guard let started = task.startedBy else { return "-" }
            if let id = view?.green?.taskSet?.id, id == started { return "green" }
            if let id = view?.blue?.taskSet?.id, id == started { return "blue" }
            return "-"
        }
        let rows = tasks.map { task in
            [String(task.taskArn?.split(separator: "/").last ?? ""), colour(task), task.lastStatus ?? "",
             task.attachments?.first?.details?.first { $0.name == "privateIPv4Address" }?.value ?? "",
             String(task.taskDefinitionArn?.split(separator: "/").last ?? "")]
        }
        invocation.show(View(json: try JSONValue.from(DescribeTasksOutput(tasks: tasks, failures: [])),
                             table: Table(headers: ["TASK", "COLOUR", "STATUS", "ADDRESS", "TASK DEFINITION"], rows: rows),
                             text: tasks.compactMap(\.taskArn)))
    }
}
