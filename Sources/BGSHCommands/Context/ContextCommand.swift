import AWSModel
import BGSHCore

/// `context`: backend, profile, region, cluster and service.
struct ContextCommand: Command {
    static let spec = CommandSpec(
        ["context"], group: .context,
        summary: "show the backend (and profile), region, cluster and service",
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
        invocation.show(View(json: .object(json), table: Table.keyValue(pairs), text: [s.contextPath]))
    }
}
