import AWSModel
import BGSHAnalysis
import BGSHCore
import BGSHDeploy
import BGSHSyntax

/// `deploy [FAMILY[:REV]] [--image IMAGE] …`: start a blue-green deployment of the current service.
struct Deploy: Command {
    static let spec = CommandSpec(
        ["deploy"], group: .blueGreen,
        summary: "start a deployment: green starts on the other target group at 0 % of production traffic",
        discussion: """
            Which controller (service create --controller), verb by verb:
              verb        taskset (bgsh)                codedeploy (CodeDeploy)              ecs (ECS's native blue/green)
              deploy      task set; bgsh drives steps   CreateDeployment by the group        UpdateService: BLUE_GREEN, CANARY, LINEAR
              strategy    manual (default), any         the group's; canary/linear configs   all-at-once (default), canary, linear
              shift N%    yes, at once                  refused                              refused
              hold/resume yes                           refused                              refused
              promote     green to 100%                 ContinueDeployment                   ContinueServiceDeployment (--gate)
              rollback    at once, any stage            StopDeployment (a rollback deploy)   StopServiceDeployment, any stage to BAKE_TIME
              --bake      bgsh keeps blue               the group's termination wait         bakeTimeInMinutes
              --alarm     bgsh watches                  the deployment's override            ECS's alarms with rollback
              --analysis  every step                    while a bgsh waits                   while a bgsh waits
              without bgsh  holds at its step           CodeDeploy goes on                   ECS goes on
            Choose ecs for a new service (AWS's recommended way), codedeploy for the seed's CodeDeploy setup (`service migrate --to ecs` moves it), taskset for arbitrary splits and manual steps.
            """,
        arguments: [ArgumentSpec("TASKDEF", .resource(.taskdefFamily), optional: true, help: "FAMILY[:REV] (default: the latest ACTIVE revision of the service's family)")],
        options: [.option("image", .image, valueName: "IMAGE", help: "register a new revision with this image (ECR names resolve to this account's repository)"),
                  .option("image-detail", .file(extensions: ["json"]), valueName: "FILE", help: "take the image from a build's imageDetail.json ({\"ImageURI\": …})"),
                  .option("container", .string, valueName: "C", help: "the container --image replaces (default: the load balancer's)"),
                  .option("strategy", .strategy, valueName: "S", help: "manual (default), all-at-once, canary:P%:T, linear:P%:T"),
                  .option("alarm", .resource(.alarm), valueName: "NAME", repeatable: true, help: "roll back when this CloudWatch alarm goes to ALARM"),
                  .option("termination-wait", .duration, valueName: "DURATION", help: "how long blue is kept after promotion (default 5m)"),
                  .option("bake", .duration, valueName: "DURATION", help: "how long green bakes at 100% with blue kept (the state `baking`): the same wait as --termination-wait"),
                  .flag("wait", help: "then wait until the deployment is done (`wait done`)"),
                  .flag("auto-rollback", help: "roll back by itself when green turns unhealthy, never gets healthy or an --alarm fires (default; under codedeploy the deployment's autoRollbackConfiguration)"),
                  .option("timeout", .duration, valueName: "DURATION", help: "with --wait: give up after this long"),
                  .flag("skip-checks", help: "go ahead without checking that the image exists and the subnets can pull it"),
                  .option("health-timeout", .duration, valueName: "DURATION", help: "roll back when green has no healthy target this long after the deploy (default 10m)"),
                  .option("analysis", .analysisSpec, valueName: "SPEC", repeatable: true, help: "gate each step on green against blue (error-rate<1%, latency:p99<=blue*1.2, …; see `analysis run`)"),
                  .option("judge", .choice(["threshold", "compare"]), valueName: "JUDGE", help: "with --analysis: the bounds alone, or Mann-Whitney (default: threshold when every SPEC has a bound)"),
                  .option("analysis-interval", .duration, valueName: "T", help: "with --analysis: one sample's length (whole minutes; default 1m)"),
                  .option("analysis-count", .integer(1...1440), valueName: "N", help: "with --analysis: the fewest samples a verdict needs from each colour (default 1); a first shift gated on the test listener waits N intervals"),
                  .option("confidence", .percentage(allowsSign: false), valueName: "P%", help: "with --judge compare: the confidence (default 98%)"),
                  .option("pass", .integer(0...100), valueName: "N", help: "with --analysis: the score that passes (default 90)"),
                  .option("marginal", .integer(0...100), valueName: "N", help: "with --analysis: the score below pass that holds rather than rolls back (default 75)"),
                  .option("failure-limit", .integer(0...100), valueName: "N", help: "with --analysis: failed verdicts judged again before one counts (default 0)"),
                  .option("inconclusive-limit", .integer(0...100), valueName: "N", help: "with --analysis: inconclusive verdicts judged again before one counts (default 0)"),
                  .option("gate", .choice(["before-shift", "after-shift"]), valueName: "WHEN", help: "ecs controller: a PAUSE lifecycle hook that waits for `promote` before (POST_TEST_TRAFFIC_SHIFT) or after (POST_PRODUCTION_TRAFFIC_SHIFT) the production shift"),
                  .option("gate-timeout", .duration, valueName: "T", help: "with --gate: how long it waits for `promote` before rolling back (default 24h; whole minutes)")],
        examples: [Example("deploy --image ecs-demo-app:v2 --strategy canary:10%:5m --wait", "canary, then all; wait for the end"),
                   Example("deploy --image ecs-demo-app:v2 --strategy linear:20%:5m --analysis error-rate<1% --analysis latency:p99<=blue*1.2 --wait",
                           "each step waits for green to be no worse than blue, and rolls back when it is"),
                   Example("deploy web:3", "deploy revision 3 by hand: then `shift 10%`, `promote`")],
        isMutating: true, scope: .service)

