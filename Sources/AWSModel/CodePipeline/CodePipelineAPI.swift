/// AWS CodePipeline: the seed's pipeline (source → CodeBuild → CodeDeployToECS).
public protocol CodePipelineAPI {
    func createPipeline(_ input: CreatePipelineInput) throws -> CreatePipelineOutput
    /// UpdatePipeline: a re-run `pipeline create` whose file changed.
    func updatePipeline(_ input: UpdatePipelineInput) throws -> UpdatePipelineOutput
    func getPipeline(_ input: GetPipelineInput) throws -> GetPipelineOutput
    func listPipelines(_ input: ListPipelinesInput) throws -> ListPipelinesOutput
    func deletePipeline(_ input: DeletePipelineInput) throws
    func startPipelineExecution(_ input: StartPipelineExecutionInput) throws -> StartPipelineExecutionOutput
    /// GetPipelineState: stage by stage, action by action, the latest execution of each.
    func getPipelineState(_ input: GetPipelineStateInput) throws -> GetPipelineStateOutput
    func getPipelineExecution(_ input: GetPipelineExecutionInput) throws -> GetPipelineExecutionOutput
    /// ListPipelineExecutions: newest first (what `pipeline wait` follows).
    func listPipelineExecutions(_ input: ListPipelineExecutionsInput) throws -> ListPipelineExecutionsOutput
}

public struct ActionTypeId: Codable, Hashable, Sendable {
    /// Source, Build, Deploy, Test, Invoke, Approval, Compute.
    public var category: String
    /// AWS, ThirdParty or Custom.
    public var owner: String
    /// CodeStarSourceConnection, S3, ECR, CodeBuild, CodeDeployToECS, ECS, …
    public var provider: String
    public var version: String
    public init(category: String, owner: String, provider: String, version: String) {
        self.category = category
        self.owner = owner
        self.provider = provider
        self.version = version
    }
}

public struct ArtifactName: Codable, Hashable, Sendable {
    public var name: String
    public init(name: String) { self.name = name }
}

public struct ActionDeclaration: Codable, Hashable, Sendable {
    public var name: String
    public var actionTypeId: ActionTypeId
    public var runOrder: Int?
    public var configuration: [String: String]?
    public var outputArtifacts: [ArtifactName]?
    public var inputArtifacts: [ArtifactName]?
    public var roleArn: String?
    public var region: String?
    public var namespace: String?
    public var timeoutInMinutes: Int?
    public init(name: String, actionTypeId: ActionTypeId) {
        self.name = name
        self.actionTypeId = actionTypeId
    }
}

public struct StageDeclaration: Codable, Hashable, Sendable {
    public var name: String
    public var actions: [ActionDeclaration]
    public init(name: String, actions: [ActionDeclaration]) {
        self.name = name
        self.actions = actions
    }
}

public struct ArtifactStore: Codable, Hashable, Sendable {
    /// S3.
    public var type: String
    public var location: String
    public init(type: String, location: String) {
        self.type = type
        self.location = location
    }
}

public struct PipelineVariableDeclaration: Codable, Hashable, Sendable {
    public var name: String
    public var defaultValue: String?
    public var description: String?
    public init(name: String, defaultValue: String?) {
        self.name = name
        self.defaultValue = defaultValue
    }
}

public struct PipelineDeclaration: Codable, Hashable, Sendable {
    public var name: String
    public var roleArn: String
    public var artifactStore: ArtifactStore?
    public var stages: [StageDeclaration]
    public var version: Int?
    /// QUEUED, SUPERSEDED (the default) or PARALLEL.
    public var executionMode: String?
    /// V1 or V2.
    public var pipelineType: String?
    public var variables: [PipelineVariableDeclaration]?
    public init(name: String, roleArn: String, artifactStore: ArtifactStore?, stages: [StageDeclaration]) {
        self.name = name
        self.roleArn = roleArn
        self.artifactStore = artifactStore
        self.stages = stages
    }
    /// The members a pipeline in a `pipeline create FILE.json` may hold.
    public static let members: Set<String> = ["name", "roleArn", "artifactStore", "stages", "version", "executionMode", "pipelineType", "variables"]
}

public struct CreatePipelineInput: Codable, Hashable, Sendable {
    public var pipeline: PipelineDeclaration
    public var tags: [Tag]?
    public init(pipeline: PipelineDeclaration, tags: [Tag]? = nil) {
        self.pipeline = pipeline
        self.tags = tags
    }
}

public struct CreatePipelineOutput: Codable, Hashable, Sendable {
    public var pipeline: PipelineDeclaration?
    public init(pipeline: PipelineDeclaration?) { self.pipeline = pipeline }
}

public struct UpdatePipelineInput: Codable, Hashable, Sendable {
    public var pipeline: PipelineDeclaration
    public init(pipeline: PipelineDeclaration) { self.pipeline = pipeline }
}

public struct UpdatePipelineOutput: Codable, Hashable, Sendable {
    public var pipeline: PipelineDeclaration?
    public init(pipeline: PipelineDeclaration?) { self.pipeline = pipeline }
}

