/// AWS CodeBuild: the project and build operations of the seed's image build.
public protocol CodeBuildAPI {
    func createProject(_ input: CreateProjectInput) throws -> CreateProjectOutput
    /// UpdateProject: a re-run `codebuild create` whose file changed.
    func updateProject(_ input: CreateProjectInput) throws -> CreateProjectOutput
    func batchGetProjects(_ input: BatchGetProjectsInput) throws -> BatchGetProjectsOutput
    func listProjects(_ input: ListProjectsInput) throws -> ListProjectsOutput
    func deleteProject(_ input: DeleteProjectInput) throws
    func startBuild(_ input: StartBuildInput) throws -> StartBuildOutput
    func batchGetBuilds(_ input: BatchGetBuildsInput) throws -> BatchGetBuildsOutput
    /// ListBuildsForProject: a project's build ids, newest first (sortOrder DESCENDING).
    func listBuildsForProject(_ input: ListBuildsForProjectInput) throws -> ListBuildsForProjectOutput
    /// ListBuilds: every build id of the region, newest first (what TAB offers after `build status`).
    func listBuilds(_ input: ListBuildsInput) throws -> ListBuildsOutput
    func stopBuild(_ input: StopBuildInput) throws -> StopBuildOutput
}

public struct ProjectSource: Codable, Hashable, Sendable {
    /// CODECOMMIT, CODEPIPELINE, GITHUB, GITHUB_ENTERPRISE, BITBUCKET, S3, NO_SOURCE, GITLAB, …
    public var type: String
    public var location: String?
    public var gitCloneDepth: Int?
    /// The buildspec's path in the source (default buildspec.yml), or its text.
    public var buildspec: String?
    public var insecureSsl: Bool?
    public var reportBuildStatus: Bool?
    public var sourceIdentifier: String?
    public init(type: String, location: String? = nil, buildspec: String? = nil) {
        self.type = type
        self.location = location
        self.buildspec = buildspec
    }
}

public struct ProjectArtifacts: Codable, Hashable, Sendable {
    /// CODEPIPELINE, S3 or NO_ARTIFACTS.
    public var type: String
    public var location: String?
    public var path: String?
    public var name: String?
    public var namespaceType: String?
    public var packaging: String?
    public var encryptionDisabled: Bool?
    public var artifactIdentifier: String?
    public init(type: String) { self.type = type }
}

public struct EnvironmentVariable: Codable, Hashable, Sendable {
    public var name: String
    public var value: String
    /// PLAINTEXT (the default), PARAMETER_STORE or SECRETS_MANAGER.
    public var type: String?
    public init(name: String, value: String, type: String? = nil) {
        self.name = name
        self.value = value
        self.type = type
    }
}

public struct ProjectEnvironment: Codable, Hashable, Sendable {
    /// LINUX_CONTAINER, ARM_CONTAINER, LINUX_GPU_CONTAINER, WINDOWS_SERVER_2019_CONTAINER, …
    public var type: String
    public var image: String
    /// BUILD_GENERAL1_SMALL, _MEDIUM, _LARGE, …
    public var computeType: String
    public var environmentVariables: [EnvironmentVariable]?
    public var privilegedMode: Bool?
    public var certificate: String?
    public var imagePullCredentialsType: String?
    public init(type: String, image: String, computeType: String) {
        self.type = type
        self.image = image
        self.computeType = computeType
    }
}

/// CodeBuild's `VpcConfig`: the subnets a build runs in (private ones, with a NAT gateway).
public struct CodeBuildVpcConfig: Codable, Hashable, Sendable {
    public var vpcId: String?
    public var subnets: [String]?
    public var securityGroupIds: [String]?
    public init(vpcId: String?, subnets: [String]?, securityGroupIds: [String]?) {
        self.vpcId = vpcId
        self.subnets = subnets
        self.securityGroupIds = securityGroupIds
    }
}

public struct CloudWatchLogsConfig: Codable, Hashable, Sendable {
    /// ENABLED or DISABLED.
    public var status: String
    public var groupName: String?
    public var streamName: String?
    public init(status: String, groupName: String? = nil, streamName: String? = nil) {
        self.status = status
        self.groupName = groupName
        self.streamName = streamName
    }
}

public struct S3LogsConfig: Codable, Hashable, Sendable {
    public var status: String
    public var location: String?
    public var encryptionDisabled: Bool?
    public init(status: String) { self.status = status }
}

public struct LogsConfig: Codable, Hashable, Sendable {
    public var cloudWatchLogs: CloudWatchLogsConfig?
    public var s3Logs: S3LogsConfig?
    public init(cloudWatchLogs: CloudWatchLogsConfig?, s3Logs: S3LogsConfig? = nil) {
        self.cloudWatchLogs = cloudWatchLogs
        self.s3Logs = s3Logs
    }
}

