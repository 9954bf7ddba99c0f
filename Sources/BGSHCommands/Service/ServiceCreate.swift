import AWSModel
import BGSHCore
import BGSHDeploy

/// `service create NAME --taskdef … --blue-tg … --green-tg … --listener LB:PORT …`.
///
/// Under `--controller taskset` (the default): an ECS service with the EXTERNAL controller, a
/// first (blue) task set at 100 % on the blue target group, made primary, and the production
/// listener rewritten to a weighted forward (blue 100, green 0); the test listener, if given,
/// forwards to green. Under `--controller codedeploy`: a CODE_DEPLOY service on the blue target
/// group; green and the listeners are recorded for `codedeploy group create`.
struct ServiceCreate: Command {
    static let spec = CommandSpec(
        ["service", "create"], group: .resources,
        summary: "create a blue-green ECS service on the current cluster (taskset, codedeploy or ecs controller)",
        discussion: "--controller ecs makes a service with Amazon ECS's native blue/green: its load balancer on the blue group with advancedConfiguration (alternate group green, the production listener's default rule rewritten to a weighted forward blue 100 / green 0, the test listener's rule forwarding to green) and --lb-role, the role ECS changes the rules with. The listeners must have forward actions only; that is checked before anything is made.",
        arguments: [ArgumentSpec("NAME", .string, help: "the service's name")],
        options: [.option("taskdef", .resource(.taskdefFamily), valueName: "FAMILY[:REV]", required: true, help: "what blue runs"),
                  .option("blue-tg", .resource(.targetGroup), valueName: "TG", required: true, help: "the target group blue starts on"),
                  .option("green-tg", .resource(.targetGroup), valueName: "TG", required: true, help: "the target group green will use"),
                  .option("listener", .resource(.listener), valueName: "LB:PORT", required: true, help: "the production listener"),
                  .option("test-listener", .resource(.listener), valueName: "LB:PORT", help: "a test listener that forwards to green"),
                  .option("container", .string, valueName: "C", required: true, help: "the container the load balancer sends traffic to"),
                  .option("port", .port, valueName: "P", required: true, help: "that container's port"),
                  .option("desired", .integer(0...1000), valueName: "N", help: "how many tasks (default 1)"),
                  .option("subnets", .resource(.subnet), valueName: "S1,S2", help: "the tasks' subnets"),
                  .option("security-groups", .resource(.securityGroup), valueName: "SG,…", help: "the tasks' security groups"),
                  .flag("public-ip", help: "give tasks a public IP (default: when all its subnets are public, as the console does; --no-public-ip to refuse)"),
                  .option("controller", .choice(["taskset", "codedeploy", "ecs"]), valueName: "CONTROLLER", help: "taskset (default: bgsh shifts traffic), codedeploy or ecs (ECS's native blue/green)"),
                  .option("lb-role", .string, valueName: "ARN", help: "with --controller ecs: the IAM role ECS uses to change the listener rules"),
                  CommonOptions.as],
        examples: [Example("service create myBGService --taskdef ecs-bg-task-def-v1 --blue-tg blue-tg --green-tg green-tg --listener my-ecs-alb:80 --container php-app --port 80 --desired 1 --subnets $SUB1,$SUB2 --security-groups $SG",
                           "the seed's service under bgsh's taskset controller"),
                   Example("service create web --controller ecs --lb-role arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers --taskdef web --blue-tg web-blue --green-tg web-green --listener web-alb:80 --container web --port 80 --subnets $A,$B --security-groups $SG",
                           "the same under ECS's native blue/green")],
        isMutating: true, scope: .cluster)

    static func run(_ invocation: Invocation) throws {
        try create(invocation)
        invocation.selectIfNone(\.service, "service", invocation.string("NAME") ?? "")
    }

