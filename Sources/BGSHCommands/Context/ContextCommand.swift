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
        pairs += [("region", s.region), ("cluster", s.cluster ?? "-"), ("service", s.service ?? "-")]
        var json: [String: JSONValue] = ["backend": .string(s.backend.displayName), "region": .string(s.region)]
        json["profile"] = s.profile.map(JSONValue.string) ?? .null
        json["cluster"] = s.cluster.map(JSONValue.string) ?? .null
        json["service"] = s.service.map(JSONValue.string) ?? .null
        invocation.show(View(json: .object(json), table: Table.keyValue(pairs), text: [s.contextPath]))
    }
}