    static func run(_ invocation: Invocation) throws {
        var controller = try DeployContext.controller(invocation)
        // ECS's native blue/green runs by itself: all at once unless told otherwise.
        let strategyText = invocation.string("strategy") ?? (controller is EcsController ? "all-at-once" : "manual")
        let strategy: Strategy
        switch Strategy.parse(strategyText) {
        case .success(let s): strategy = s
        case .failure(let e): throw invocation.failure(e.message, at: "strategy")
        }
        // Refuse before registering anything: a refused deploy changes nothing.
        let current0 = try DeployContext.act(invocation) { try controller.observe() }
        if current0.state.isActive {
            throw invocation.failure("deploy: deployment \(current0.id ?? "") is \(current0.state.rawValue): promote or roll it back before starting another")
        }
        if let native = current0.native, native.hasPrefix("ECS ROLLBACK_REQUESTED") || native.hasPrefix("ECS ROLLBACK_IN_PROGRESS") {
            throw invocation.failure("deploy: ECS is still rolling back deployment \(current0.id ?? "") (\(native)): green's tasks drain for a few seconds; deploy again once `status` says ROLLBACK_SUCCESSFUL")
        }
        let cloud = try invocation.cloud()
        // Every check before the first change: a refused deploy registers nothing.
        if let bake = invocation.duration("bake"), let wait = invocation.duration("termination-wait"), bake != wait {
            throw invocation.failure("--bake and --termination-wait name the same wait (blue kept while green bakes at 100%): give one", at: "bake")
        }
        let wait = (invocation.duration("bake") ?? invocation.duration("termination-wait"))?.seconds ?? 300
        if var ecs = controller as? EcsController {
            if invocation.has("health-timeout") {
                throw invocation.failure("deploy --health-timeout is bgsh's own rule under taskset: ECS's circuit breaker rolls back a green that does not start; leave it out", at: "health-timeout")
            }
            if (invocation.has("termination-wait") || invocation.has("bake")), wait % 60 != 0 {
                throw invocation.failure("ECS's bake time is whole minutes: give \(Duration.format(seconds: Double(wait - wait % 60 + 60))) or \(Duration.format(seconds: Double(wait - wait % 60)))",
                                         at: invocation.has("bake") ? "bake" : "termination-wait")
            }
            if strategy == .manual {
                throw invocation.failure("under the ecs controller nothing waits for `shift`: give --strategy all-at-once, canary:P%:T or linear:P%:T, and --gate before-shift|after-shift to wait for `promote`", at: "strategy")
            }
            if let gate = invocation.string("gate") {
                let timeout = invocation.duration("gate-timeout")?.seconds ?? 86_400
                guard timeout % 60 == 0, (60...20_160 * 60).contains(timeout) else {
                    throw invocation.failure("ECS's hook timeout is 1 to 20160 whole minutes (14 days)", at: "gate-timeout")
                }
                ecs.gate = (gate == "before-shift" ? "POST_TEST_TRAFFIC_SHIFT" : "POST_PRODUCTION_TRAFFIC_SHIFT", timeout / 60)
            } else if invocation.has("gate-timeout") {
                throw invocation.failure("--gate-timeout belongs to --gate", at: "gate-timeout")
            }
            // The strategy within ECS's ranges, checked before anything is registered.
            do {
                _ = try EcsController.configuration(strategy, bakeMinutes: wait / 60, alarms: [], autoRollback: true, gate: ecs.gate)
            } catch let refusal as DeploymentRefusal {
                throw invocation.failure(refusal.message, at: invocation.has("strategy") ? "strategy" : nil)
            }
            controller = ecs
        } else if let option = ["gate", "gate-timeout"].first(where: { invocation.has($0) }) {
            throw invocation.failure("--\(option) is the ecs controller's (a PAUSE lifecycle hook); this service's controller is \(current0.controller)", at: option)
        }
        // Under codedeploy these belong to CodeDeploy (the deployment group, or the deployment's
        // own overrides, which bgsh does not send yet): refused rather than silently dropped.
        if controller is CodeDeployController {
            if invocation.has("health-timeout") {
                throw invocation.failure("deploy --health-timeout is bgsh's own rule under taskset: CodeDeploy fails a green that does not get healthy by itself; leave it out", at: "health-timeout")
            }
            if (invocation.has("termination-wait") || invocation.has("bake")), wait % 60 != 0 {
                throw invocation.failure("CodeDeploy's termination wait is whole minutes: give \(Duration.format(seconds: Double(wait - wait % 60 + 60))) or \(Duration.format(seconds: Double(wait - wait % 60)))",
                                         at: invocation.has("bake") ? "bake" : "termination-wait")
            }
        }
        // --analysis: checked whole before anything changes.
        var plan: AnalysisPlan?
        let specs = invocation.strings("analysis").compactMap { try? AnalysisSpec.parse($0).get() }
        if !specs.isEmpty {
            guard !strategy.steps.isEmpty, strategy.steps.count > 1 else {
                throw invocation.failure("--analysis gates a schedule's steps after the first: give --strategy canary:P%:T or linear:P%:T", at: "analysis")
            }
            let checked = try AnalysisRun.plan(specs, invocation, at: "analysis", count: invocation.integer("analysis-count") ?? 1)
            guard checked.fitsInTag else {
                throw invocation.failure("the analysis is too long to keep on the service (a tag holds \(Tag.maxValueLength) characters): give fewer or shorter SPECs", at: "analysis")
            }
            plan = checked
        } else if let option = ["judge", "analysis-interval", "analysis-count", "confidence", "pass", "marginal", "failure-limit", "inconclusive-limit"].first(where: { invocation.has($0) }) {
            throw invocation.failure("--\(option) belongs to --analysis: give one or more --analysis SPEC", at: option)
        }
        let alarms = invocation.strings("alarm")
        if !alarms.isEmpty {
            let known = try cloud.describeAlarms(DescribeAlarmsInput(AlarmNames: alarms)).MetricAlarms.compactMap(\.AlarmName)
            for alarm in alarms where !known.contains(alarm) {
                throw Resolve.notFound("alarm", alarm, (try? ResourceNames.all(.alarm, in: invocation.session)) ?? [], invocation, at: "alarm",
                                       create: "alarm create NAME --tg TG --threshold N")
            }
        }
        let service = try Resolve.service(invocation.session.service ?? "", invocation, at: nil)
        let primary = service.taskSets?.first { $0.status == "PRIMARY" }
        // The primary task set's, or the service's own (AWS reports both; moto's CODE_DEPLOY
        // services have no task set).
        let current = try (primary?.taskDefinition ?? service.taskDefinition).map { try Resolve.taskDefinition($0, invocation, at: nil) }
        var definition = try invocation.string("TASKDEF").map { try Resolve.taskDefinition($0, invocation, at: "TASKDEF") }
            ?? current.flatMap { $0.family }.map { try Resolve.taskDefinition($0, invocation, at: nil) }
        guard var base = definition else { throw invocation.failure("the service runs no task definition to deploy from: name one") }
        if invocation.has("image"), invocation.has("image-detail") {
            throw invocation.failure("give --image or --image-detail, not both", at: "image-detail")
        }
        var image = invocation.string("image")
        if invocation.has("image-detail") {
            struct ImageDetail: Decodable { var ImageURI: String }
            image = try InputFile.decode(ImageDetail.self, argument: "image-detail", knownKeys: ["ImageURI"], invocation).ImageURI
        }
        if image == nil, !invocation.flag("skip-checks") { try preflight(base, service, invocation) }
        if let image {
            let container = invocation.string("container") ?? ServiceTags(service.tags)?.container ?? base.containerDefinitions?.first?.name ?? ""
            guard let index = base.containerDefinitions?.firstIndex(where: { $0.name == container }) else {
                throw invocation.failure("task definition \(base.family ?? "") has no container '\(container)'", at: "container")
            }
            var resolved = image
            // An image without a registry resolves to this account's ECR repository of that name.
            let name = String(image.split(separator: ":").first ?? "")
            if !image.contains("/"), let repository = try absentIfNotFound({ try cloud.describeRepositories(DescribeRepositoriesRequest(repositoryNames: [name])).repositories.first }) {
                resolved = (repository.repositoryUri ?? name) + String(image.dropFirst(name.count))
            }
            base.containerDefinitions?[index].image = resolved
            if !invocation.flag("skip-checks") { try preflight(base, service, invocation) }
            var input = RegisterTaskDefinitionInput(family: base.family ?? "", containerDefinitions: base.containerDefinitions ?? [])
            input.networkMode = base.networkMode
            input.requiresCompatibilities = base.requiresCompatibilities
            input.cpu = base.cpu
            input.memory = base.memory
            input.executionRoleArn = base.executionRoleArn
            input.taskRoleArn = base.taskRoleArn
            if let latest = try absentIfNotFound({ try cloud.describeTaskDefinition(DescribeTaskDefinitionInput(taskDefinition: input.family)).taskDefinition }),
               latest.hasContent(of: input) {
                definition = latest
            } else {
                definition = try invocation.mutate("ecs:RegisterTaskDefinition", input, { try cloud.registerTaskDefinition(input).taskDefinition })
                if definition == nil, let family = base.family {
                    // A dry run's new revision: a placeholder ARN, as every dry-run create has.
                    var pending = base
                    pending.taskDefinitionArn = invocation.placeholderArn("ecs", "task-definition", name: family + ":1")
                    definition = pending
                }
            }
        }
        let arn = definition?.taskDefinitionArn ?? base.taskDefinitionArn ?? ""
        // On the simulator the state's lock decides between two deploys at once; on AWS the
        // controller's look after CreateTaskSet does (TaskSetController.withdrawIfSecond).
        // Under codedeploy the termination wait is the deployment group's: changed there, and said.
        if controller is CodeDeployController, invocation.has("termination-wait") || invocation.has("bake") {
            try changeTerminationWait(minutes: wait / 60, service, invocation)
        }
        let healthTimeout = invocation.duration("health-timeout")?.seconds ?? DeploymentTags.defaultHealthTimeout
        let start = { try DeployContext.act(invocation) { try controller.deploy(taskDefinitionArn: arn, strategy: strategy, terminationWait: wait, alarms: alarms, healthTimeout: healthTimeout,
                                                                                      autoRollback: invocation.has("auto-rollback") ? invocation.flag("auto-rollback") : nil) } }
        let id = try invocation.session.backend.emulator.map { try $0.exclusively(start) } ?? start()
        invocation.session.remember(id, as: nil)
        if let plan, !invocation.session.isDryRun {
            let specs = plan.specs.map(\.text).joined(separator: ", ")
            if let taskset = controller as? TaskSetController {
                try DeployContext.act(invocation) { try taskset.attachAnalysis(plan) }
                let first = ServiceTags(service.tags)?.testListener == nil
                    ? "green carries no traffic before its first shift and the service has no test listener, so that one is not gated"
                    : "the first waits for \(Duration.format(seconds: Double(plan.count * plan.interval))) of green's test-listener traffic to pass"
                invocation.session.out.writeError("analysis (\(plan.judge)): each step after the first waits for \(specs) on the traffic since the step before; \(first)\n")
            } else if let ecs = controller as? EcsController {
                try DeployContext.act(invocation) { try ecs.attachAnalysis(plan) }
                invocation.session.out.writeError("analysis (\(plan.judge)): while a bgsh waits on it (`wait`, `status --watch`), \(specs) is judged every \(Duration.format(seconds: Double(plan.interval))) once green carries production traffic, and anything but a pass rolls back (StopServiceDeployment); without a bgsh attached only the alarms and the circuit breaker gate it\n")
            } else if let codedeploy = controller as? CodeDeployController {
                try DeployContext.act(invocation) { try codedeploy.attachAnalysis(plan) }
                invocation.session.out.writeError("analysis (\(plan.judge)): while a bgsh waits on it (`wait`, `status --watch`), \(specs) is judged every \(Duration.format(seconds: Double(plan.interval))) once green carries production traffic, and anything but a pass rolls back (StopDeployment); without a bgsh attached only the alarms gate it\n")
            }
        }
        let how = controller is CodeDeployController && strategy == .manual ? "the deployment group's configuration"
            : controller is EcsController ? "strategy \(strategy.name), run by ECS" : "strategy \(strategy.name)"
        if invocation.session.isDryRun {
            // The calls above were printed, not made: nothing started, nothing to wait for.
            invocation.session.out.write("dry-run: deployment \(id) would start green on \(arn.split(separator: "/").last ?? "") at 0% of production traffic (\(how))\n")
            return
        }
        invocation.session.out.write("deployment \(id): green runs \(arn.split(separator: "/").last ?? "") at 0% of production traffic (\(how))\n")
        if !invocation.flag("wait") { DeployContext.noteProvisioning(invocation) }  // `wait` says it itself
        if invocation.flag("wait") {
            try Wait.waitFor("done", timeout: invocation.duration("timeout")?.seconds, autoRollback: invocation.flag("auto-rollback", default: true), invocation)
        }
    }

