import AWSModel
import BGSHCore
import BGSHDeploy

/// `deployments`: the current service's deployments, newest first.
struct Deployments: Command {
    static let spec = CommandSpec(
        ["deployments"], group: .blueGreen,
        summary: "the current service's deployments, newest first",
        examples: [Example("deployments", "id and outcome of each")], scope: .service)

    static func run(_ invocation: Invocation) throws {
        let controller = try DeployContext.controller(invocation)
        let service = try Resolve.service(invocation.session.service ?? "", invocation, at: nil)
        let current = try controller.observe()
        let history = (Tag.value(of: "bgsh:deploy-history", in: service.tags) ?? "").split(separator: ",").map { entry -> [String] in
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            return [parts.first ?? "", parts.count > 1 ? parts[1] : ""]
        }
        var rows = Array(history.reversed())
        if let id = current.id, !rows.contains(where: { $0[0] == id }) { rows.insert([id, current.state.rawValue], at: 0) }
        // CodeDeploy's rollback is a deployment of its own, listed above the one it rolled back.
        if let by = current.rolledBackBy, let id = current.id { rows.insert([by, "rollback of \(id)"], at: 0) }
        invocation.show(View(json: .array(rows.map { .object(["id": .string($0[0]), "state": .string($0[1])]) }),
                             table: Table(headers: ["DEPLOYMENT", "STATE"], rows: rows), text: rows.map { "\($0[0]) \($0[1])" }))
    }
}
