import AWSModel
import BGSHCore

/// `alarm delete NAME`: DeleteAlarms.
struct AlarmDelete: Command {
    static let spec = CommandSpec(
        ["alarm", "delete"], group: .resources,
        summary: "delete a CloudWatch alarm (DeleteAlarms)",
        arguments: [ArgumentSpec("NAME", .resource(.alarm), help: "the alarm")],
        options: [CommonOptions.yes],
        examples: [Example("alarm delete green-5xx --yes", "delete without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let name = invocation.string("NAME") ?? ""
        let cloud = try invocation.cloud()
        let names = try cloud.describeAllAlarms().compactMap(\.AlarmName)
        guard names.contains(name) else { throw Resolve.notFound("alarm", name, names, invocation, at: "NAME", create: "alarm create NAME --tg TG --threshold N") }
        try invocation.confirmDelete("alarm \(name)")
        let input = DeleteAlarmsInput(AlarmNames: [name])
        guard try invocation.mutate("cloudwatch:DeleteAlarms", input, { try cloud.deleteAlarms(input) }) != nil else { return }
        invocation.session.out.write("deleted alarm \(name)\n")
    }
}