    /// deploy's checks, before anything changes (COMMANDS.md): an image in this account's ECR
    /// exists (DescribeImages), and the service's subnets have a path to pull it. On the
    /// simulator its own rules decide; on AWS a default route to any target passes (as would
    /// ECR's VPC endpoints, transit gateways, firewalls), and no route is only a warning.
    static func preflight(_ definition: TaskDefinition, _ service: Service, _ invocation: Invocation) throws {
        let cloud = try invocation.cloud()
        let account = try invocation.session.backend.accountId()
        for image in definition.containerDefinitions?.compactMap(\.image) ?? [] {
            guard let ecr = ECRImageReference(image, account: account, region: invocation.session.region) else { continue }
            let (repository, reference) = (ecr.repository, ecr.reference)
            let id = ecr.identifier
            let found: Bool
            do {
                found = !(try cloud.describeImages(DescribeImagesRequest(repositoryName: repository, imageIds: [id])).imageDetails.isEmpty)
            } catch let error as AWSError where ["ImageNotFoundException", "RepositoryNotFoundException"].contains(error.code) {
                found = false
            }
            guard found else {
                let push = invocation.session.backend.emulator != nil ? "`sim push \(repository):\(reference)`" : "push it (docker push \(image))"
                throw invocation.failure("deploy: image \(image) is not in ECR (\(repository) has no \(reference)): green's tasks could not pull it; \(push) first, or --skip-checks")
            }
        }
        // EXTERNAL services keep the network on their task sets; the others on the service.
        let configuration = service.networkConfiguration ?? service.taskSets?.first { $0.status == "PRIMARY" }?.networkConfiguration
        guard let network = configuration?.awsvpcConfiguration, let first = network.subnets.first else { return }
        guard let vpcId = try cloud.describeSubnets(DescribeSubnetsRequest(SubnetIds: [first])).Subnets.first?.VpcId else { return }
        let tables = try Network.routeTables(vpcId, cloud)
        let publicIp = network.assignPublicIp == "ENABLED"
        let closed = network.subnets.filter { subnet in
            guard let route = tables.governing(subnet)?.defaultRoute, route.State != "blackhole" else { return true }
            if route.GatewayId?.hasPrefix("igw-") == true { return !publicIp }
            return false
        }
        guard !closed.isEmpty else { return }
        let why = closed.map { "\($0): \(Network.reach($0, in: tables))" }.joined(separator: "; ")
        let fix = "give the service public IPs in public subnets, or private subnets with a NAT gateway (`subnet create … --private --nat NAT`)"
        if invocation.session.backend.emulator != nil {
            throw invocation.failure("deploy: the service's subnets have no path to pull the image (\(why)\(publicIp ? "" : ", and its tasks get no public IP")): \(fix); or --skip-checks")
        }
        invocation.session.out.writeError("warning: the service's subnets may have no path to pull the image (\(why)); fine if ECR's VPC endpoints or another route serve them, else \(fix)\n")
    }

