import AWSModel
import BGSHCore
import BGSHDeploy

/// `codedeploy group create FILE.json` (the seed's create-deployment-group.json) or the flag form.
struct CodeDeployGroupCreate: Command {
    static let spec = CommandSpec(
        ["codedeploy", "group", "create"], group: .resources,
        summary: "create a CodeDeploy deployment group for an ECS service (CreateDeploymentGroup)",
        discussion: "FILE is CreateDeploymentGroup's --cli-input-json shape (the seed's create-deployment-group.json); ${NAME} in it is expanded, so its listener ARN can come from a variable. The flag form takes the target groups and listeners that `service create --controller codedeploy` recorded.",
        arguments: [ArgumentSpec("FILE", .file(extensions: ["json"]), optional: true, help: "a deployment group JSON file")],
        options: [.option("app", .resource(.codedeployApp), valueName: "APP", help: "the application"),
                  .option("name", .string, valueName: "GROUP", help: "the group's name"),
                  .option("service", .resource(.service), valueName: "SERVICE", help: "the ECS service (in the current cluster)"),
                  .option("config", .string, valueName: "CONFIG", help: "a deployment configuration, like CodeDeployDefault.ECSAllAtOnce"),
                  .option("role", .string, valueName: "ARN", help: "the CodeDeploy service role"),
                  .option("termination-wait", .duration, valueName: "DURATION", help: "how long blue is kept after success (default 5m)"),
                  .flag("auto-rollback", help: "roll back when a deployment fails"),
                  CommonOptions.as],
        examples: [Example("codedeploy group create create-deployment-group.json", "the seed's deployment group; prints its id"),
                   Example("codedeploy group create --app my-ecs-deploy --name my-ecs-dg --service myBGService --config CodeDeployDefault.ECSAllAtOnce --role arn:aws:iam::123456789012:role/ecsCodeDeployRole --auto-rollback",
                           "the same from flags")],
        isMutating: true)

    static let knownKeys: Set<String> = [
        "applicationName", "deploymentGroupName", "deploymentConfigName", "serviceRoleArn", "deploymentStyle",
        "blueGreenDeploymentConfiguration", "ecsServices", "loadBalancerInfo", "autoRollbackConfiguration", "alarmConfiguration",
    ]

    static func input(_ invocation: Invocation) throws -> CreateDeploymentGroupInput {
        if invocation.has("FILE") {
            return try InputFile.decode(CreateDeploymentGroupInput.self, argument: "FILE", knownKeys: knownKeys, invocation)
        }
        for flag in ["app", "name", "service", "role"] where !invocation.has(flag) {
            throw invocation.failure("codedeploy group create needs FILE.json, or --app, --name, --service and --role (missing --\(flag))")
        }
        let cluster = try invocation.session.requireCluster()
        let service = try Resolve.service(invocation.string("service") ?? "", invocation, at: "service")
        guard let tags = ServiceTags(service.tags), tags.controller == "codedeploy" else {
            throw invocation.failure("service '\(service.serviceName ?? "")' was not created with --controller codedeploy: give the group as a FILE", at: "service")
        }
        let cloud = try invocation.cloud()
        let names = try cloud.describeTargetGroups(DescribeTargetGroupsInput(TargetGroupArns: [tags.blueTargetGroup, tags.greenTargetGroup])).TargetGroups.compactMap(\.TargetGroupName)
        var input = CreateDeploymentGroupInput(applicationName: invocation.string("app") ?? "", deploymentGroupName: invocation.string("name") ?? "",
                                               serviceRoleArn: invocation.string("role") ?? "")
        input.deploymentConfigName = invocation.string("config") ?? "CodeDeployDefault.ECSAllAtOnce"
        input.deploymentStyle = DeploymentStyle(deploymentType: "BLUE_GREEN", deploymentOption: "WITH_TRAFFIC_CONTROL")
        input.blueGreenDeploymentConfiguration = BlueGreenDeploymentConfiguration(
            terminateBlueInstancesOnDeploymentSuccess: BlueInstanceTerminationOption(action: "TERMINATE", terminationWaitTimeInMinutes: (invocation.duration("termination-wait")?.seconds ?? 300) / 60),
            deploymentReadyOption: DeploymentReadyOption(actionOnTimeout: "CONTINUE_DEPLOYMENT", waitTimeInMinutes: 0))
        input.ecsServices = [ECSService(serviceName: service.serviceName ?? "", clusterName: cluster)]
        input.loadBalancerInfo = LoadBalancerInfo(targetGroupPairInfoList: [TargetGroupPairInfo(
            targetGroups: names.map(TargetGroupInfo.init(name:)), prodTrafficRoute: TrafficRoute(listenerArns: [tags.listener]),
            testTrafficRoute: tags.testListener.map { TrafficRoute(listenerArns: [$0]) })])
        input.autoRollbackConfiguration = AutoRollbackConfiguration(enabled: invocation.flag("auto-rollback"), events: invocation.flag("auto-rollback") ? ["DEPLOYMENT_FAILURE"] : nil)
        return input
    }

