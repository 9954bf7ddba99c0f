import AWSModel
import Foundation

/// A pipeline as the simulator keeps it: its declaration and AWS's metadata.
struct SimPipeline: Codable {
    var declaration: PipelineDeclaration
    var metadata: PipelineMetadata
}

/// One execution: its stages run in order on the virtual clock, each action as its provider
/// runs it (a source revision, a CodeBuild build, a CodeDeploy deployment).
struct SimExecution: Codable {
    var execution: PipelineExecution
    var startTime: Double
    var lastUpdate: Double
    var sourceRevisions: [SourceRevision]
    var stages: [SimStageRun]
    /// The image the build stage pushed (`URI`), what CodeDeployToECS puts into the task definition.
    var imageURI: String?
}

struct SimStageRun: Codable {
    var name: String
    var status: String?
    var actions: [SimActionRun]
}

struct SimActionRun: Codable {
    var name: String
    var execution: ActionExecution?
    var startedAt: Double?
    /// Nothing can change before this time (a build's planned end): moving the clock skips it.
    var wakeAt: Double?
}

extension SimCloud {
    static let pipelineKind = "cp.pipeline"
    static let executionKind = "cp.execution"
    /// The source action's fetch takes this long.
    static let sourceDuration: Double = 3

    /// The configuration each provider needs, as CodePipeline checks it.
    static let requiredConfiguration: [String: [String]] = [
        "CodeStarSourceConnection": ["ConnectionArn", "FullRepositoryId", "BranchName"],
        "S3": ["S3Bucket", "S3ObjectKey"],
        "CodeCommit": ["RepositoryName", "BranchName"],
        "ECR": ["RepositoryName"],
        "CodeBuild": ["ProjectName"],
        "CodeDeployToECS": ["ApplicationName", "DeploymentGroupName", "TaskDefinitionTemplateArtifact", "AppSpecTemplateArtifact"],
        "ECS": ["ClusterName", "ServiceName"],
    ]
    static let providersByCategory: [String: [String]] = [
        "Source": ["CodeStarSourceConnection", "S3", "CodeCommit", "ECR"],
        "Build": ["CodeBuild"],
        "Deploy": ["CodeDeployToECS", "ECS"],
    ]

