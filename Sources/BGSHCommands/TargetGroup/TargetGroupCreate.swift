import AWSModel
import BGSHCore

/// `tg create NAME --vpc VPC [--port 80] [--protocol HTTP] [--target-type ip] [--health-path /]`.
struct TargetGroupCreate: Command {
    static let spec = CommandSpec(
        ["tg", "create"], group: .resources,
        summary: "create a target group (CreateTargetGroup); re-running with the same settings returns it",
        arguments: [ArgumentSpec("NAME", .string, help: "up to 32 letters, digits and hyphens")],
        options: [.option("vpc", .resource(.vpc), valueName: "VPC", required: true, help: "the VPC (id or Name tag)"),
                  .option("port", .port, valueName: "PORT", help: "the targets' port (default 80)"),
                  .option("protocol", .choice(["HTTP", "HTTPS"]), valueName: "PROTOCOL", help: "default HTTP"),
                  .option("target-type", .choice(["ip", "instance"]), valueName: "TYPE", help: "default ip (what Fargate tasks need)"),
                  .option("health-path", .string, valueName: "PATH", help: "the health check's path (default /)"),
                  CommonOptions.as],
        examples: [Example("tg create blue-tg --vpc my-ecs-vpc --port 80", "the seed's blue target group; prints its ARN")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let name = invocation.string("NAME") ?? ""
        guard let vpcReference = invocation.string("vpc") else { throw invocation.failure("tg create needs --vpc VPC") }
        let vpcId = try Resolve.vpc(vpcReference, invocation, at: "vpc").VpcId ?? ""
        let input = CreateTargetGroupInput(Name: name, Protocol: invocation.string("protocol") ?? "HTTP", Port: invocation.integer("port") ?? 80,
                                           VpcId: vpcId, TargetType: invocation.string("target-type") ?? "ip",
                                           HealthCheckPath: invocation.string("health-path") ?? "/")
        let cloud = try invocation.cloud()
        if let existing = try absentIfNotFound({ try cloud.describeTargetGroups(DescribeTargetGroupsInput(Names: [name])).TargetGroups.first }) {
            var differences: [String] = []
            if existing.VpcId != input.VpcId { differences.append("vpc \(existing.VpcId ?? "")") }
            if existing.Port != input.Port { differences.append("port \(existing.Port ?? 0)") }
            if existing.Protocol != input.Protocol { differences.append("protocol \(existing.Protocol ?? "")") }
            if existing.TargetType != input.TargetType { differences.append("target type \(existing.TargetType ?? "")") }
            if existing.HealthCheckPath != input.HealthCheckPath { differences.append("health path \(existing.HealthCheckPath ?? "")") }
            guard differences.isEmpty else {
                throw invocation.failure("target group '\(name)' exists with other settings (\(differences.joined(separator: ", "))): delete it first or pick another name", at: "NAME")
            }
            invocation.produce(existing.TargetGroupArn ?? "")
            return
        }
        guard let output = try invocation.mutate("elbv2:CreateTargetGroup", input, { try cloud.createTargetGroup(input) }) else {
            invocation.producePlaceholder(invocation.placeholderArn("elasticloadbalancing", "targetgroup", name: name), kind: "tg", name: name)
            return
        }
        invocation.produce(output.TargetGroups.first?.TargetGroupArn ?? "")
    }
}