public struct GetPipelineInput: Codable, Hashable, Sendable {
    public var name: String
    public var version: Int?
    public init(name: String) { self.name = name }
}

public struct PipelineMetadata: Codable, Hashable, Sendable {
    public var pipelineArn: String?
    public var created: Double?
    public var updated: Double?
    public init(pipelineArn: String?, created: Double?, updated: Double?) {
        self.pipelineArn = pipelineArn
        self.created = created
        self.updated = updated
    }
}

public struct GetPipelineOutput: Codable, Hashable, Sendable {
    public var pipeline: PipelineDeclaration?
    public var metadata: PipelineMetadata?
    public init(pipeline: PipelineDeclaration?, metadata: PipelineMetadata?) {
        self.pipeline = pipeline
        self.metadata = metadata
    }
}

public struct ListPipelinesInput: Codable, Hashable, Sendable {
    public var nextToken: String?
    public init(nextToken: String? = nil) { self.nextToken = nextToken }
}

public struct PipelineSummary: Codable, Hashable, Sendable {
    public var name: String?
    public var version: Int?
    public var pipelineType: String?
    public var executionMode: String?
    public var created: Double?
    public var updated: Double?
    public init(name: String?, version: Int?, created: Double?, updated: Double?) {
        self.name = name
        self.version = version
        self.created = created
        self.updated = updated
    }
}

public struct ListPipelinesOutput: Codable, Hashable, Sendable {
    public var pipelines: [PipelineSummary]?
    public var nextToken: String?
    public init(pipelines: [PipelineSummary]?, nextToken: String?) {
        self.pipelines = pipelines
        self.nextToken = nextToken
    }
}

public struct DeletePipelineInput: Codable, Hashable, Sendable {
    public var name: String
    public init(name: String) { self.name = name }
}

public struct PipelineVariable: Codable, Hashable, Sendable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// `--source-version REF`: the revision the source action fetches (COMMIT_ID, IMAGE_DIGEST,
/// S3_OBJECT_VERSION_ID or S3_OBJECT_KEY).
public struct SourceRevisionOverride: Codable, Hashable, Sendable {
    public var actionName: String
    public var revisionType: String
    public var revisionValue: String
    public init(actionName: String, revisionType: String, revisionValue: String) {
        self.actionName = actionName
        self.revisionType = revisionType
        self.revisionValue = revisionValue
    }
}

public struct StartPipelineExecutionInput: Codable, Hashable, Sendable {
    public var name: String
    public var variables: [PipelineVariable]?
    public var clientRequestToken: String?
    public var sourceRevisions: [SourceRevisionOverride]?
    public init(name: String, variables: [PipelineVariable]? = nil, sourceRevisions: [SourceRevisionOverride]? = nil) {
        self.name = name
        self.variables = variables
        self.sourceRevisions = sourceRevisions
    }
}

public struct StartPipelineExecutionOutput: Codable, Hashable, Sendable {
    public var pipelineExecutionId: String?
    public init(pipelineExecutionId: String?) { self.pipelineExecutionId = pipelineExecutionId }
}

public struct GetPipelineStateInput: Codable, Hashable, Sendable {
    public var name: String
    public init(name: String) { self.name = name }
}

public struct PipelineErrorDetails: Codable, Hashable, Sendable {
    public var code: String?
    public var message: String?
    public init(code: String?, message: String?) {
        self.code = code
        self.message = message
    }
}

public struct ActionExecution: Codable, Hashable, Sendable {
    public var actionExecutionId: String?
    /// InProgress, Abandoned, Succeeded or Failed.
    public var status: String?
    public var summary: String?
    public var lastStatusChange: Double?
    public var externalExecutionId: String?
    public var externalExecutionUrl: String?
    public var percentComplete: Int?
    public var errorDetails: PipelineErrorDetails?
    public init() {}
}

public struct ActionRevision: Codable, Hashable, Sendable {
    public var revisionId: String
    public var revisionChangeId: String
    public var created: Double
    public init(revisionId: String, revisionChangeId: String, created: Double) {
        self.revisionId = revisionId
        self.revisionChangeId = revisionChangeId
        self.created = created
    }
}

public struct ActionState: Codable, Hashable, Sendable {
    public var actionName: String?
    public var currentRevision: ActionRevision?
    public var latestExecution: ActionExecution?
    public var entityUrl: String?
    public init(actionName: String?, latestExecution: ActionExecution?) {
        self.actionName = actionName
        self.latestExecution = latestExecution
    }
}

public struct StageExecution: Codable, Hashable, Sendable {
    public var pipelineExecutionId: String
    /// Cancelled, InProgress, Failed, Stopped, Stopping, Succeeded or Skipped.
    public var status: String
    public init(pipelineExecutionId: String, status: String) {
        self.pipelineExecutionId = pipelineExecutionId
        self.status = status
    }
}

public struct StageState: Codable, Hashable, Sendable {
    public var stageName: String?
    public var actionStates: [ActionState]?
    public var latestExecution: StageExecution?
    public init(stageName: String?, actionStates: [ActionState]?, latestExecution: StageExecution?) {
        self.stageName = stageName
        self.actionStates = actionStates
        self.latestExecution = latestExecution
    }
}