    static func create(_ invocation: Invocation) throws {
        let name = invocation.string("NAME") ?? ""
        let cluster = try invocation.session.requireCluster()
        for flag in ["taskdef", "blue-tg", "green-tg", "listener", "container", "port"] where !invocation.has(flag) {
            throw invocation.failure("service create needs --\(flag) (see `help service create`)")
        }
        let controller = invocation.string("controller") ?? "taskset"
        if controller == "ecs", !invocation.has("lb-role") {
            throw invocation.failure("--controller ecs needs --lb-role ARN: the IAM role ECS changes the listener rules with (trusting ecs.amazonaws.com, with the managed policy AmazonECSInfrastructureRolePolicyForLoadBalancers)")
        }
        if controller != "ecs", invocation.has("lb-role") {
            throw invocation.failure("--lb-role belongs to --controller ecs (ECS changes the listener rules itself)", at: "lb-role")
        }
        let definition = try Resolve.taskDefinition(invocation.string("taskdef") ?? "", invocation, at: "taskdef")
        let blue = try Resolve.targetGroup(invocation.string("blue-tg") ?? "", invocation, at: "blue-tg")
        let green = try Resolve.targetGroup(invocation.string("green-tg") ?? "", invocation, at: "green-tg")
        guard blue.TargetGroupArn != green.TargetGroupArn else {
            throw invocation.failure("--blue-tg and --green-tg must be two different target groups", at: "green-tg")
        }
        let (_, listener) = try Resolve.listener(invocation.string("listener") ?? "", invocation, at: "listener")
        let testListener = try invocation.string("test-listener").map { try Resolve.listener($0, invocation, at: "test-listener").1 }
        if let testListener, testListener.ListenerArn == listener.ListenerArn {
            throw invocation.failure("the test listener must differ from the production listener", at: "test-listener")
        }
        let container = invocation.string("container") ?? ""
        let port = invocation.integer("port") ?? 80
        guard let containerDefinition = definition.containerDefinitions?.first(where: { $0.name == container }) else {
            let names = definition.containerDefinitions?.compactMap(\.name) ?? []
            let hint = Suggest.closest(to: container, in: names).map { " (did you mean '\($0)'?)" } ?? " (it has \(names.joined(separator: ", ")))"
            throw invocation.failure("task definition \(definition.family ?? ""):\(definition.revision ?? 0) has no container '\(container)'\(hint)", at: "container")
        }
        guard containerDefinition.portMappings?.contains(where: { $0.containerPort == port }) == true else {
            throw invocation.failure("container '\(container)' does not expose port \(port)", at: "port")
        }
        let subnets = try invocation.string("subnets").map { try Resolve.list($0).map { try Resolve.subnet($0, invocation, at: "subnets").SubnetId ?? $0 } } ?? []
        let groups = try invocation.string("security-groups").map { try Resolve.list($0).map { try Resolve.securityGroup($0, vpcId: nil, invocation, at: "security-groups").GroupId ?? $0 } }
        let network = subnets.isEmpty ? nil : NetworkConfiguration(awsvpcConfiguration: AwsVpcConfiguration(
            subnets: subnets, securityGroups: groups, assignPublicIp: try publicIp(subnets, invocation) ? "ENABLED" : "DISABLED"))
        let tags = ServiceTags(controller: controller, blueTargetGroup: blue.TargetGroupArn ?? "", greenTargetGroup: green.TargetGroupArn ?? "",
                               listener: listener.ListenerArn ?? "", testListener: testListener?.ListenerArn, container: container, port: port)
        let desired = invocation.integer("desired") ?? 1
        let cloud = try invocation.cloud()

        // Identity: a service of that name; the same setup again is not an error.
        if let existing = try absentIfNotFound({ try cloud.describeServices(DescribeServicesInput(cluster: cluster, services: [name])).services.first }), existing.status == "ACTIVE" {
            guard let have = ServiceTags(existing.tags) else {
                throw invocation.failure("service '\(name)' exists but was not created by bgsh: pick another name", at: "NAME")
            }
            var differences: [String] = []
            if have.controller != tags.controller { differences.append("controller \(have.controller)") }
            if Set([have.blueTargetGroup, have.greenTargetGroup]) != Set([tags.blueTargetGroup, tags.greenTargetGroup]) { differences.append("other target groups") }
            if have.listener != tags.listener { differences.append("another production listener") }
            if have.container != tags.container || have.port != tags.port { differences.append("container \(have.container):\(have.port)") }
            // What was asked for explicitly must match too (a scaled service re-run without --desired is fine).
            if invocation.has("desired"), existing.desiredCount != desired { differences.append("desired count \(existing.desiredCount ?? 0)") }
            let primary = existing.taskSets?.first { $0.status == "PRIMARY" }
            let running = (existing.networkConfiguration ?? primary?.networkConfiguration)?.awsvpcConfiguration
            if !subnets.isEmpty, let running, Set(running.subnets) != Set(subnets) { differences.append("subnets \(running.subnets.joined(separator: ","))") }
            if let groups, let running, Set(running.securityGroups ?? []) != Set(groups) {
                differences.append("security groups \((running.securityGroups ?? []).joined(separator: ","))")
            }
            if let runningDefinition = primary?.taskDefinition ?? existing.taskDefinition,
               let family = runningDefinition.split(separator: "/").last?.split(separator: ":").first, String(family) != definition.family {
                differences.append("task definition family \(family)")
            }
            guard differences.isEmpty else {
                throw invocation.failure("service '\(name)' exists with \(differences.joined(separator: ", ")): delete it first or pick another name", at: "NAME")
            }
            invocation.produce(existing.serviceArn ?? "")
            return
        }

        if definition.networkMode == "awsvpc", subnets.isEmpty, !Resolve.isPlaceholder(definition.taskDefinitionArn ?? "", invocation) {
            throw invocation.failure("task definition \(definition.family ?? "") uses awsvpc networking: give the tasks' --subnets (and --security-groups)")
        }
        let lb = ServiceLoadBalancer(targetGroupArn: blue.TargetGroupArn, containerName: container, containerPort: port)
        var input = CreateServiceInput(cluster: cluster, serviceName: name)
        input.desiredCount = desired
        input.launchType = "FARGATE"
        input.networkConfiguration = network
        input.tags = tags.tags
        if controller == "ecs" {
            input.taskDefinition = definition.taskDefinitionArn
            try createNative(input, lb: lb, blue: blue, green: green, listener: listener, testListener: testListener, invocation)
            return
        }
        if controller == "codedeploy" {
            input.taskDefinition = definition.taskDefinitionArn
            input.loadBalancers = [lb]
            input.deploymentController = DeploymentController(type: "CODE_DEPLOY")
            produce(try invocation.mutate("ecs:CreateService", input, { try cloud.createService(input) }), input, invocation)
            return
        }
        input.deploymentController = DeploymentController(type: "EXTERNAL")
        let created = try invocation.mutate("ecs:CreateService", input, { try cloud.createService(input) })
        var taskSet = CreateTaskSetInput(cluster: cluster, service: name, taskDefinition: definition.taskDefinitionArn ?? "")
        taskSet.externalId = "bgsh-blue"
        taskSet.loadBalancers = [lb]
        taskSet.networkConfiguration = network
        taskSet.launchType = "FARGATE"
        taskSet.scale = Scale(value: 100, unit: "PERCENT")
        taskSet.tags = [Tag(key: "bgsh:role", value: "blue")]
        do {
            let set = try invocation.mutate("ecs:CreateTaskSet", taskSet, { try cloud.createTaskSet(taskSet) })
            let primary = UpdateServicePrimaryTaskSetInput(cluster: cluster, service: name, primaryTaskSet: set?.taskSet.taskSetArn ?? "dryrun-blue")
            _ = try invocation.mutate("ecs:UpdateServicePrimaryTaskSet", primary, { try cloud.updateServicePrimaryTaskSet(primary) })
            try pointListeners(blue: blue, green: green, listener: listener, testListener: testListener, invocation)
        } catch {
            // Leave nothing half-made: a service without its blue task set would confuse the
            // next `service create` (and every deployment verb).
            if created != nil {
                _ = try? cloud.deleteService(DeleteServiceInput(cluster: cluster, service: name, force: true))
            }
            throw error
        }
        produce(created, input, invocation)
    }

