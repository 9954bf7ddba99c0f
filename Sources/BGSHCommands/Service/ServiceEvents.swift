import AWSModel
import BGSHCore

/// `service events [NAME]`: the service's event log, newest first.
struct ServiceEvents: Command {
    static let spec = CommandSpec(
        ["service", "events"], group: .resources,
        summary: "a service's events, newest first (DescribeServices)",
        arguments: [ArgumentSpec("NAME", .resource(.service), optional: true, help: "a service (default: the current one)")],
        examples: [Example("service events", "what ECS did lately")], scope: .service)

    static func run(_ invocation: Invocation) throws {
        guard let reference = invocation.string("NAME") ?? invocation.session.service else {
            throw invocation.failure("no service selected: name one, or select one with `service NAME`")
        }
        if Resolve.dryRunRead(reference, invocation) { return }
        let service = try Resolve.service(reference, invocation, at: "NAME")
        let events = service.events ?? []
        let rows = events.map { [isoSeconds($0.createdAt ?? 0), $0.message ?? ""] }
        // JSON: DescribeServices' document, where the events are (`services[0].events`).
        invocation.show(View(json: try JSONValue.from(DescribeServicesOutput(services: [service], failures: [])), table: Table(headers: ["TIME", "MESSAGE"], rows: rows),
                             text: events.compactMap(\.message)))
    }
}

import Foundation

/// `2026-01-01T00:00:30Z`.
func isoSeconds(_ seconds: Double) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: Date(timeIntervalSince1970: seconds))
}
