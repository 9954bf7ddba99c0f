import AWSModel
import BGSHCore
import BGSHDeploy

/// `sim fail blue|green|TG`: those targets fail their health checks from now on.
struct SimFail: Command {
    static let spec = CommandSpec(
        ["sim", "fail"], group: .simulator,
        summary: "make a colour's (or a target group's) targets fail health checks: unhealthy after the unhealthy threshold",
        arguments: [ArgumentSpec("TARGET", .colourOrTargetGroup, help: "blue, green (of the current service) or a target group")],
        options: [.option("rate", .percentage(allowsSign: false), valueName: "P%", help: "stay healthy but answer P% of requests with 5xx"),
                  .option("latency", .duration, valueName: "D", help: "stay healthy but answer D slower than the baseline (median 40ms, p99 120ms)"),
                  .flag("next", help: "arm it for that side (blue or green) of the next deployment, taking effect when it starts")],
        examples: [Example("sim fail green", "green's targets turn unhealthy; a waiting deployment rolls back"),
                   Example("sim fail --next green", "the next deployment's green will fail; production is untouched until then"),
                   Example("sim fail green --rate 30%", "green answers 30% of `sim traffic` with 5xx (what alarms watch)"),
                   Example("sim fail --next green --latency 250ms", "the next deployment's green answers 250 ms slower (what canary analysis watches)")],
        isMutating: true, scope: .service)

    /// A colour of the current service (before a deployment, green is the group the next green
    /// will use) or a target group by name or ARN.
    static func targetGroup(_ reference: String, _ invocation: Invocation) throws -> String {
        guard reference == "blue" || reference == "green" else {
            return try Resolve.targetGroup(reference, invocation, at: "TARGET").TargetGroupArn ?? ""
        }
        let view = try DeployContext.act(invocation) { try DeployContext.controller(invocation).observe() }
        if reference == "blue", let blue = view.blue { return blue.targetGroupArn }
        if reference == "green", let green = view.green { return green.targetGroupArn }
        let service = try Resolve.service(invocation.session.service ?? "", invocation, at: nil)
        guard let tags = ServiceTags(service.tags) else { throw invocation.failure("the current service has no blue-green setup") }
        let blueTG = view.blue?.targetGroupArn ?? view.green?.targetGroupArn ?? tags.blueTargetGroup
        if reference == "blue" { return blueTG }
        return blueTG == tags.blueTargetGroup ? tags.greenTargetGroup : tags.blueTargetGroup
    }

    static func run(_ invocation: Invocation) throws {
        let emulator = try invocation.session.emulator(for: "sim fail")
        if invocation.skipsUnderDryRun() { return }
        let target = invocation.string("TARGET") ?? ""
        if invocation.flag("next") {
            guard target == "blue" || target == "green" else {
                throw invocation.failure("--next arms a fault for a side of the next deployment: name blue or green, not a target group", at: "TARGET")
            }
            let service = try Resolve.service(invocation.session.service ?? "", invocation, at: nil)
            guard ServiceTags(service.tags) != nil else { throw invocation.failure("the current service has no blue-green setup") }
            var will: [String] = []
            if let latency = invocation.duration("latency") {
                try emulator.failLatency(nil, milliseconds: latency.milliseconds, nextDeploymentOf: service.serviceArn ?? "", side: target)
                will.append("answer \(latency) slower")
            }
            if invocation.has("rate") || !invocation.has("latency") {
                try emulator.armNextDeployment(serviceArn: service.serviceArn ?? "", side: target, rateTenths: invocation.percentage("rate")?.tenths)
                will.append(invocation.percentage("rate").map { "answer \($0) of requests with 5xx" } ?? "fail its health checks")
            }
            invocation.session.out.writeError("armed: \(target) of the next deployment of \(service.serviceName ?? "") will \(will.joined(separator: " and "))\n")
            return
        }
        let arn = try targetGroup(target, invocation)
        if let latency = invocation.duration("latency") {
            try emulator.failLatency(arn, milliseconds: latency.milliseconds, nextDeploymentOf: nil, side: nil)
            if !invocation.has("rate") { return }
        }
        if let rate = invocation.percentage("rate") {
            try emulator.failRate(arn, tenths: rate.tenths)
        } else {
            try emulator.failTargetGroup(arn)
        }
    }
}

/// `sim heal [blue|green|TG]`: health checks pass again.
struct SimHeal: Command {
    static let spec = CommandSpec(
        ["sim", "heal"], group: .simulator,
        summary: "end injected health failures (of one colour or target group, or all)",
        arguments: [ArgumentSpec("TARGET", .colourOrTargetGroup, optional: true, help: "blue, green or a target group (default: all)")],
        examples: [Example("sim heal", "every target group passes its checks again")],
        isMutating: true, scope: .service)

    static func run(_ invocation: Invocation) throws {
        let emulator = try invocation.session.emulator(for: "sim heal")
        if invocation.skipsUnderDryRun() { return }
        try emulator.heal(try invocation.string("TARGET").map { try SimFail.targetGroup($0, invocation) })
    }
}