public struct GetPipelineStateOutput: Codable, Hashable, Sendable {
    public var pipelineName: String?
    public var pipelineVersion: Int?
    public var stageStates: [StageState]?
    public var created: Double?
    public var updated: Double?
    public init(pipelineName: String?, pipelineVersion: Int?, stageStates: [StageState]?, created: Double?, updated: Double?) {
        self.pipelineName = pipelineName
        self.pipelineVersion = pipelineVersion
        self.stageStates = stageStates
        self.created = created
        self.updated = updated
    }
}

public struct GetPipelineExecutionInput: Codable, Hashable, Sendable {
    public var pipelineName: String
    public var pipelineExecutionId: String
    public init(pipelineName: String, pipelineExecutionId: String) {
        self.pipelineName = pipelineName
        self.pipelineExecutionId = pipelineExecutionId
    }
}

public struct ArtifactRevision: Codable, Hashable, Sendable {
    public var name: String?
    public var revisionId: String?
    public var revisionSummary: String?
    public var created: Double?
    public init(name: String?, revisionId: String?, revisionSummary: String?, created: Double?) {
        self.name = name
        self.revisionId = revisionId
        self.revisionSummary = revisionSummary
        self.created = created
    }
}

public struct ResolvedPipelineVariable: Codable, Hashable, Sendable {
    public var name: String?
    public var resolvedValue: String?
    public init(name: String?, resolvedValue: String?) {
        self.name = name
        self.resolvedValue = resolvedValue
    }
}

public struct PipelineExecution: Codable, Hashable, Sendable {
    public var pipelineName: String?
    public var pipelineVersion: Int?
    public var pipelineExecutionId: String?
    /// Cancelled, InProgress, Stopped, Stopping, Succeeded, Superseded or Failed.
    public var status: String?
    public var statusSummary: String?
    public var artifactRevisions: [ArtifactRevision]?
    public var variables: [ResolvedPipelineVariable]?
    public init() {}
}

extension PipelineExecution {
    /// An execution known to be running (one of its stages is).
    public static var inProgress: PipelineExecution {
        var e = PipelineExecution()
        e.status = "InProgress"
        return e
    }
}

public struct GetPipelineExecutionOutput: Codable, Hashable, Sendable {
    public var pipelineExecution: PipelineExecution?
    public init(pipelineExecution: PipelineExecution?) { self.pipelineExecution = pipelineExecution }
}

public struct ListPipelineExecutionsInput: Codable, Hashable, Sendable {
    public var pipelineName: String
    public var maxResults: Int?
    public var nextToken: String?
    public init(pipelineName: String, maxResults: Int? = nil, nextToken: String? = nil) {
        self.pipelineName = pipelineName
        self.maxResults = maxResults
        self.nextToken = nextToken
    }
}

public struct SourceRevision: Codable, Hashable, Sendable {
    public var actionName: String
    public var revisionId: String?
    public var revisionSummary: String?
    public init(actionName: String, revisionId: String?, revisionSummary: String?) {
        self.actionName = actionName
        self.revisionId = revisionId
        self.revisionSummary = revisionSummary
    }
}

public struct PipelineExecutionSummary: Codable, Hashable, Sendable {
    public var pipelineExecutionId: String?
    public var status: String?
    public var statusSummary: String?
    public var startTime: Double?
    public var lastUpdateTime: Double?
    public var sourceRevisions: [SourceRevision]?
    public init(pipelineExecutionId: String?, status: String?, startTime: Double?, lastUpdateTime: Double?) {
        self.pipelineExecutionId = pipelineExecutionId
        self.status = status
        self.startTime = startTime
        self.lastUpdateTime = lastUpdateTime
    }
}

public struct ListPipelineExecutionsOutput: Codable, Hashable, Sendable {
    public var pipelineExecutionSummaries: [PipelineExecutionSummary]?
    public var nextToken: String?
    public init(pipelineExecutionSummaries: [PipelineExecutionSummary]?, nextToken: String?) {
        self.pipelineExecutionSummaries = pipelineExecutionSummaries
        self.nextToken = nextToken
    }
}

extension CodePipelineAPI {
    /// Every pipeline (ListPipelines, all pages).
    public func listAllPipelines() throws -> [PipelineSummary] {
        try allPages { token in
            let page = try listPipelines(ListPipelinesInput(nextToken: token))
            return (page.pipelines ?? [], page.nextToken)
        }
    }
}

extension PipelineDeclaration {
    /// The declaration as CodePipeline stores it: each action's runOrder 1, artifacts and
    /// configuration empty where left out (GetPipeline answers them so), the version aside.
    public var normalized: PipelineDeclaration {
        var p = self
        p.version = nil
        p.stages = p.stages.map { stage in
            var stage = stage
            stage.actions = stage.actions.map { action in
                var action = action
                action.runOrder = action.runOrder ?? 1
                action.inputArtifacts = action.inputArtifacts ?? []
                action.outputArtifacts = action.outputArtifacts ?? []
                action.configuration = action.configuration ?? [:]
                return action
            }
            return stage
        }
        return p
    }
}
