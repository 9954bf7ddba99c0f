import AWSModel
import BGSHCore
import BGSHSyntax

/// `assert CONDITION`: fail (status 1) unless the condition holds.
///
/// Conditions in this version: `exists KIND NAME` and `$VAR == VALUE` / `$VAR != VALUE`; the
/// deployment conditions (`weight`, `tasks`, `health`, `deployment`) come with those commands.
struct Assert: Command {
    static let spec = CommandSpec(
        ["assert"], group: .shell,
        summary: "fail (status 1 in a runbook) unless a condition holds",
        discussion: """
            Conditions: exists KIND NAME (KIND: \(Assert.kinds.joined(separator: " "))),
            $VAR == VALUE, $VAR != VALUE.
            """,
        arguments: [ArgumentSpec("CONDITION", .string, variadic: true, help: "what must hold")],
        examples: [Example("assert exists cluster ECS-BlueGreenCluster", "the cluster exists and is ACTIVE"),
                   Example("assert $COLOR == blue", "a variable has a value")])

    static let kinds = ResourceKind.allCases.map(\.rawValue)

    static func run(_ invocation: Invocation) throws {
        let words = invocation.strings("CONDITION")
        let raw = Array(invocation.words.dropFirst())
        if words.count == 3, ["==", "!="].contains(words[1]), let first = raw.first, first.literalText == nil {
            let holds = (words[0] == words[2]) == (words[1] == "==")
            guard holds else {
                throw invocation.failure("assertion failed: \(first.variableNames.first.map { "$" + $0 } ?? "value") is '\(words[0])', expected \(words[1] == "==" ? "" : "anything but ")'\(words[2])'")
            }
            return
        }
        guard let keyword = words.first else { throw invocation.failure("assert needs a condition") }
        switch keyword {
        case "exists":
            guard words.count == 3 else {
                throw invocation.failure("usage: assert exists KIND NAME (KIND: \(kinds.joined(separator: " ")))")
            }
            try exists(kind: words[1], name: words[2], invocation)
        default:
            let known = ["exists"]
            let hint = Suggest.closest(to: keyword, in: known + ["weight", "tasks", "health", "deployment"]).map { " (did you mean '\($0)'?)" } ?? ""
            throw invocation.failure("unknown condition '\(keyword)'\(hint): this version knows exists KIND NAME and $VAR ==/!= VALUE", at: "CONDITION")
        }
    }

    static func exists(kind: String, name: String, _ invocation: Invocation) throws {
        guard let resource = ResourceKind(rawValue: kind) else {
            let hint = Suggest.closest(to: kind, in: kinds).map { " (did you mean '\($0)'?)" } ?? ""
            throw invocation.failure("unknown resource kind '\(kind)'\(hint); kinds: \(kinds.joined(separator: " "))")
        }
        let found: Bool
        if Resolve.isPlaceholder(name, invocation) { return }  // a dry run's own creation
        switch resource {
        case .cluster:
            let clusters = try invocation.cloud().describeClusters(.init(clusters: [name])).clusters
            found = clusters.contains { $0.status == "ACTIVE" }
        case .codedeployApp:
            found = (try? invocation.cloud().getApplication(GetApplicationInput(applicationName: name))) != nil
        case .codedeployGroup:
            let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw invocation.failure("write a deployment group as APP/GROUP, like my-ecs-deploy/my-ecs-dg")
            }
            found = (try? invocation.cloud().getDeploymentGroup(GetDeploymentGroupInput(applicationName: parts[0], deploymentGroupName: parts[1]))) != nil
        case .service:
            _ = try invocation.session.requireCluster()
            found = try ResourceNames.all(.service, in: invocation.session).contains(name)
        default:
            found = try ResourceNames.all(resource, in: invocation.session).contains(name)
        }
        guard found else {
            let place = resource == .service ? "cluster \(invocation.session.cluster ?? "")" : invocation.session.region
            throw invocation.failure("assertion failed: \(kind) '\(name)' does not exist in \(place)")
        }
    }
}