/// CreateProject's (and UpdateProject's) input: the seed's codebuild-project.json shape.
public struct CreateProjectInput: Codable, Hashable, Sendable {
    public var name: String
    public var description: String?
    public var source: ProjectSource
    public var sourceVersion: String?
    public var artifacts: ProjectArtifacts
    public var environment: ProjectEnvironment
    public var serviceRole: String
    public var timeoutInMinutes: Int?
    public var queuedTimeoutInMinutes: Int?
    public var encryptionKey: String?
    public var tags: [Tag]?
    public var vpcConfig: CodeBuildVpcConfig?
    public var badgeEnabled: Bool?
    public var logsConfig: LogsConfig?
    public var concurrentBuildLimit: Int?
    public init(name: String, source: ProjectSource, artifacts: ProjectArtifacts, environment: ProjectEnvironment, serviceRole: String) {
        self.name = name
        self.source = source
        self.artifacts = artifacts
        self.environment = environment
        self.serviceRole = serviceRole
    }
    /// The members a `codebuild create FILE.json` may hold.
    public static let members: Set<String> = [
        "name", "description", "source", "sourceVersion", "artifacts", "environment", "serviceRole", "timeoutInMinutes",
        "queuedTimeoutInMinutes", "encryptionKey", "tags", "vpcConfig", "badgeEnabled", "logsConfig", "concurrentBuildLimit",
    ]
}

public struct Project: Codable, Hashable, Sendable {
    public var name: String?
    public var arn: String?
    public var description: String?
    public var source: ProjectSource?
    public var sourceVersion: String?
    public var artifacts: ProjectArtifacts?
    public var environment: ProjectEnvironment?
    public var serviceRole: String?
    public var timeoutInMinutes: Int?
    public var queuedTimeoutInMinutes: Int?
    public var encryptionKey: String?
    public var tags: [Tag]?
    public var created: Double?
    public var lastModified: Double?
    public var vpcConfig: CodeBuildVpcConfig?
    public var logsConfig: LogsConfig?
    public var concurrentBuildLimit: Int?
    public init() {}
}

public struct CreateProjectOutput: Codable, Hashable, Sendable {
    public var project: Project?
    public init(project: Project?) { self.project = project }
}

public struct BatchGetProjectsInput: Codable, Hashable, Sendable {
    public var names: [String]
    public init(names: [String]) { self.names = names }
}

public struct BatchGetProjectsOutput: Codable, Hashable, Sendable {
    public var projects: [Project]?
    public var projectsNotFound: [String]?
    public init(projects: [Project]?, projectsNotFound: [String]?) {
        self.projects = projects
        self.projectsNotFound = projectsNotFound
    }
}

public struct ListProjectsInput: Codable, Hashable, Sendable {
    /// NAME, CREATED_TIME or LAST_MODIFIED_TIME.
    public var sortBy: String?
    public var sortOrder: String?
    public var nextToken: String?
    public init(sortBy: String? = nil, sortOrder: String? = nil, nextToken: String? = nil) {
        self.sortBy = sortBy
        self.sortOrder = sortOrder
        self.nextToken = nextToken
    }
}

public struct ListProjectsOutput: Codable, Hashable, Sendable {
    public var projects: [String]?
    public var nextToken: String?
    public init(projects: [String]?, nextToken: String?) {
        self.projects = projects
        self.nextToken = nextToken
    }
}

public struct DeleteProjectInput: Codable, Hashable, Sendable {
    public var name: String
    public init(name: String) { self.name = name }
}

public struct StartBuildInput: Codable, Hashable, Sendable {
    public var projectName: String
    public var sourceVersion: String?
    public var environmentVariablesOverride: [EnvironmentVariable]?
    public var buildspecOverride: String?
    public var idempotencyToken: String?
    public init(projectName: String, sourceVersion: String? = nil, environmentVariablesOverride: [EnvironmentVariable]? = nil) {
        self.projectName = projectName
        self.sourceVersion = sourceVersion
        self.environmentVariablesOverride = environmentVariablesOverride
    }
}

public struct PhaseContext: Codable, Hashable, Sendable {
    public var statusCode: String?
    public var message: String?
    public init(statusCode: String?, message: String?) {
        self.statusCode = statusCode
        self.message = message
    }
}

public struct BuildPhase: Codable, Hashable, Sendable {
    /// SUBMITTED, QUEUED, PROVISIONING, DOWNLOAD_SOURCE, INSTALL, PRE_BUILD, BUILD, POST_BUILD,
    /// UPLOAD_ARTIFACTS, FINALIZING, COMPLETED.
    public var phaseType: String?
    /// SUCCEEDED, FAILED, FAULT, TIMED_OUT, IN_PROGRESS, STOPPED.
    public var phaseStatus: String?
    public var startTime: Double?
    public var endTime: Double?
    public var durationInSeconds: Int?
    public var contexts: [PhaseContext]?
    public init(phaseType: String?, phaseStatus: String?, startTime: Double?, endTime: Double?, durationInSeconds: Int?, contexts: [PhaseContext]?) {
        self.phaseType = phaseType
        self.phaseStatus = phaseStatus
        self.startTime = startTime
        self.endTime = endTime
        self.durationInSeconds = durationInSeconds
        self.contexts = contexts
    }
}