    /// `--controller ecs`: AWS's listener checks first (forward actions only), then the listeners'
    /// default rules as ECS names them (DescribeRules), production rewritten to blue 100 /
    /// green 0 and the test listener to green, and the service with advancedConfiguration.
    static func createNative(_ base: CreateServiceInput, lb: ServiceLoadBalancer, blue: TargetGroup, green: TargetGroup, listener: Listener,
                             testListener: Listener?, _ invocation: Invocation) throws {
        let cloud = try invocation.cloud()
        try Resolve.requireForwardOnly([(listener, "listener")] + (testListener.map { [($0, "test-listener")] } ?? []), invocation)
        let productionRule = try Resolve.defaultRule(listener.ListenerArn ?? "", invocation)
        let testRule = try testListener.map { try Resolve.defaultRule($0.ListenerArn ?? "", invocation) }
        var lb = lb
        lb.advancedConfiguration = AdvancedConfiguration(alternateTargetGroupArn: green.TargetGroupArn, productionListenerRule: productionRule,
                                                         testListenerRule: testRule, roleArn: invocation.string("lb-role"))
        // AWS: without a test listener both groups must be on the production rule; with one,
        // blue on production and green on the test rule.
        try pointListeners(blue: blue, green: green, listener: listener, testListener: testListener, invocation)
        var input = base
        input.loadBalancers = [lb]
        input.deploymentController = DeploymentController(type: "ECS")
        var configuration = ServiceDeploymentConfiguration(strategy: "BLUE_GREEN")
        configuration.bakeTimeInMinutes = 0
        input.deploymentConfiguration = configuration
        produce(try invocation.mutate("ecs:CreateService", input, { try cloud.createService(input) }), input, invocation)
    }