    /// UpdateDeploymentGroup with the group's blue-termination wait, keeping its other settings.
    static func changeTerminationWait(minutes: Int, _ service: Service, _ invocation: Invocation) throws {
        let tags = service.tags ?? []
        guard let app = tags.first(where: { $0.key == "bgsh:codedeploy-app" })?.value, let group = tags.first(where: { $0.key == "bgsh:codedeploy-group" })?.value else {
            throw invocation.failure("service '\(service.serviceName ?? "")' has no CodeDeploy deployment group yet: create it with `codedeploy group create`")
        }
        let cloud = try invocation.cloud()
        let info = try cloud.getDeploymentGroup(GetDeploymentGroupInput(applicationName: app, deploymentGroupName: group)).deploymentGroupInfo
        var blueGreen = info.blueGreenDeploymentConfiguration ?? BlueGreenDeploymentConfiguration(terminateBlueInstancesOnDeploymentSuccess: nil, deploymentReadyOption: nil)
        guard blueGreen.terminateBlueInstancesOnDeploymentSuccess?.terminationWaitTimeInMinutes != minutes else { return }
        blueGreen.terminateBlueInstancesOnDeploymentSuccess = BlueInstanceTerminationOption(action: "TERMINATE", terminationWaitTimeInMinutes: minutes)
        var input = UpdateDeploymentGroupInput(applicationName: app, currentDeploymentGroupName: group)
        input.blueGreenDeploymentConfiguration = blueGreen
        _ = try cloud.updateDeploymentGroup(input)
        invocation.session.out.writeError("changed deployment group \(app)/\(group) (UpdateDeploymentGroup): blue is kept \(Duration.format(seconds: Double(minutes * 60))) after promotion, for this deployment and the next\n")
    }
}