    /// CodePipeline's checks of a declaration (CreatePipeline's and UpdatePipeline's).
    func validate(_ p: PipelineDeclaration) throws {
        guard (1...100).contains(p.name.count), p.name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".@-_".contains($0)) }) else {
            throw AWSError("ValidationException", "1 validation error detected: Value '\(p.name)' at 'pipeline.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9.@\\-_]+")
        }
        guard p.roleArn.range(of: #"^arn:aws(-[\w]+)*:iam::[0-9]{12}:role/.+$"#, options: .regularExpression) != nil else {
            throw AWSError("ValidationException", "1 validation error detected: Value '\(p.roleArn)' at 'pipeline.roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:aws(-[\\w]+)*:iam::[0-9]{12}:role/.*")
        }
        guard p.artifactStore != nil else {
            throw AWSError("InvalidStructureException", "ArtifactStore or ArtifactStores is required in the pipeline declaration")
        }
        guard p.stages.count >= 2 else {
            throw AWSError("InvalidStructureException", "Pipeline has only \(p.stages.count) stage(s). There should be a minimum of 2 stages in a pipeline")
        }
        var stageNames = Set<String>(), produced = Set<String>()
        for (index, stage) in p.stages.enumerated() {
            guard stageNames.insert(stage.name).inserted else {
                throw AWSError("InvalidStageDeclarationException", "Stage name \(stage.name) is not unique in the pipeline")
            }
            guard !stage.actions.isEmpty else {
                throw AWSError("InvalidStageDeclarationException", "Stage \(stage.name) must have at least one action")
            }
            var actionNames = Set<String>()
            for action in stage.actions {
                guard actionNames.insert(action.name).inserted else {
                    throw AWSError("InvalidActionDeclarationException", "Action name \(action.name) is not unique in stage \(stage.name)")
                }
                let type = action.actionTypeId
                guard type.version == "1", type.owner == "AWS" else {
                    throw AWSError("InvalidActionDeclarationException", "ActionType (Category: '\(type.category)', Provider: '\(type.provider)', Owner: '\(type.owner)', Version: '\(type.version)') in action '\(action.name)' is not available")
                }
                guard SimCloud.providersByCategory[type.category]?.contains(type.provider) == true else {
                    throw AWSError("InvalidActionDeclarationException", "ActionType (Category: '\(type.category)', Provider: '\(type.provider)', Owner: '\(type.owner)', Version: '\(type.version)') in action '\(action.name)' is not available (the simulator runs \(SimCloud.providersByCategory.map { "\($0.key): \($0.value.joined(separator: ", "))" }.sorted().joined(separator: "; ")))")
                }
                if (type.category == "Source") != (index == 0) {
                    throw AWSError("InvalidStructureException", index == 0
                        ? "The first stage must contain only source actions: action '\(action.name)' is a \(type.category) action"
                        : "Source actions can only be in the first stage: action '\(action.name)' is in stage '\(stage.name)'")
                }
                for key in SimCloud.requiredConfiguration[type.provider] ?? [] where (action.configuration?[key] ?? "").isEmpty {
                    throw AWSError("InvalidActionDeclarationException", "Action configuration for action '\(action.name)' is missing required configuration '\(key)'")
                }
                for input in action.inputArtifacts ?? [] where !produced.contains(input.name) {
                    throw AWSError("InvalidStructureException", "Input Artifact Bundle \(input.name) in action \(action.name) is not declared as an output artifact in any of the preceding actions")
                }
                if type.category == "Source", (action.outputArtifacts ?? []).isEmpty {
                    throw AWSError("InvalidActionDeclarationException", "Action '\(action.name)' must have one output artifact")
                }
                if type.provider == "CodeDeployToECS" {
                    let inputs = Set((action.inputArtifacts ?? []).map(\.name))
                    for key in ["TaskDefinitionTemplateArtifact", "AppSpecTemplateArtifact", "Image1ArtifactName"] {
                        if let name = action.configuration?[key], !inputs.contains(name) {
                            throw AWSError("InvalidActionDeclarationException", "Action '\(action.name)': \(key) '\(name)' is not one of its input artifacts")
                        }
                    }
                }
                for output in action.outputArtifacts ?? [] {
                    guard produced.insert(output.name).inserted else {
                        throw AWSError("InvalidStructureException", "Output Artifact Bundle name \(output.name) is not unique in the pipeline")
                    }
                }
            }
        }
    }

    func requirePipeline(_ tx: SimStore.Transaction, _ name: String) throws -> SimPipeline {
        guard let p = try tx.get(SimPipeline.self, region: region, kind: SimCloud.pipelineKind, id: name) else {
            throw AWSError("PipelineNotFoundException", "Account '\(account)' does not have a pipeline with name '\(name)'")
        }
        return p
    }

    public func createPipeline(_ input: CreatePipelineInput) throws -> CreatePipelineOutput {
        try validate(input.pipeline)
        return try write("CreatePipeline") { tx in
            if try tx.get(SimPipeline.self, region: region, kind: SimCloud.pipelineKind, id: input.pipeline.name) != nil {
                throw AWSError("PipelineNameInUseException", "PipelineName \(input.pipeline.name) is already in use")
            }
            var declaration = input.pipeline.normalized
            declaration.version = 1
            declaration.pipelineType = declaration.pipelineType ?? "V1"
            declaration.executionMode = declaration.executionMode ?? "SUPERSEDED"
            let now = try now(tx)
            let record = SimPipeline(declaration: declaration, metadata: PipelineMetadata(pipelineArn: arn("codepipeline", input.pipeline.name), created: now, updated: now))
            try tx.put(record, region: region, kind: SimCloud.pipelineKind, id: declaration.name, name: declaration.name)
            return CreatePipelineOutput(pipeline: declaration)
        }
    }

    public func updatePipeline(_ input: UpdatePipelineInput) throws -> UpdatePipelineOutput {
        try validate(input.pipeline)
        return try write("UpdatePipeline") { tx in
            var record = try requirePipeline(tx, input.pipeline.name)
            var declaration = input.pipeline.normalized
            declaration.version = (record.declaration.version ?? 1) + 1
            declaration.pipelineType = declaration.pipelineType ?? record.declaration.pipelineType
            declaration.executionMode = declaration.executionMode ?? record.declaration.executionMode
            record.declaration = declaration
            record.metadata.updated = try now(tx)
            try tx.put(record, region: region, kind: SimCloud.pipelineKind, id: declaration.name, name: declaration.name)
            return UpdatePipelineOutput(pipeline: declaration)
        }
    }

    public func getPipeline(_ input: GetPipelineInput) throws -> GetPipelineOutput {
        try read("GetPipeline") { tx in
            let record = try requirePipeline(tx, input.name)
            return GetPipelineOutput(pipeline: record.declaration, metadata: record.metadata)
        }
    }

    public func listPipelines(_ input: ListPipelinesInput) throws -> ListPipelinesOutput {
        try read("ListPipelines") { tx in
            let all = try tx.all(SimPipeline.self, region: region, kind: SimCloud.pipelineKind).sorted { $0.declaration.name < $1.declaration.name }
            return try SimPaging.page(all, nextToken: input.nextToken, maxResults: nil, limit: 100) { page, next in
                ListPipelinesOutput(pipelines: page.map { p in
                    var summary = PipelineSummary(name: p.declaration.name, version: p.declaration.version, created: p.metadata.created, updated: p.metadata.updated)
                    summary.pipelineType = p.declaration.pipelineType
                    summary.executionMode = p.declaration.executionMode
                    return summary
                }, nextToken: next)
            }
        }
    }

    public func deletePipeline(_ input: DeletePipelineInput) throws {
        try write("DeletePipeline") { tx in
            // AWS: deleting a pipeline that does not exist succeeds.
            try tx.delete(region: region, kind: SimCloud.pipelineKind, id: input.name)
        }
    }

    public func startPipelineExecution(_ input: StartPipelineExecutionInput) throws -> StartPipelineExecutionOutput {
        try write("StartPipelineExecution") { tx in
            let now = try now(tx)
            try progressPipelines(tx, now: now)
            let pipeline = try requirePipeline(tx, input.name)
            let source = pipeline.declaration.stages[0].actions
            for override in input.sourceRevisions ?? [] {
                guard source.contains(where: { $0.name == override.actionName }) else {
                    throw AWSError("InvalidArnException", "The source action \(override.actionName) is not in pipeline \(input.name)")
                }
                guard ["COMMIT_ID", "IMAGE_DIGEST", "S3_OBJECT_VERSION_ID", "S3_OBJECT_KEY"].contains(override.revisionType) else {
                    throw AWSError("ValidationException", "Invalid revisionType: \(override.revisionType)")
                }
            }
            let declared = Set((pipeline.declaration.variables ?? []).map(\.name))
            for variable in input.variables ?? [] where !declared.contains(variable.name) {
                throw AWSError("ValidationException", "Variable \(variable.name) is not declared in pipeline \(input.name)")
            }
            // SUPERSEDED: a newer execution replaces one still in progress.
            for var older in try tx.find(SimExecution.self, region: region, kind: SimCloud.executionKind, name: input.name)
            where older.execution.status == "InProgress" {
                older.execution.status = "Superseded"
                older.lastUpdate = now
                try save(tx, older)
            }
            let id = SimIDs.uuid(kind: "cp.execution", number: try tx.nextNumber("id.cp.execution"))
            var execution = PipelineExecution()
            execution.pipelineName = input.name
            execution.pipelineVersion = pipeline.declaration.version
            execution.pipelineExecutionId = id
            execution.status = "InProgress"
            execution.variables = (pipeline.declaration.variables ?? []).map { v in
                ResolvedPipelineVariable(name: v.name, resolvedValue: input.variables?.first { $0.name == v.name }?.value ?? v.defaultValue)
            }
            var revisions: [SourceRevision] = []
            for action in source {
                let given = input.sourceRevisions?.first { $0.actionName == action.name }?.revisionValue
                let made = SimIDs.hex(kind: "commit:\(input.name):\(action.name)", number: try tx.nextNumber("cp.commit"), length: 40)
                revisions.append(SourceRevision(actionName: action.name, revisionId: given ?? made, revisionSummary: given == nil ? "bgsh simulated commit" : "revision \(given ?? "")"))
            }
            let record = SimExecution(execution: execution, startTime: now, lastUpdate: now, sourceRevisions: revisions,
                                      stages: pipeline.declaration.stages.map { stage in
                                          SimStageRun(name: stage.name, status: nil, actions: stage.actions.map { SimActionRun(name: $0.name, execution: nil, startedAt: nil) })
                                      }, imageURI: nil)
            try save(tx, record)
            try progressPipelines(tx, now: now)
            return StartPipelineExecutionOutput(pipelineExecutionId: id)
        }
    }

    /// Executions in progress are filed under this parent, so that moving the clock reads only them.
    static let inProgress = "InProgress"

    func save(_ tx: SimStore.Transaction, _ run: SimExecution) throws {
        try tx.put(run, region: region, kind: SimCloud.executionKind, id: run.execution.pipelineExecutionId ?? "", name: run.execution.pipelineName ?? "",
                   parent: run.execution.status == "InProgress" ? SimCloud.inProgress : "")
    }

    /// Moves every execution in progress to `now`, stage by stage. Called when time moves and
    /// when a pipeline is read.
    /// - Parameter deployments: move CodeDeploy's deployments first (false: the caller has).
    func progressPipelines(_ tx: SimStore.Transaction, now: Double, deployments: Bool = true) throws {
        try progressBuilds(tx, now: now)
        if deployments {
            try progressDeployments(tx, now: now)
            try progressNative(tx, now: now)
        }
        for var run in try tx.children(SimExecution.self, region: region, kind: SimCloud.executionKind, parent: SimCloud.inProgress) {
            guard let pipeline = try tx.get(SimPipeline.self, region: region, kind: SimCloud.pipelineKind, id: run.execution.pipelineName ?? "") else {
                run.execution.status = "Stopped"
                run.execution.statusSummary = "The pipeline was deleted"
                try save(tx, run)
                continue
            }
            try advance(tx, &run, pipeline.declaration, now: now)
            try save(tx, run)
        }
    }

    func advance(_ tx: SimStore.Transaction, _ run: inout SimExecution, _ declaration: PipelineDeclaration, now: Double) throws {
        var t = run.startTime
        for s in run.stages.indices {
            guard s < declaration.stages.count else { break }
            if run.stages[s].status == "Succeeded" { t = run.stages[s].actions.compactMap(\.execution?.lastStatusChange).max() ?? t; continue }
            run.stages[s].status = "InProgress"
            let actions = declaration.stages[s].actions.sorted { ($0.runOrder ?? 1) < ($1.runOrder ?? 1) }
            for action in actions {
                guard let a = run.stages[s].actions.firstIndex(where: { $0.name == action.name }) else { continue }
                if run.stages[s].actions[a].execution?.status == "Succeeded" {
                    t = run.stages[s].actions[a].execution?.lastStatusChange ?? t
                    continue
                }
                var state = run.stages[s].actions[a]
                let ended = try step(tx, &state, action, &run, start: max(t, state.startedAt ?? t), now: now)
                run.stages[s].actions[a] = state
                run.lastUpdate = max(run.lastUpdate, state.execution?.lastStatusChange ?? run.lastUpdate)
                guard ended == "Succeeded" else {
                    if ended == "Failed" {
                        run.stages[s].status = "Failed"
                        run.execution.status = "Failed"
                        run.execution.statusSummary = state.execution?.errorDetails?.message
                    }
                    return
                }
                t = state.execution?.lastStatusChange ?? t
            }
            run.stages[s].status = "Succeeded"
        }
        run.execution.status = "Succeeded"
        run.execution.artifactRevisions = run.sourceRevisions.map { ArtifactRevision(name: $0.actionName, revisionId: $0.revisionId, revisionSummary: $0.revisionSummary, created: run.startTime) }
    }

    /// One action at `now`: started if it has not been, finished if its work has. Returns its status.
    func step(_ tx: SimStore.Transaction, _ state: inout SimActionRun, _ action: ActionDeclaration, _ run: inout SimExecution, start: Double, now: Double) throws -> String {
        guard now >= start else { return "Pending" }
        if let wake = state.wakeAt, now < wake, state.execution?.status == "InProgress" { return "InProgress" }
        var execution = state.execution ?? ActionExecution()
        if state.execution == nil {
            state.startedAt = start
            execution.actionExecutionId = SimIDs.uuid(kind: "cp.action", number: try tx.nextNumber("id.cp.action"))
            execution.status = "InProgress"
            execution.lastStatusChange = start
        }
        func fail(_ message: String, code: String = "JobFailed") {
            execution.status = "Failed"
            execution.errorDetails = PipelineErrorDetails(code: code, message: message)
            execution.lastStatusChange = now
        }
        let config = action.configuration ?? [:]
        switch action.actionTypeId.provider {
        case "CodeBuild":
            if execution.externalExecutionId == nil {
                var input = StartBuildInput(projectName: config["ProjectName"] ?? "", sourceVersion: run.sourceRevisions.first?.revisionId)
                input.environmentVariablesOverride = resolvedVariables(config["EnvironmentVariables"], run)
                do {
                    let build = try startBuild(tx, input, initiator: "codepipeline/\(run.execution.pipelineName ?? "")",
                                               sourceDirectory: try tx.meta(SimCloud.sourceKey(region, "pipeline", run.execution.pipelineName ?? "")))
                    execution.externalExecutionId = build.build.id
                    execution.externalExecutionUrl = "https://console.aws.amazon.com/codebuild/home?region=\(region)#/builds/\(build.build.id ?? "")/view/new"
                } catch let error as AWSError {
                    fail("\(error.code): \(error.message)")
                }
            }
            if let id = execution.externalExecutionId, let current = try tx.get(SimBuild.self, region: region, kind: SimCloud.buildKind, id: id) {
                let build = view(current, at: now)
                // Until the build's planned end nothing here changes (StopBuild clears this).
                state.wakeAt = build.buildComplete == true ? nil : current.phases.last?.start
                if build.buildComplete == true {
                    execution.lastStatusChange = build.endTime ?? now
                    if build.buildStatus == "SUCCEEDED" {
                        execution.status = "Succeeded"
                        if let image = current.image {
                            run.imageURI = ECRImageReference.registry(account: account, region: region) + image
                        }
                    } else {
                        let failed = build.phases?.first { $0.phaseStatus == "FAILED" || $0.phaseStatus == "STOPPED" }
                        let context = failed?.contexts?.first
                        fail("Build terminated with state: \(build.buildStatus ?? ""). Phase: \(failed?.phaseType ?? ""), Code: \(context?.statusCode ?? ""), Message: \(context?.message ?? "")")
                    }
                }
            }
        case "CodeDeployToECS":
            if execution.externalExecutionId == nil, execution.status == "InProgress" {
                do {
                    execution.externalExecutionId = try startCodeDeploy(tx, config, run, pipeline: run.execution.pipelineName ?? "")
                } catch let error as AWSError {
                    fail("\(error.code): \(error.message)")
                }
            }
            if let id = execution.externalExecutionId {
                let d = try requireDeployment(tx, id)
                switch d.info.status {
                case "Succeeded"?:
                    execution.status = "Succeeded"
                    execution.lastStatusChange = d.info.completeTime ?? now
                    execution.percentComplete = 100
                case "Failed"?, "Stopped"?:
                    fail("Deployment \(id) failed: \(d.info.errorInformation?.message ?? d.info.status ?? "")")
                default:
                    execution.percentComplete = d.stepIndex * 100 / max(d.steps.count, 1)
                }
            }
        case "ECS":
            // The ECS action: a new revision of the service's task definition with the built
            // image, and UpdateService; an ECS-controller service then runs its blue/green itself.
            if execution.externalExecutionId == nil, execution.status == "InProgress" {
                do {
                    execution.externalExecutionId = try startEcsDeploy(tx, config, run, now: now)
                } catch let error as AWSError {
                    fail("\(error.code): \(error.message)")
                }
            }
            if let arn = execution.externalExecutionId, let d = try tx.get(SimNativeDeployment.self, region: region, kind: SimCloud.nativeDeploymentKind, id: arn) {
                switch d.record.status {
                case "SUCCESSFUL"?:
                    execution.status = "Succeeded"
                    execution.lastStatusChange = d.record.finishedAt ?? now
                    execution.percentComplete = 100
                    execution.summary = "ECS SUCCESSFUL"
                case "ROLLBACK_SUCCESSFUL"?, "ROLLBACK_FAILED"?, "STOPPED"?:
                    fail("Service deployment \(SimCloud.lastPart(arn)) ended \(d.record.status ?? ""): \(d.record.rollback?.reason ?? d.record.statusReason ?? "")")
                default:
                    execution.summary = "ECS \(d.record.status ?? "") at \(d.record.lifecycleStage ?? "")"
                }
            }
        default:
            // A source action: fetches the revision.
            if now >= start + SimCloud.sourceDuration {
                execution.status = "Succeeded"
                execution.lastStatusChange = start + SimCloud.sourceDuration
                let revision = run.sourceRevisions.first { $0.actionName == action.name }
                execution.externalExecutionId = revision?.revisionId
                execution.summary = revision?.revisionSummary
            }
        }
        state.execution = execution
        return execution.status ?? "InProgress"
    }

    static func lastPart(_ arn: String) -> String { String(arn.split(separator: "/").last ?? Substring(arn)) }

    /// CodePipeline's ECS deploy action on the simulator: the image of the source folder's
    /// imagedefinitions.json (`FileName`, `<IMAGE1_NAME>` replaced by the built image), else the
    /// built image in the load balancer's container; a revision with it; UpdateService. Under the
    /// ECS controller that starts a native blue/green deployment, whose ARN is returned.
    func startEcsDeploy(_ tx: SimStore.Transaction, _ config: [String: String], _ run: SimExecution, now: Double) throws -> String {
        var (cluster, service) = try requireService(tx, cluster: config["ClusterName"], config["ServiceName"] ?? "")
        guard service.deploymentController?.type == "ECS" else {
            throw AWSError("JobFailed", "The ECS deploy action needs a service with the ECS deployment controller; \(service.serviceName ?? "") uses \(service.deploymentController?.type ?? "")")
        }
        guard let current = try findTaskDefinition(tx, service.taskDefinition ?? "") else { throw AWSError("JobFailed", "The service's task definition is gone") }
        var images: [(String, String)] = []
        if let dir = try tx.meta(SimCloud.sourceKey(region, "pipeline", run.execution.pipelineName ?? "")),
           let text = try? String(contentsOfFile: (dir as NSString).appendingPathComponent(config["FileName"] ?? "imagedefinitions.json"), encoding: .utf8) {
            struct Definition: Decodable { var name: String; var imageUri: String }
            guard let list = try? JSONDecoder().decode([Definition].self, from: Data(text.replacingOccurrences(of: "<IMAGE1_NAME>", with: run.imageURI ?? "").utf8)) else {
                throw AWSError("JobFailed", "\(config["FileName"] ?? "imagedefinitions.json") is not a JSON list of {\"name\", \"imageUri\"}")
            }
            images = list.map { ($0.name, $0.imageUri) }
        } else if let image = run.imageURI, let container = service.loadBalancers?.first?.containerName {
            images = [(container, image)]
        }
        guard !images.isEmpty else { throw AWSError("JobFailed", "No image to deploy: no imagedefinitions.json and the build pushed none") }
        var containers = current.containerDefinitions ?? []
        for (name, uri) in images {
            guard let i = containers.firstIndex(where: { $0.name == name }) else { throw AWSError("JobFailed", "The task definition has no container \(name)") }
            containers[i].image = uri
        }
        var input = RegisterTaskDefinitionInput(family: current.family ?? "", containerDefinitions: containers)
        input.networkMode = current.networkMode
        input.requiresCompatibilities = current.requiresCompatibilities
        input.cpu = current.cpu
        input.memory = current.memory
        input.executionRoleArn = current.executionRoleArn
        input.taskRoleArn = current.taskRoleArn
        let registered = try registerTaskDefinition(tx, input).taskDefinition
        let configuration = service.deploymentConfiguration ?? ServiceDeploymentConfiguration(strategy: "BLUE_GREEN")
        guard ["BLUE_GREEN", "LINEAR", "CANARY"].contains(configuration.strategy ?? "") else {
            throw AWSError("JobFailed", "The service's deployment strategy is \(configuration.strategy ?? ""), not a blue/green one")
        }
        try progressNative(tx, now: now)
        try startNative(tx, cluster: cluster, service: &service, definition: registered, configuration: configuration, now: now)
        try reconcile(tx, cluster: cluster, service: &service, now: now)
        try save(tx, service, cluster: cluster)
        guard let started = try tx.find(SimNativeDeployment.self, region: region, kind: SimCloud.nativeDeploymentKind, name: "\(cluster.clusterName)/\(service.serviceName ?? "")").last else {
            throw AWSError("JobFailed", "ECS started no service deployment")
        }
        return started.record.serviceDeploymentArn ?? ""
    }

    /// A build action's EnvironmentVariables (a JSON list), `#{variables.NAME}` resolved.
    func resolvedVariables(_ json: String?, _ run: SimExecution) -> [EnvironmentVariable]? {
        guard let json, let list = try? JSONDecoder().decode([EnvironmentVariable].self, from: Data(json.utf8)) else { return nil }
        return list.map { variable in
            var variable = variable
            for v in run.execution.variables ?? [] {
                variable.value = variable.value.replacingOccurrences(of: "#{variables.\(v.name ?? "")}", with: v.resolvedValue ?? "")
            }
            return variable
        }
    }

    /// CodeDeployToECS: the source's taskdef.json with `<IMAGE1_NAME>` (the placeholder the
    /// action names) replaced by the built image, registered; its appspec.yaml with
    /// `<TASK_DEFINITION>` replaced by the new revision; a CodeDeploy deployment of that.
    func startCodeDeploy(_ tx: SimStore.Transaction, _ config: [String: String], _ run: SimExecution, pipeline: String) throws -> String {
        guard let dir = try tx.meta(SimCloud.sourceKey(region, "pipeline", pipeline)) else {
            throw AWSError("JobFailed", "the simulator has no source for pipeline \(pipeline): create it with `pipeline create FILE.json` (its folder is the source artifact)")
        }
        let taskdefPath = (dir as NSString).appendingPathComponent(config["TaskDefinitionTemplatePath"] ?? "taskdef.json")
        let appspecPath = (dir as NSString).appendingPathComponent(config["AppSpecTemplatePath"] ?? "appspec.yaml")
        guard var taskdef = try? String(contentsOfFile: taskdefPath, encoding: .utf8) else {
            throw AWSError("JobFailed", "Exception while trying to read the task definition artifact file from: \(config["TaskDefinitionTemplateArtifact"] ?? "")/\(config["TaskDefinitionTemplatePath"] ?? "taskdef.json") (\(taskdefPath))")
        }
        guard var appspec = try? String(contentsOfFile: appspecPath, encoding: .utf8) else {
            throw AWSError("JobFailed", "Exception while trying to read the AppSpec file from: \(config["AppSpecTemplateArtifact"] ?? "")/\(config["AppSpecTemplatePath"] ?? "appspec.yaml") (\(appspecPath))")
        }
        let placeholder = config["Image1ContainerName"] ?? "IMAGE1_NAME"
        if config["Image1ArtifactName"] != nil {
            guard let image = run.imageURI else {
                throw AWSError("JobFailed", "The image artifact \(config["Image1ArtifactName"] ?? "") has no imageDetail.json: the build pushed no image")
            }
            taskdef = taskdef.replacingOccurrences(of: "<\(placeholder)>", with: image)
        }
        let input: RegisterTaskDefinitionInput
        do {
            input = try JSONDecoder().decode(RegisterTaskDefinitionInput.self, from: Data(taskdef.utf8))
        } catch {
            throw AWSError("JobFailed", "The task definition artifact is not valid JSON: \(error)")
        }
        let registered = try registerTaskDefinition(tx, input)
        guard let arn = registered.taskDefinition.taskDefinitionArn else { throw AWSError("JobFailed", "RegisterTaskDefinition gave no ARN") }
        appspec = appspec.replacingOccurrences(of: "<TASK_DEFINITION>", with: arn)
        var deployment = CreateDeploymentInput(applicationName: config["ApplicationName"] ?? "", deploymentGroupName: config["DeploymentGroupName"],
                                               revision: RevisionLocation(revisionType: "AppSpecContent", appSpecContent: AppSpecContent(content: appspec)))
        deployment.description = "CodePipeline \(pipeline) execution \(run.execution.pipelineExecutionId ?? "")"
        let id = try createDeployment(tx, deployment).deploymentId
        if var d = try tx.get(SimCodeDeployment.self, region: region, kind: SimCloud.codeDeploymentKind, id: id) {
            d.info.creator = "CodePipeline"
            try tx.put(d, region: region, kind: SimCloud.codeDeploymentKind, id: id, name: "\(d.info.applicationName ?? "")/\(d.info.deploymentGroupName ?? "")")
        }
        return id
    }

    public func getPipelineState(_ input: GetPipelineStateInput) throws -> GetPipelineStateOutput {
        try write("GetPipelineState") { tx in
            try progressPipelines(tx, now: try now(tx))
            let pipeline = try requirePipeline(tx, input.name)
            let runs = try tx.find(SimExecution.self, region: region, kind: SimCloud.executionKind, name: input.name)
            let stages = pipeline.declaration.stages.map { stage -> StageState in
                // The latest execution that reached the stage, and each action's latest run.
                let reached = runs.last { run in run.stages.first { $0.name == stage.name }?.status != nil }
                let stageRun = reached?.stages.first { $0.name == stage.name }
                let actions = stage.actions.map { action -> ActionState in
                    let latest = runs.last { run in run.stages.first { $0.name == stage.name }?.actions.first { $0.name == action.name }?.execution != nil }
                    var state = ActionState(actionName: action.name, latestExecution: latest?.stages.first { $0.name == stage.name }?.actions.first { $0.name == action.name }?.execution)
                    if action.actionTypeId.category == "Source", let revision = latest?.sourceRevisions.first(where: { $0.actionName == action.name }) {
                        state.currentRevision = ActionRevision(revisionId: revision.revisionId ?? "", revisionChangeId: revision.revisionId ?? "", created: latest?.startTime ?? 0)
                    }
                    return state
                }
                var status = stageRun?.status
                if reached?.execution.status == "Superseded", status == "InProgress" { status = "Stopped" }
                return StageState(stageName: stage.name, actionStates: actions,
                                  latestExecution: reached.map { StageExecution(pipelineExecutionId: $0.execution.pipelineExecutionId ?? "", status: status ?? "InProgress") })
            }
            return GetPipelineStateOutput(pipelineName: input.name, pipelineVersion: pipeline.declaration.version, stageStates: stages,
                                          created: pipeline.metadata.created, updated: pipeline.metadata.updated)
        }
    }

    public func getPipelineExecution(_ input: GetPipelineExecutionInput) throws -> GetPipelineExecutionOutput {
        try write("GetPipelineExecution") { tx in
            try progressPipelines(tx, now: try now(tx))
            _ = try requirePipeline(tx, input.pipelineName)
            guard let run = try tx.get(SimExecution.self, region: region, kind: SimCloud.executionKind, id: input.pipelineExecutionId),
                  run.execution.pipelineName == input.pipelineName else {
                throw AWSError("PipelineExecutionNotFoundException", "Pipeline execution \(input.pipelineExecutionId) not found in pipeline \(input.pipelineName)")
            }
            return GetPipelineExecutionOutput(pipelineExecution: run.execution)
        }
    }

    public func listPipelineExecutions(_ input: ListPipelineExecutionsInput) throws -> ListPipelineExecutionsOutput {
        try write("ListPipelineExecutions") { tx in
            try progressPipelines(tx, now: try now(tx))
            _ = try requirePipeline(tx, input.pipelineName)
            let runs = try tx.find(SimExecution.self, region: region, kind: SimCloud.executionKind, name: input.pipelineName).reversed()
            return try SimPaging.page(Array(runs), nextToken: input.nextToken, maxResults: input.maxResults, limit: 100) { page, next in
                ListPipelineExecutionsOutput(pipelineExecutionSummaries: page.map { run in
                    var summary = PipelineExecutionSummary(pipelineExecutionId: run.execution.pipelineExecutionId, status: run.execution.status,
                                                           startTime: run.startTime, lastUpdateTime: run.lastUpdate)
                    summary.statusSummary = run.execution.statusSummary
                    summary.sourceRevisions = run.sourceRevisions
                    return summary
                }, nextToken: next)
            }
        }
    }
}
