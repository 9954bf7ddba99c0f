import AWSModel
import BGSHCore
import Foundation

/// `pipeline create FILE.json`: CreatePipeline (CreatePipeline's --cli-input-json shape); re-run
/// with the same file it changes nothing, with a changed one it updates the pipeline.
struct PipelineCreate: Command {
    static let spec = CommandSpec(
        ["pipeline", "create"], group: .build,
        summary: "create a CodePipeline pipeline from a JSON file (CreatePipeline); re-run with a changed file, update it (UpdatePipeline)",
        discussion: "FILE is CreatePipeline's --cli-input-json shape ({\"pipeline\": {…}}): a source stage, a CodeBuild build stage and a deploy stage. The deploy action must fit the service: CodeDeployToECS for a CODE_DEPLOY service; a bgsh taskset (EXTERNAL) service has no CodePipeline action and is refused. On the simulator FILE's folder is the source artifact (its taskdef.json and appspec.yaml).",
        arguments: [ArgumentSpec("FILE", .file(extensions: ["json"]), help: "a pipeline JSON file")],
        options: [CommonOptions.as],
        examples: [Example("pipeline create pipeline.json", "source → build → blue-green deploy; prints its ARN")],
        isMutating: true)

    /// Each deploy action against the service it deploys: CodePipeline's actions for ECS each
    /// need a deployment controller of their own.
    static func checkDeployActions(_ pipeline: PipelineDeclaration, _ invocation: Invocation) throws {
        let cloud = try invocation.cloud()
        for stage in pipeline.stages {
            for action in stage.actions where action.actionTypeId.category == "Deploy" {
                let config = action.configuration ?? [:]
                let place = "\(pipeline.name): stage \(stage.name), action \(action.name)"
                let service: Service?
                switch action.actionTypeId.provider {
                case "CodeDeployToECS":
                    guard let app = config["ApplicationName"], let groupName = config["DeploymentGroupName"] else { continue }
                    if Resolve.isPlaceholder(app, invocation) || Resolve.isPlaceholder(groupName, invocation) { continue }
                    guard let group = try absentIfNotFound({ try cloud.getDeploymentGroup(GetDeploymentGroupInput(applicationName: app, deploymentGroupName: groupName)).deploymentGroupInfo }) else {
                        throw invocation.failure("\(place): CodeDeploy deployment group \(app)/\(groupName) not found: create it first with `codedeploy group create`", at: "FILE")
                    }
                    guard let ecs = group.ecsServices?.first else { continue }
                    service = try absentIfNotFound({ try cloud.describeServices(DescribeServicesInput(cluster: ecs.clusterName, services: [ecs.serviceName])).services.first })
                case "ECS":
                    guard let cluster = config["ClusterName"], let name = config["ServiceName"] else { continue }
                    service = try absentIfNotFound({ try cloud.describeServices(DescribeServicesInput(cluster: cluster, services: [name])).services.first })
                default:
                    continue
                }
                guard let service, service.status == "ACTIVE" else { continue }
                let name = service.serviceName ?? ""
                switch (action.actionTypeId.provider, service.deploymentController?.type ?? "ECS") {
                case (_, "EXTERNAL"):
                    throw invocation.failure("\(place): service \(name) runs under bgsh's taskset controller (deployment controller EXTERNAL), for which CodePipeline has no deploy action; let the pipeline end at its build stage and deploy the image with `deploy --image-detail`, or use a service made with --controller codedeploy", at: "FILE")
                case ("ECS", "CODE_DEPLOY"):
                    throw invocation.failure("\(place): service \(name) uses the CODE_DEPLOY controller: its deploy action is CodeDeployToECS, not ECS", at: "FILE")
                case ("CodeDeployToECS", "ECS"):
                    throw invocation.failure("\(place): service \(name) uses the ECS deployment controller: CodeDeployToECS needs a CODE_DEPLOY service; its action is ECS", at: "FILE")
                default:
                    break
                }
            }
        }
    }

    static func run(_ invocation: Invocation) throws {
        let input = try InputFile.decode(CreatePipelineInput.self, argument: "FILE", knownKeys: ["pipeline", "tags"],
                                         nestedKeys: ["pipeline": PipelineDeclaration.members], invocation)
        try checkDeployActions(input.pipeline, invocation)
        try apply(input, invocation)
        // The simulator's source artifact: the file's folder (taskdef.json, appspec.yaml).
        invocation.recordSourceFolder(.pipeline, name: input.pipeline.name)
    }

    /// CreatePipeline, or UpdatePipeline of a changed file, or nothing for the same one.
    static func apply(_ input: CreatePipelineInput, _ invocation: Invocation) throws {
        let cloud = try invocation.cloud()
        let name = input.pipeline.name
        if let existing = try absentIfNotFound({ try cloud.getPipeline(GetPipelineInput(name: name)) }), let stored = existing.pipeline {
            let have = stored.normalized
            var want = input.pipeline.normalized
            want.pipelineType = want.pipelineType ?? have.pipelineType
            want.executionMode = want.executionMode ?? have.executionMode
            let arn = existing.metadata?.pipelineArn ?? ""
            if have == want {
                invocation.session.out.writeError("pipeline \(name) exists with this declaration\n")
                invocation.produce(arn)
                return
            }
            let update = UpdatePipelineInput(pipeline: input.pipeline)
            guard let updated = try invocation.mutate("codepipeline:UpdatePipeline", update, { try cloud.updatePipeline(update) }) else {
                invocation.produce(arn)
                return
            }
            let changed = Set(want.stages.map(\.name)).symmetricDifference(have.stages.map(\.name)).sorted()
            let stages = want.stages.filter { stage in have.stages.first { $0.name == stage.name } != stage }.map(\.name)
            invocation.session.out.writeError("updated pipeline \(name) to version \(updated.pipeline?.version ?? 0): \((changed + stages).isEmpty ? "settings" : "stages " + Array(Set(changed + stages)).sorted().joined(separator: ", "))\n")
            invocation.produce(arn)
            return
        }
        guard let made = try invocation.mutate("codepipeline:CreatePipeline", input, { try cloud.createPipeline(input) }) else {
            invocation.producePlaceholder("arn:aws:codepipeline:\(invocation.session.region):123456789012:dryrun-\(name)", kind: "pipeline", name: name)
            return
        }
        let arn = try cloud.getPipeline(GetPipelineInput(name: made.pipeline?.name ?? name)).metadata?.pipelineArn ?? ""
        invocation.produce(arn)
    }
}