public struct LogsLocation: Codable, Hashable, Sendable {
    public var groupName: String?
    public var streamName: String?
    public var deepLink: String?
    public var cloudWatchLogsArn: String?
    public init(groupName: String?, streamName: String?) {
        self.groupName = groupName
        self.streamName = streamName
    }
}

public struct BuildArtifacts: Codable, Hashable, Sendable {
    public var location: String?
    public init(location: String?) { self.location = location }
}

public struct ExportedEnvironmentVariable: Codable, Hashable, Sendable {
    public var name: String?
    public var value: String?
    public init(name: String?, value: String?) {
        self.name = name
        self.value = value
    }
}

public struct Build: Codable, Hashable, Sendable {
    /// `PROJECT:UUID`.
    public var id: String?
    public var arn: String?
    public var buildNumber: Int?
    public var startTime: Double?
    public var endTime: Double?
    public var currentPhase: String?
    /// SUCCEEDED, FAILED, FAULT, TIMED_OUT, IN_PROGRESS, STOPPED.
    public var buildStatus: String?
    public var sourceVersion: String?
    public var resolvedSourceVersion: String?
    public var projectName: String?
    public var phases: [BuildPhase]?
    public var source: ProjectSource?
    public var artifacts: BuildArtifacts?
    public var environment: ProjectEnvironment?
    public var serviceRole: String?
    public var logs: LogsLocation?
    public var timeoutInMinutes: Int?
    public var queuedTimeoutInMinutes: Int?
    public var buildComplete: Bool?
    public var initiator: String?
    public var vpcConfig: CodeBuildVpcConfig?
    public var exportedEnvironmentVariables: [ExportedEnvironmentVariable]?
    public init() {}

    /// The value of an environment variable the build ran with (the build's own, over the project's).
    public func environmentValue(_ name: String) -> String? {
        environment?.environmentVariables?.last { $0.name == name }?.value
    }
}

public struct StartBuildOutput: Codable, Hashable, Sendable {
    public var build: Build?
    public init(build: Build?) { self.build = build }
}

public struct BatchGetBuildsInput: Codable, Hashable, Sendable {
    public var ids: [String]
    public init(ids: [String]) { self.ids = ids }
}

public struct BatchGetBuildsOutput: Codable, Hashable, Sendable {
    public var builds: [Build]?
    public var buildsNotFound: [String]?
    public init(builds: [Build]?, buildsNotFound: [String]?) {
        self.builds = builds
        self.buildsNotFound = buildsNotFound
    }
}

public struct ListBuildsForProjectInput: Codable, Hashable, Sendable {
    public var projectName: String
    /// ASCENDING or DESCENDING (newest first, the default).
    public var sortOrder: String?
    public var nextToken: String?
    public init(projectName: String, sortOrder: String? = nil, nextToken: String? = nil) {
        self.projectName = projectName
        self.sortOrder = sortOrder
        self.nextToken = nextToken
    }
}

public struct ListBuildsForProjectOutput: Codable, Hashable, Sendable {
    public var ids: [String]?
    public var nextToken: String?
    public init(ids: [String]?, nextToken: String?) {
        self.ids = ids
        self.nextToken = nextToken
    }
}

public struct ListBuildsInput: Codable, Hashable, Sendable {
    public var sortOrder: String?
    public var nextToken: String?
    public init(sortOrder: String? = nil, nextToken: String? = nil) {
        self.sortOrder = sortOrder
        self.nextToken = nextToken
    }
}

public struct ListBuildsOutput: Codable, Hashable, Sendable {
    public var ids: [String]?
    public var nextToken: String?
    public init(ids: [String]?, nextToken: String?) {
        self.ids = ids
        self.nextToken = nextToken
    }
}

public struct StopBuildInput: Codable, Hashable, Sendable {
    public var id: String
    public init(id: String) { self.id = id }
}

public struct StopBuildOutput: Codable, Hashable, Sendable {
    public var build: Build?
    public init(build: Build?) { self.build = build }
}

extension CodeBuildAPI {
    /// Every project name (ListProjects, all pages).
    public func listAllProjects() throws -> [String] {
        try allPages { token in
            let page = try listProjects(ListProjectsInput(sortBy: "NAME", sortOrder: "ASCENDING", nextToken: token))
            return (page.projects ?? [], page.nextToken)
        }
    }

    /// One build by id, or nil when CodeBuild does not know it.
    public func build(id: String) throws -> Build? {
        try batchGetBuilds(BatchGetBuildsInput(ids: [id])).builds?.first
    }
}
