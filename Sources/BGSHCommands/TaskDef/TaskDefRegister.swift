import AWSModel
import BGSHCore

/// `taskdef register FILE.json` or `taskdef register --family F --container C --image I --port P`:
/// RegisterTaskDefinition, making a new revision only when the content differs from the latest
/// ACTIVE one.
struct TaskDefRegister: Command {
    static let spec = CommandSpec(
        ["taskdef", "register"], group: .resources,
        summary: "register a task definition from a file or flags; a new revision only when it differs",
        discussion: "FILE is RegisterTaskDefinition's --cli-input-json shape (the seed's taskdef.json as it is); ${NAME} in it is expanded.",
        arguments: [ArgumentSpec("FILE", .file(extensions: ["json"]), optional: true, help: "a task definition JSON file")],
        options: [.option("family", .string, valueName: "F", help: "the family (flag form)"),
                  .option("container", .string, valueName: "C", help: "the container's name"),
                  .option("image", .image, valueName: "IMAGE", help: "the container's image"),
                  .option("port", .port, valueName: "P", help: "the container's port"),
                  .option("cpu", .integer(256...16384), valueName: "UNITS", help: "task CPU units (default 256)"),
                  .option("memory", .integer(512...122880), valueName: "MIB", help: "task memory in MiB (default 512)"),
                  .option("execution-role", .string, valueName: "ARN", help: "the task execution role"),
                  .option("task-role", .string, valueName: "ARN", help: "the task role"),
                  CommonOptions.as],
        examples: [Example("taskdef register taskdef.json", "the seed's task definition; prints its ARN"),
                   Example("taskdef register --family web --container web --image nginx:1.27 --port 80", "a Fargate task definition from flags")],
        isMutating: true)

    static func input(_ invocation: Invocation) throws -> RegisterTaskDefinitionInput {
        if invocation.has("FILE") {
            for flag in ["family", "container", "image", "port", "cpu", "memory", "execution-role", "task-role"] where invocation.has(flag) {
                throw invocation.failure("give either FILE or the flags, not both (--\(flag))", at: flag)
            }
            return try InputFile.decode(RegisterTaskDefinitionInput.self, argument: "FILE", knownKeys: RegisterTaskDefinitionInput.knownKeys, invocation)
        }
        for flag in ["family", "container", "image", "port"] where !invocation.has(flag) {
            throw invocation.failure("taskdef register needs FILE.json, or --family, --container, --image and --port (missing --\(flag))")
        }
        var container = ContainerDefinition(name: invocation.string("container"), image: invocation.string("image"),
                                            portMappings: [PortMapping(containerPort: invocation.integer("port"), hostPort: invocation.integer("port"))])
        container.essential = true
        var input = RegisterTaskDefinitionInput(family: invocation.string("family") ?? "", containerDefinitions: [container])
        input.networkMode = "awsvpc"
        input.requiresCompatibilities = ["FARGATE"]
        input.cpu = String(invocation.integer("cpu") ?? 256)
        input.memory = String(invocation.integer("memory") ?? 512)
        input.executionRoleArn = invocation.string("execution-role")
        input.taskRoleArn = invocation.string("task-role")
        return input
    }

    static func run(_ invocation: Invocation) throws {
        let input = try input(invocation)
        let cloud = try invocation.cloud()
        if let latest = try absentIfNotFound({ try cloud.describeTaskDefinition(DescribeTaskDefinitionInput(taskDefinition: input.family)).taskDefinition }),
           latest.hasContent(of: input) {
            invocation.produce(latest.taskDefinitionArn ?? "")
            return
        }
        guard let output = try invocation.mutate("ecs:RegisterTaskDefinition", input, { try cloud.registerTaskDefinition(input) }) else {
            // Later commands of the dry run (service create, deploy) see what would be registered.
            var pending = TaskDefinition()
            pending.taskDefinitionArn = "arn:aws:ecs:\(invocation.session.region):123456789012:task-definition/\(input.family):dryrun"
            pending.family = input.family
            pending.status = "ACTIVE"
            pending.containerDefinitions = input.containerDefinitions
            pending.networkMode = input.networkMode
            pending.cpu = input.cpu
            pending.memory = input.memory
            invocation.session.dryRunTaskDefinitions[input.family] = pending
            invocation.produce(pending.taskDefinitionArn ?? "")
            return
        }
        invocation.produce(output.taskDefinition.taskDefinitionArn ?? "")
    }
}