    /// The new service's ARN for `$_` and `--as`; under `--dry-run` (no answer) a placeholder.
    static func produce(_ created: CreateServiceOutput?, _ input: CreateServiceInput, _ invocation: Invocation) {
        guard let created else {
            invocation.producePlaceholder(invocation.placeholderArn("ecs", "service/\(input.cluster ?? "")", name: input.serviceName), kind: "service", name: input.serviceName)
            return
        }
        invocation.produce(created.service.serviceArn ?? "")
    }

    /// The production listener a weighted forward blue 100 / green 0 (ModifyListener replaces
    /// the whole action list), the test listener a forward to green.
    static func pointListeners(blue: TargetGroup, green: TargetGroup, listener: Listener, testListener: Listener?, _ invocation: Invocation) throws {
        let cloud = try invocation.cloud()
        let weighted = ModifyListenerInput(ListenerArn: listener.ListenerArn ?? "",
                                           DefaultActions: [.weighted([(blue.TargetGroupArn ?? "", 100), (green.TargetGroupArn ?? "", 0)])])
        _ = try invocation.mutate("elbv2:ModifyListener", weighted, { try cloud.modifyListener(weighted) })
        if let testListener {
            let test = ModifyListenerInput(ListenerArn: testListener.ListenerArn ?? "", DefaultActions: [.forward(green.TargetGroupArn ?? "")])
            _ = try invocation.mutate("elbv2:ModifyListener", test, { try cloud.modifyListener(test) })
        }
    }

    /// `--public-ip`, `--no-public-ip`, or (neither) on when every subnet is public: a task in a
    /// public subnet pulls its image through the internet gateway only with a public IP.
    static func publicIp(_ subnets: [String], _ invocation: Invocation) throws -> Bool {
        if invocation.has("public-ip") { return invocation.flag("public-ip") }
        guard let first = subnets.first, !Resolve.isPlaceholder(first, invocation) else { return false }
        let cloud = try invocation.cloud()
        guard let vpcId = try cloud.describeSubnets(DescribeSubnetsRequest(SubnetIds: [first])).Subnets.first?.VpcId else { return false }
        let tables = try Network.routeTables(vpcId, cloud)
        return subnets.allSatisfy { Network.isPublic($0, in: tables) }
    }
}