    static func run(_ invocation: Invocation) throws {
        let input = try input(invocation)
        let cloud = try invocation.cloud()
        if let existing = try absentIfNotFound({ try cloud.getDeploymentGroup(GetDeploymentGroupInput(applicationName: input.applicationName, deploymentGroupName: input.deploymentGroupName)).deploymentGroupInfo }) {
            // Every setting the group is made with must match; each difference is named.
            var differences: [String] = []
            if existing.ecsServices != input.ecsServices {
                differences.append("service \((existing.ecsServices ?? []).map { "\($0.clusterName)/\($0.serviceName)" }.joined(separator: ","))")
            }
            if existing.deploymentConfigName != (input.deploymentConfigName ?? "CodeDeployDefault.ECSAllAtOnce") { differences.append("config \(existing.deploymentConfigName ?? "")") }
            if existing.serviceRoleArn != input.serviceRoleArn { differences.append("role \(existing.serviceRoleArn ?? "")") }
            let pair = { (info: LoadBalancerInfo?) in info?.targetGroupPairInfoList?.first }
            if let wanted = pair(input.loadBalancerInfo) {
                let have = pair(existing.loadBalancerInfo)
                if Set(have?.targetGroups?.compactMap(\.name) ?? []) != Set(wanted.targetGroups?.compactMap(\.name) ?? []) {
                    differences.append("target groups \((have?.targetGroups?.compactMap(\.name) ?? []).joined(separator: ","))")
                }
                if have?.prodTrafficRoute?.listenerArns != wanted.prodTrafficRoute?.listenerArns { differences.append("another production listener") }
            }
            let wait = { (config: BlueGreenDeploymentConfiguration?) in config?.terminateBlueInstancesOnDeploymentSuccess?.terminationWaitTimeInMinutes }
            if let wanted = wait(input.blueGreenDeploymentConfiguration), wait(existing.blueGreenDeploymentConfiguration) != wanted {
                differences.append("termination wait \(wait(existing.blueGreenDeploymentConfiguration).map { "\($0)m" } ?? "none")")
            }
            guard differences.isEmpty else {
                throw invocation.failure("deployment group '\(input.deploymentGroupName)' exists with \(differences.joined(separator: ", ")): delete it first or pick another name")
            }
            invocation.produce(existing.deploymentGroupId ?? "")
            return
        }
        guard let output = try invocation.mutate("codedeploy:CreateDeploymentGroup", input, { try cloud.createDeploymentGroup(input) }) else {
            invocation.producePlaceholder("dryrun-\(input.deploymentGroupName)", kind: "codedeploy-group", name: input.deploymentGroupName)
            return
        }
        // bgsh's deploy finds the group of a service through these tags.
        for ecs in input.ecsServices ?? [] {
            if let service = try absentIfNotFound({ try cloud.describeServices(DescribeServicesInput(cluster: ecs.clusterName, services: [ecs.serviceName])).services.first }),
               ServiceTags(service.tags) != nil, let arn = service.serviceArn {
                try cloud.tagResource(TagResourceInput(resourceArn: arn, tags: [Tag(key: "bgsh:codedeploy-app", value: input.applicationName),
                                                                               Tag(key: "bgsh:codedeploy-group", value: input.deploymentGroupName)]))
            }
        }
        invocation.produce(output.deploymentGroupId)
    }
}
