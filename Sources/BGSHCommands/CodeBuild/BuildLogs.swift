import AWSModel
import BGSHCore

/// `build logs ID`: the build's CloudWatch Logs stream (GetLogEvents).
struct BuildLogs: Command {
    static let spec = CommandSpec(
        ["build", "logs"], group: .build,
        summary: "print a build's log (CloudWatch Logs GetLogEvents of the build's stream); the newest build by default",
        arguments: [ArgumentSpec("ID", .resource(.build), optional: true, help: "a build id (PROJECT:UUID)")],
        examples: [Example("build logs", "the newest build's log: phases, commands and what they printed")])

    static func run(_ invocation: Invocation) throws {
        let build = try BuildStatus.build(invocation)
        guard let stream = build.logs?.streamName, let group = build.logs?.groupName else {
            throw invocation.failure("build \(build.id ?? "") has no CloudWatch log: its project's logsConfig.cloudWatchLogs is DISABLED, or the build has not provisioned yet")
        }
        let events: [OutputLogEvent]
        do {
            events = try invocation.cloud().allLogEvents(group: group, stream: stream)
        } catch let error as AWSError where error.code == "ResourceNotFoundException" {
            throw invocation.failure("build \(build.id ?? "")'s log stream \(group) \(stream) is not there yet (\(error.message)): it starts once the build is provisioned")
        }
        let lines = events.compactMap(\.message).map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }
        invocation.show(View(json: try JSONValue.from(GetLogEventsOutput(events: events, nextForwardToken: nil, nextBackwardToken: nil)),
                             table: Table(headers: [], rows: lines.map { [$0] }), text: lines))
    }
}
