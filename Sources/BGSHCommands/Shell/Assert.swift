import AWSModel
import BGSHCore
import BGSHDeploy
import BGSHSyntax

/// `assert CONDITION`: fail (status 1) unless the condition holds.
///
/// Its grammar is `Condition`'s (BGSHCore), which the binder checks before a runbook runs.
struct Assert: Command {
    static let spec = CommandSpec(
        ["assert"], group: .shell,
        summary: "fail (status 1 in a runbook) unless a condition holds",
        discussion: """
            Conditions: exists KIND NAME (KIND: \(Assert.kinds.joined(separator: " "))),
            weight blue|green OP N% or N (OP: == != < <= > >=), tasks blue|green OP N, health blue|green == STATE,
            deployment == STATE, $VAR == VALUE, $VAR != VALUE.
            """,
        arguments: [ArgumentSpec("CONDITION", .condition, variadic: true, help: "what must hold")],
        examples: [Example("assert exists cluster ECS-BlueGreenCluster", "the cluster exists and is ACTIVE"),
                   Example("assert $COLOR == blue", "a variable has a value"),
                   Example("assert weight green == 100%", "all production traffic on green"),
                   Example("assert deployment == succeeded", "the deployment ended well")], scope: .service)

    static let kinds = ResourceKind.allCases.map(\.rawValue)

    static func run(_ invocation: Invocation) throws {
        let words = invocation.strings("CONDITION")
        let firstIsLiteral = invocation.words.dropFirst().first?.literalText != nil
        // The grammar the binder checked ahead, now over the expanded words.
        let condition: Condition
        switch Condition.parse(words, firstIsLiteral: firstIsLiteral) {
        case .success(let parsed?): condition = parsed
        case .success(nil): throw invocation.failure("assert needs a condition")
        case .failure(let failure): throw invocation.failure(failure.message, at: "CONDITION")
        }
        switch condition {
        case .equals(let a, let op, let b):
            guard op.holds(a, b) else {
                let name = invocation.words.dropFirst().first?.variableNames.first.map { "$" + $0 } ?? "value"
                throw invocation.failure("assertion failed: \(name) is '\(a)', expected \(op.expectation)'\(b)'")
            }
        case .exists(let kind, let name):
            try exists(kind: kind, name: name, invocation)
        default:
            // A dry run made no deployment to look at: what it asserts is said, not checked.
            if invocation.session.isDryRun, let service = invocation.session.service, Resolve.isPlaceholder(service, invocation) {
                _ = invocation.skipsUnderDryRun()
                return
            }
            try deployment(condition, invocation)
        }
    }

    /// `weight`, `tasks`, `health` and `deployment`: read from the deployment as the controller sees it.
    static func deployment(_ condition: Condition, _ invocation: Invocation) throws {
        let view = try DeployContext.act(invocation) { try DeployContext.controller(invocation).observe() }
        func side(_ colour: String) -> Side? { colour == "blue" ? view.blue : view.green }
        switch condition {
        case .deployment(let op, let state):
            guard op.holds(view.state.rawValue, state) else {
                throw invocation.failure("assertion failed: deployment is \(view.state.rawValue), expected \(op.expectation)\(state)")
            }
        case .weight(let colour, let op, let share):
            let have = side(colour)?.weightTenths ?? 0
            guard op.holds(have, share.tenths) else {
                throw invocation.failure("assertion failed: \(colour) has \(DeployContext.percent(have)) of production traffic, expected \(op.expectation)\(share)")
            }
        case .tasks(let colour, let op, let n):
            let have = side(colour)?.running ?? 0
            guard op.holds(have, n) else {
                throw invocation.failure("assertion failed: \(colour) runs \(have) tasks, expected \(op.expectation)\(n)")
            }
        case .health(let colour, let op, let state):
            let have = side(colour)?.health ?? "none"
            guard op.holds(have, state) else {
                throw invocation.failure("assertion failed: \(colour) is \(have), expected \(op.expectation)\(state)")
            }
        case .exists, .equals:
            break
        }
    }

    static func exists(kind resource: ResourceKind, name: String, _ invocation: Invocation) throws {
        let kind = resource.rawValue
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
