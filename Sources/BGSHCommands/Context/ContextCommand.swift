import AWSModel
import BGSHCore
import BGSHDeploy

/// `context`: backend, profile, region, cluster and service.
struct ContextCommand: Command {
    static let spec = CommandSpec(
        ["context"], group: .context,
        summary: "show the backend (and profile), region, cluster, service and the current deployment if any",
        examples: [Example("context", "where the next command will act")])

    static func run(_ invocation: Invocation) throws {
        let s = invocation.session
        var pairs: [(String, String)] = [("backend", s.backend.displayName)]
        if let profile = s.profile { pairs.append(("profile", profile)) }
        // GetCallerIdentity on AWS (once per profile); the simulated account on the simulator.
        let account = (try? s.backend.accountId()) ?? "-"
        pairs.append(("account", account))
        pairs += [("region", s.region), ("cluster", s.cluster ?? "-"), ("service", s.service ?? "-")]
        var json: [String: JSONValue] = ["backend": .string(s.backend.displayName), "region": .string(s.region)]
        json["profile"] = s.profile.map(JSONValue.string) ?? .null
        json["account"] = account == "-" ? .null : .string(account)
        json["cluster"] = s.cluster.map(JSONValue.string) ?? .null
        json["service"] = s.service.map(JSONValue.string) ?? .null
        // The deployment in progress on the current service, as `status` would name it.
        var deployment: String?
        if let cluster = s.cluster, let name = s.service,
           let service = try? s.cloud().describeServices(DescribeServicesInput(cluster: cluster, services: [name])).services.first,
           let view = try? DeployContext.controller(for: service, cluster: cluster, session: s).observe(), view.state.isActive {
            deployment = "\(view.id ?? "-") (\(view.state.rawValue) \(DeployContext.split(view)))"
            pairs.append(("deployment", deployment ?? "-"))
            json["deployment"] = .object(["id": view.id.map(JSONValue.string) ?? .null, "state": .string(view.state.rawValue),
                                          "greenWeight": .number(Double(view.green?.weightTenths ?? 0) / 10)])
        } else {
            json["deployment"] = .null
        }
        invocation.show(View(json: .object(json), table: Table.keyValue(pairs), text: [s.contextPath]))
    }
}
