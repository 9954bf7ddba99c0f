import AWSModel
import BGSHCore
import BGSHDeploy

/// `service list`: the current cluster's services (ListServices, DescribeServices).
struct ServiceList: Command {
    static let spec = CommandSpec(
        ["service", "list"], group: .resources,
        summary: "list the current cluster's services (ListServices)",
        examples: [Example("service list", "name, controller and task counts of each")], scope: .cluster)

    static func run(_ invocation: Invocation) throws {
        let cluster = try invocation.session.requireCluster()
        let cloud = try invocation.cloud()
        let arns = try allPages { token in
            let page = try cloud.listServices(ListServicesInput(cluster: cluster, nextToken: token))
            return (page.serviceArns, page.nextToken)
        }
        var rows: [[String]] = []
        if invocation.session.outputFormat == .table {
            var start = 0
            while start < arns.count {
                let chunk = Array(arns[start..<min(arns.count, start + 10)])
                rows += try cloud.describeServices(DescribeServicesInput(cluster: cluster, services: chunk)).services.map { s in
                    [s.serviceName ?? "", ServiceTags(s.tags)?.controller ?? s.deploymentController?.type ?? "", s.status ?? "",
                     String(s.desiredCount ?? 0), String(s.runningCount ?? 0), String(s.pendingCount ?? 0)]
                }
                start += 10
            }
        }
        invocation.show(View(json: try JSONValue.from(ListServicesOutput(serviceArns: arns)),
                             table: Table(headers: ["NAME", "CONTROLLER", "STATUS", "DESIRED", "RUNNING", "PENDING"], rows: rows),
                             text: arns.map { String($0.split(separator: "/").last ?? "") }))
    }
}
