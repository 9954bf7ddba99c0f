import AWSModel
import BGSHCore
import BGSHSyntax

/// `alarm list`: DescribeAlarms.
struct AlarmList: Command {
    static let spec = CommandSpec(
        ["alarm", "list"], group: .resources,
        summary: "list CloudWatch alarms and their state (DescribeAlarms)",
        examples: [Example("alarm list", "name, state, metric and threshold of each")])

    static func run(_ invocation: Invocation) throws {
        let output = DescribeAlarmsOutput(MetricAlarms: try invocation.cloud().describeAllAlarms())
        let rows = output.MetricAlarms.map { a in
            [a.AlarmName ?? "", a.StateValue ?? "", a.MetricName ?? "", ">= \(Int(a.Threshold ?? 0)) in \(Duration.format(seconds: Double(a.Period ?? 60)))",
             a.Dimensions?.first { $0.Name == "TargetGroup" }?.Value ?? "-"]
        }
        invocation.show(View(json: try JSONValue.from(output), table: Table(headers: ["NAME", "STATE", "METRIC", "THRESHOLD", "TARGET GROUP"], rows: rows),
                             text: output.MetricAlarms.compactMap(\.AlarmName)))
    }
}
