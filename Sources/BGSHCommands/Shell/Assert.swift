import AWSModel
import BGSHCore
import BGSHDeploy
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
            weight blue|green OP N% or N (OP: == != < <= > >=), tasks blue|green OP N, health blue|green == STATE,
            deployment == STATE, $VAR == VALUE, $VAR != VALUE.
            """,
        arguments: [ArgumentSpec("CONDITION", .string, variadic: true, help: "what must hold")],
        examples: [Example("assert exists cluster ECS-BlueGreenCluster", "the cluster exists and is ACTIVE"),
                   Example("assert $COLOR == blue", "a variable has a value"),
                   Example("assert weight green == 100%", "all production traffic on green"),
                   Example("assert deployment == succeeded", "the deployment ended well")], scope: .service)

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
        case "weight", "tasks", "health", "deployment":
            try deployment(words, invocation)
        default:
            let known = ["exists", "weight", "tasks", "health", "deployment"]
            let hint = Suggest.closest(to: keyword, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw invocation.failure("unknown condition '\(keyword)'\(hint): conditions are \(known.joined(separator: ", ")) and $VAR ==/!= VALUE", at: "CONDITION")
        }
    }

    static let operators = ["==", "!=", "<", "<=", ">", ">="]

    static func compare(_ a: Int, _ op: String, _ b: Int) -> Bool {
        switch op {
        case "==": return a == b
        case "!=": return a != b
        case "<": return a < b
        case "<=": return a <= b
        case ">": return a > b
        default: return a >= b
        }
    }

    /// `weight blue|green OP N%`, `tasks blue|green OP N`, `health blue|green == STATE`, `deployment == STATE`.
    static func deployment(_ words: [String], _ invocation: Invocation) throws {
        let usage = "usage: assert weight blue|green OP N% · tasks blue|green OP N · health blue|green == STATE · deployment == STATE"
        let view = try DeployContext.act(invocation) { try DeployContext.controller(invocation).observe() }
        if words[0] == "deployment" {
            guard words.count == 3, ["==", "!="].contains(words[1]) else { throw invocation.failure(usage) }
            let states = DeploymentState.allCases.map(\.rawValue)
            guard states.contains(words[2]) else {
                throw invocation.failure("'\(words[2])' is not a deployment state: \(states.joined(separator: ", "))")
            }
            guard (view.state.rawValue == words[2]) == (words[1] == "==") else {
                throw invocation.failure("assertion failed: deployment is \(view.state.rawValue), expected \(words[1] == "==" ? "" : "anything but ")\(words[2])")
            }
            return
        }
        guard words.count == 4, ["blue", "green"].contains(words[1]), operators.contains(words[2]) else { throw invocation.failure(usage) }
        let side = words[1] == "blue" ? view.blue : view.green
        switch words[0] {
        case "weight":
            // COMMANDS.md: `100` and `100%` mean the same share of production traffic.
            let written = words[3].hasSuffix("%") ? words[3] : words[3] + "%"
            guard case .success(let p) = Percentage.parse(written, allowsSign: false) else {
                throw invocation.failure("'\(words[3])' is not a percentage like 10% (or 10)")
            }
            let have = side?.weightTenths ?? 0
            guard compare(have, words[2], p.tenths) else {
                throw invocation.failure("assertion failed: \(words[1]) has \(DeployContext.percent(have)) of production traffic, expected \(words[2]) \(p)")
            }
        case "tasks":
            guard let n = Int(words[3]) else { throw invocation.failure("'\(words[3])' is not a number of tasks") }
            let have = side?.running ?? 0
            guard compare(have, words[2], n) else {
                throw invocation.failure("assertion failed: \(words[1]) runs \(have) tasks, expected \(words[2]) \(n)")
            }
        default:
            let states = ["healthy", "unhealthy", "initial", "draining", "none"]
            guard ["==", "!="].contains(words[2]), states.contains(words[3]) else {
                throw invocation.failure("health takes == or != and one of \(states.joined(separator: ", "))")
            }
            let have = side?.health ?? "none"
            guard (have == words[3]) == (words[2] == "==") else {
                throw invocation.failure("assertion failed: \(words[1]) is \(have), expected \(words[2] == "==" ? "" : "anything but ")\(words[3])")
            }
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
            found = (try absentIfNotFound({ try invocation.cloud().getApplication(GetApplicationInput(applicationName: name)) })) != nil
        case .codedeployGroup:
            let parts = name.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw invocation.failure("write a deployment group as APP/GROUP, like my-ecs-deploy/my-ecs-dg")
            }
            found = (try absentIfNotFound({ try invocation.cloud().getDeploymentGroup(GetDeploymentGroupInput(applicationName: parts[0], deploymentGroupName: parts[1])) })) != nil
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
