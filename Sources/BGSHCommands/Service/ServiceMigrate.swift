import AWSModel
import BGSHCore
import BGSHDeploy

/// `service migrate --to ecs --lb-role ARN`: a CODE_DEPLOY service moved to ECS's native
/// blue/green as AWS documents it: the production listener made a weighted forward over both
/// groups, then UpdateService with deploymentController ECS, a BLUE_GREEN deploymentConfiguration
/// and the load balancer with advancedConfiguration.
struct ServiceMigrate: Command {
    static let spec = CommandSpec(
        ["service", "migrate"], group: .resources,
        summary: "move the current CodeDeploy service to ECS's native blue/green (UpdateService deploymentController + advancedConfiguration)",
        discussion: "Refused while a deployment is in progress. The group production is on stays blue; the other becomes the alternate. Asks first on a terminal; --dry-run shows each call. The CodeDeploy deployment group stays: delete it with `codedeploy group delete` once the migration is done.",
        options: [.option("to", .choice(["ecs"]), valueName: "CONTROLLER", required: true, help: "the controller to move to: ecs"),
                  .option("lb-role", .string, valueName: "ARN", required: true, help: "the IAM role ECS uses to change the listener rules"),
                  CommonOptions.yes],
        examples: [Example("service migrate --to ecs --lb-role arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers --yes",
                           "the seed's CodeDeploy service under ECS's native blue/green")],
        isMutating: true, scope: .service)

    static func run(_ invocation: Invocation) throws {
        let cluster = try invocation.session.requireCluster()
        guard let name = invocation.session.service else { throw invocation.failure("no service selected: select one with `service NAME`") }
        if Resolve.dryRunRead(name, invocation) { return }
        let service = try Resolve.service(name, invocation, at: nil)
        guard let tags = ServiceTags(service.tags) else { throw invocation.failure("service '\(name)' was not created by bgsh: it has no blue-green setup to migrate") }
        guard tags.controller == "codedeploy", service.deploymentController?.type == "CODE_DEPLOY" else {
            throw invocation.failure("service '\(name)' uses the \(tags.controller) controller: only a CodeDeploy (CODE_DEPLOY) service migrates to ecs")
        }
        let view = try DeployContext.act(invocation) { try DeployContext.controller(invocation).observe() }
        if view.state.isActive {
            throw invocation.failure("deployment \(view.id ?? "") is \(view.state.rawValue): let it end (or roll it back) before migrating")
        }
        let cloud = try invocation.cloud()
        guard let primary = service.taskSets?.first(where: { $0.status == "PRIMARY" }), let lb = primary.loadBalancers?.first,
              let production = lb.targetGroupArn else {
            throw invocation.failure("service '\(name)' has no primary task set on a target group to migrate")
        }
        let alternate = production == tags.blueTargetGroup ? tags.greenTargetGroup : tags.blueTargetGroup
        let listeners = try cloud.describeListeners(DescribeListenersInput(ListenerArns: [tags.listener] + (tags.testListener.map { [$0] } ?? []))).Listeners
        try Resolve.requireForwardOnly(listeners.map { ($0, nil) }, invocation)
        let productionRule = try Resolve.defaultRule(tags.listener, invocation)
        let testRule = try tags.testListener.map { try Resolve.defaultRule($0, invocation) }
        try invocation.confirmDelete("the CodeDeploy controller of service \(name) (it moves to ECS's native blue/green)")
        // ECS needs both groups on the production rule (or the other on the test rule).
        let weighted = ModifyListenerInput(ListenerArn: tags.listener, DefaultActions: [.weighted([(production, 100), (alternate, 0)])])
        _ = try invocation.mutate("elbv2:ModifyListener", weighted, { try cloud.modifyListener(weighted) })
        var input = UpdateServiceInput(cluster: cluster, service: name)
        input.deploymentController = DeploymentController(type: "ECS")
        var configuration = ServiceDeploymentConfiguration(strategy: "BLUE_GREEN")
        configuration.bakeTimeInMinutes = 0
        input.deploymentConfiguration = configuration
        input.loadBalancers = [ServiceLoadBalancer(targetGroupArn: production, containerName: lb.containerName, containerPort: lb.containerPort,
                                                   advancedConfiguration: AdvancedConfiguration(alternateTargetGroupArn: alternate, productionListenerRule: productionRule,
                                                                                                testListenerRule: testRule, roleArn: invocation.string("lb-role")))]
        guard try invocation.mutate("ecs:UpdateService", input, { try cloud.updateService(input) }) != nil else { return }
        // bgsh's record of the setup: the ecs controller, production's group as blue.
        let moved = ServiceTags(controller: "ecs", blueTargetGroup: production, greenTargetGroup: alternate, listener: tags.listener,
                                testListener: tags.testListener, container: tags.container, port: tags.port)
        try cloud.tagResource(TagResourceInput(resourceArn: service.serviceArn ?? "", tags: moved.tags))
        let app = Tag.value(of: "bgsh:codedeploy-app", in: service.tags), group = Tag.value(of: "bgsh:codedeploy-group", in: service.tags)
        try cloud.untagResource(UntagResourceInput(resourceArn: service.serviceArn ?? "", tagKeys: ["bgsh:codedeploy-app", "bgsh:codedeploy-group", "bgsh:deploy-id"]))
        let leftover = app.map { " The CodeDeploy deployment group \($0)/\(group ?? "") no longer deploys it: `codedeploy group delete \(group ?? "") --app \($0)`." } ?? ""
        invocation.session.out.write("service \(name) now uses ECS's native blue/green (deployment controller ECS, BLUE_GREEN); `deploy` starts ECS's deployments.\(leftover)\n")
    }
}
