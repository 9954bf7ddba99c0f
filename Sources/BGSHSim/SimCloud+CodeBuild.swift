import AWSModel
import Foundation
import Yams

/// A CodeBuild build as the simulator runs it: AWS's record, and its phases planned on the
/// virtual clock when it starts. It runs no commands: it reads the buildspec from the project's
/// folder, logs its phases and commands as CodeBuild prints them, and does what the seed's
/// buildspec does (`docker push` of IMAGE_REPO_NAME:IMAGE_TAG into this account's ECR).
struct SimBuild: Codable {
    var build: Build
    var phases: [SimBuildPhase]
    /// The buildspec's commands by phase (install, pre_build, build, post_build).
    var commands: [String: [String]]
    /// Where the buildspec was looked for, as CodeBuild names it in the log.
    var buildspecPath: String
    /// The image `docker push` sends (`REPO:TAG`), when the buildspec pushes one.
    var image: String?
    /// True once the push has happened (the image is in ECR).
    var pushed: Bool?
}

struct SimBuildPhase: Codable {
    var type: String
    var start: Double
    var end: Double
    var status: String
    var context: PhaseContext?
}

/// The buildspec's phases in the order CodeBuild runs them, and CodeBuild's phase for each.
enum BuildspecPhases {
    static let order = ["install", "pre_build", "build", "post_build"]
    static func codeBuildPhase(_ name: String) -> String { name.uppercased() }
}

extension SimCloud {
    static let projectKind = "cb.project"
    static let buildKind = "cb.build"

    /// How long each phase takes on the virtual clock (PROVISIONING takes longer in a VPC,
    /// where CodeBuild attaches a network interface).
    static func phaseDuration(_ phase: String, inVpc: Bool) -> Double {
        switch phase {
        case "SUBMITTED", "QUEUED", "INSTALL", "UPLOAD_ARTIFACTS": return 1
        case "PROVISIONING": return inVpc ? 35 : 20
        case "DOWNLOAD_SOURCE": return 3
        case "PRE_BUILD": return 4
        case "BUILD": return 38
        case "POST_BUILD": return 9
        case "FINALIZING": return 2
        default: return 0
        }
    }

    static let buildPhases = ["SUBMITTED", "QUEUED", "PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD",
                              "UPLOAD_ARTIFACTS", "FINALIZING", "COMPLETED"]
    /// The phases `sim fail build --phase` can fail.
    public static let failablePhases = ["PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS"]

    // MARK: projects

    static func isValidProjectName(_ name: String) -> Bool {
        guard (2...255).contains(name.count), let first = name.unicodeScalars.first, CharacterSet.alphanumerics.contains(first), first.isASCII else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
    }

    /// CodeBuild's checks of a project, CreateProject's and UpdateProject's.
    func validate(_ tx: SimStore.Transaction, _ input: CreateProjectInput) throws {
        guard SimCloud.isValidProjectName(input.name) else {
            throw AWSError("InvalidInputException", "Invalid project name: \(input.name). A name is 2-255 letters, digits, hyphens and underscores, starting with a letter or digit")
        }
        let sources = ["CODECOMMIT", "CODEPIPELINE", "GITHUB", "GITLAB", "GITLAB_SELF_MANAGED", "S3", "BITBUCKET", "GITHUB_ENTERPRISE", "NO_SOURCE"]
        guard sources.contains(input.source.type) else {
            throw AWSError("InvalidInputException", "Invalid source type: \(input.source.type). Valid types are \(sources.joined(separator: ", "))")
        }
        if !["CODEPIPELINE", "NO_SOURCE"].contains(input.source.type), (input.source.location ?? "").isEmpty {
            throw AWSError("InvalidInputException", "Project source location is required for source type \(input.source.type)")
        }
        let artifacts = ["CODEPIPELINE", "S3", "NO_ARTIFACTS"]
        guard artifacts.contains(input.artifacts.type) else {
            throw AWSError("InvalidInputException", "Invalid artifacts type: \(input.artifacts.type). Valid types are \(artifacts.joined(separator: ", "))")
        }
        if (input.source.type == "CODEPIPELINE") != (input.artifacts.type == "CODEPIPELINE") {
            throw AWSError("InvalidInputException", "Source and artifacts must both be CODEPIPELINE, or neither")
        }
        let environments = ["WINDOWS_CONTAINER", "LINUX_CONTAINER", "LINUX_GPU_CONTAINER", "ARM_CONTAINER", "WINDOWS_SERVER_2019_CONTAINER",
                            "WINDOWS_SERVER_2022_CONTAINER", "LINUX_LAMBDA_CONTAINER", "ARM_LAMBDA_CONTAINER", "LINUX_EC2", "ARM_EC2", "WINDOWS_EC2", "MAC_ARM"]
        guard environments.contains(input.environment.type) else {
            throw AWSError("InvalidInputException", "Invalid environment type: \(input.environment.type)")
        }
        guard input.environment.computeType.hasPrefix("BUILD_GENERAL1_") || input.environment.computeType.hasPrefix("BUILD_LAMBDA_")
                || input.environment.computeType == "ATTRIBUTE_BASED_COMPUTE" || input.environment.computeType == "CUSTOM_INSTANCE_TYPE" else {
            throw AWSError("InvalidInputException", "Invalid compute type: \(input.environment.computeType)")
        }
        for variable in input.environment.environmentVariables ?? [] {
            guard !variable.name.isEmpty else { throw AWSError("InvalidInputException", "Environment variable name must not be empty") }
            guard !variable.name.hasPrefix("CODEBUILD_") else {
                throw AWSError("InvalidInputException", "Invalid environment variable name \(variable.name): the CODEBUILD_ prefix is reserved")
            }
            if let type = variable.type, !["PLAINTEXT", "PARAMETER_STORE", "SECRETS_MANAGER"].contains(type) {
                throw AWSError("InvalidInputException", "Invalid environment variable type: \(type)")
            }
        }
        guard input.serviceRole.hasPrefix("arn:aws:iam::") && input.serviceRole.contains(":role/") || !input.serviceRole.contains(":") else {
            throw AWSError("InvalidInputException", "Invalid service role: \(input.serviceRole)")
        }
        if let minutes = input.timeoutInMinutes, !(5...2160).contains(minutes) {
            throw AWSError("InvalidInputException", "Invalid timeoutInMinutes: \(minutes). It must be 5-2160")
        }
        if let minutes = input.queuedTimeoutInMinutes, !(5...480).contains(minutes) {
            throw AWSError("InvalidInputException", "Invalid queuedTimeoutInMinutes: \(minutes). It must be 5-480")
        }
        if let vpc = input.vpcConfig {
            guard let vpcId = vpc.vpcId, let subnets = vpc.subnets, !subnets.isEmpty, let groups = vpc.securityGroupIds, !groups.isEmpty else {
                throw AWSError("InvalidInputException", "Invalid vpc config: vpcId, subnets and securityGroupIds are all required")
            }
            guard try tx.get(Vpc.self, region: region, kind: SimCloud.vpcKind, id: vpcId) != nil else {
                throw AWSError("InvalidInputException", "Invalid vpc config: the vpc ID '\(vpcId)' does not exist")
            }
            for id in subnets {
                guard let subnet = try tx.get(Subnet.self, region: region, kind: SimCloud.subnetKind, id: id), subnet.VpcId == vpcId else {
                    throw AWSError("InvalidInputException", "Invalid vpc config: subnet '\(id)' does not exist in vpc '\(vpcId)'")
                }
            }
            for id in groups {
                guard let group = try tx.get(SecurityGroup.self, region: region, kind: SimCloud.securityGroupKind, id: id), group.VpcId == vpcId else {
                    throw AWSError("InvalidInputException", "Invalid vpc config: security group '\(id)' does not exist in vpc '\(vpcId)'")
                }
            }
        }
    }

    func project(from input: CreateProjectInput, created: Double, modified: Double) -> Project {
        var project = Project()
        project.name = input.name
        project.arn = arn("codebuild", "project/\(input.name)")
        project.description = input.description
        project.source = input.source
        project.sourceVersion = input.sourceVersion
        project.artifacts = input.artifacts
        project.environment = input.environment
        project.environment?.imagePullCredentialsType = input.environment.imagePullCredentialsType ?? "CODEBUILD"
        project.environment?.privilegedMode = input.environment.privilegedMode ?? false
        project.serviceRole = input.serviceRole
        project.timeoutInMinutes = input.timeoutInMinutes ?? 60
        project.queuedTimeoutInMinutes = input.queuedTimeoutInMinutes ?? 480
        project.encryptionKey = input.encryptionKey ?? arn("kms", "alias/aws/s3")
        project.tags = input.tags ?? []
        project.created = created
        project.lastModified = modified
        project.vpcConfig = input.vpcConfig
        project.logsConfig = input.logsConfig ?? LogsConfig(cloudWatchLogs: CloudWatchLogsConfig(status: "ENABLED"), s3Logs: S3LogsConfig(status: "DISABLED"))
        project.concurrentBuildLimit = input.concurrentBuildLimit
        return project
    }

    func requireProject(_ tx: SimStore.Transaction, _ name: String) throws -> Project {
        guard let project = try tx.get(Project.self, region: region, kind: SimCloud.projectKind, id: name) else {
            throw AWSError("ResourceNotFoundException", "Project cannot be found: \(arn("codebuild", "project/\(name)"))")
        }
        return project
    }

    public func createProject(_ input: CreateProjectInput) throws -> CreateProjectOutput {
        try write("CreateProject") { tx in
            try validate(tx, input)
            if try tx.get(Project.self, region: region, kind: SimCloud.projectKind, id: input.name) != nil {
                throw AWSError("ResourceAlreadyExistsException", "Project already exists: \(arn("codebuild", "project/\(input.name)"))")
            }
            let now = try now(tx)
            let project = project(from: input, created: now, modified: now)
            try tx.put(project, region: region, kind: SimCloud.projectKind, id: input.name, name: input.name)
            return CreateProjectOutput(project: project)
        }
    }

    public func updateProject(_ input: CreateProjectInput) throws -> CreateProjectOutput {
        try write("UpdateProject") { tx in
            let old = try requireProject(tx, input.name)
            try validate(tx, input)
            let now = try now(tx)
            let project = project(from: input, created: old.created ?? now, modified: now)
            try tx.put(project, region: region, kind: SimCloud.projectKind, id: input.name, name: input.name)
            return CreateProjectOutput(project: project)
        }
    }

    public func batchGetProjects(_ input: BatchGetProjectsInput) throws -> BatchGetProjectsOutput {
        guard (1...100).contains(input.names.count) else {
            throw AWSError("InvalidInputException", "1 to 100 project names are required")
        }
        return try read("BatchGetProjects") { tx in
            var found: [Project] = [], missing: [String] = []
            for name in input.names {
                // AWS takes a name or an ARN.
                let key = name.hasPrefix("arn:") ? String(name.split(separator: "/").last ?? "") : name
                if let project = try tx.get(Project.self, region: region, kind: SimCloud.projectKind, id: key) { found.append(project) } else { missing.append(name) }
            }
            return BatchGetProjectsOutput(projects: found, projectsNotFound: missing)
        }
    }

    public func listProjects(_ input: ListProjectsInput) throws -> ListProjectsOutput {
        try read("ListProjects") { tx in
            var projects = try tx.all(Project.self, region: region, kind: SimCloud.projectKind)
            switch input.sortBy ?? "LAST_MODIFIED_TIME" {
            case "NAME": projects.sort { ($0.name ?? "") < ($1.name ?? "") }
            case "CREATED_TIME": projects.sort { ($0.created ?? 0) < ($1.created ?? 0) }
            default: projects.sort { ($0.lastModified ?? 0) < ($1.lastModified ?? 0) }
            }
            if (input.sortOrder ?? (input.sortBy == "NAME" ? "ASCENDING" : "DESCENDING")) == "DESCENDING" { projects.reverse() }
            return try SimPaging.page(projects.compactMap(\.name), nextToken: input.nextToken, maxResults: nil, limit: 100) { ListProjectsOutput(projects: $0, nextToken: $1) }
        }
    }

    public func deleteProject(_ input: DeleteProjectInput) throws {
        try write("DeleteProject") { tx in
            // AWS: deleting a project that does not exist succeeds; its builds are kept.
            try tx.delete(region: region, kind: SimCloud.projectKind, id: input.name)
        }
    }

    // MARK: builds

    /// `sim fail build PROJECT`: the next builds of the project fail in a phase.
    static func failKey(_ region: String, _ project: String) -> String { "cb.fail.\(region).\(project)" }
    /// Where the simulator reads a project's (or pipeline's) source: the folder of its JSON file.
    static func sourceKey(_ region: String, _ kind: String, _ name: String) -> String { "source.\(kind).\(region).\(name)" }

    public func startBuild(_ input: StartBuildInput) throws -> StartBuildOutput {
        try write("StartBuild") { tx in
            try progressBuilds(tx, now: try now(tx))
            return StartBuildOutput(build: view(try startBuild(tx, input, initiator: nil), at: try now(tx)))
        }
    }

    /// StartBuild inside a transaction (a pipeline's build action starts one).
    /// - Parameter sourceDirectory: where the source is (a pipeline's artifact); nil: the project's.
    func startBuild(_ tx: SimStore.Transaction, _ input: StartBuildInput, initiator: String?, sourceDirectory: String? = nil) throws -> SimBuild {
        let project = try requireProject(tx, input.projectName)
        let now = try now(tx)
        let number = try tx.nextNumber("cb.build.\(region).\(input.projectName)")
        let uuid = SimIDs.uuid(kind: "cb.build", number: try tx.nextNumber("id.cb.build"))
        var build = Build()
        build.id = "\(input.projectName):\(uuid)"
        build.arn = arn("codebuild", "build/\(input.projectName):\(uuid)")
        build.buildNumber = number
        build.startTime = now
        build.projectName = input.projectName
        build.sourceVersion = input.sourceVersion ?? project.sourceVersion
        build.source = project.source
        build.artifacts = BuildArtifacts(location: "")
        var environment = project.environment
        var variables = environment?.environmentVariables ?? []
        for override in input.environmentVariablesOverride ?? [] {
            variables.removeAll { $0.name == override.name }
            variables.append(override)
        }
        environment?.environmentVariables = variables
        build.environment = environment
        build.serviceRole = project.serviceRole
        build.timeoutInMinutes = project.timeoutInMinutes
        build.queuedTimeoutInMinutes = project.queuedTimeoutInMinutes
        build.initiator = initiator ?? "bgsh"
        build.vpcConfig = project.vpcConfig
        build.buildComplete = false
        if project.logsConfig?.cloudWatchLogs?.status != "DISABLED" {
            let group = project.logsConfig?.cloudWatchLogs?.groupName ?? "/aws/codebuild/\(input.projectName)"
            let stream = project.logsConfig?.cloudWatchLogs?.streamName.map { "\($0)/\(uuid)" } ?? uuid
            var logs = LogsLocation(groupName: group, streamName: stream)
            logs.deepLink = "https://console.aws.amazon.com/cloudwatch/home?region=\(region)#logsV2:log-groups/log-group/\(group)/log-events/\(stream)"
            logs.cloudWatchLogsArn = arn("logs", "log-group:\(group):log-stream:\(stream)")
            build.logs = logs
        }
        // The commit a branch resolves to: made up, but the same for the same source and ref.
        let version = build.sourceVersion ?? "HEAD"
        build.resolvedSourceVersion = version.count == 40 && version.allSatisfy(\.isHexDigit)
            ? version : SimIDs.hex(kind: "commit:\(project.source?.location ?? ""):\(version)", number: 1, length: 40)

        // The buildspec: inline text, or a path in the source (the project's folder on the simulator).
        let written = input.buildspecOverride ?? project.source?.buildspec ?? "buildspec.yml"
        let sourceRoot = "/codebuild/output/src\(100_000 + number * 7919 % 900_000)/src"
        var text: String?
        var path = "\(sourceRoot)/\(written)"
        if written.contains("\n") || written.hasPrefix("version:") {
            text = written
            path = "(inline buildspec)"
        } else if let dir = try sourceDirectory ?? tx.meta(SimCloud.sourceKey(region, "next-build", input.projectName)) ?? tx.meta(SimCloud.sourceKey(region, "project", input.projectName)) {
            text = try? String(contentsOfFile: (dir as NSString).appendingPathComponent(written), encoding: .utf8)
        }
        var commands: [String: [String]] = [:]
        var specError: String?
        if let text {
            do {
                let doc = try Yams.load(yaml: text) as? [String: Any]
                let phases = doc?["phases"] as? [String: Any] ?? [:]
                for name in BuildspecPhases.order {
                    let phase = phases[name] as? [String: Any]
                    commands[name] = (phase?["commands"] as? [Any] ?? []).map { "\($0)" }
                }
                if doc?["version"] == nil { specError = "YAML_FILE_ERROR: missing required field: version" }
            } catch {
                specError = "YAML_FILE_ERROR: \(error)"
            }
        } else {
            specError = "YAML_FILE_ERROR: stat \(path): no such file or directory"
        }

        // The push the seed's buildspec makes: IMAGE_REPO_NAME:IMAGE_TAG.
        let value = { (name: String) in variables.last { $0.name == name }?.value }
        let pushes = commands["post_build", default: []].contains { $0.contains("docker push") }
            || commands["build", default: []].contains { $0.contains("docker push") }
        let image = pushes ? value("IMAGE_REPO_NAME").flatMap { repo in value("IMAGE_TAG").map { "\(repo):\($0)" } } : nil

        // What fails, and where: a planted failure, the network, the buildspec.
        var failure: (phase: String, context: PhaseContext)?
        if let vpc = project.vpcConfig {
            // The network as it is when DOWNLOAD_SOURCE starts (a NAT gateway made just before
            // the build is available by then; one still pending is not).
            let downloadAt = now + ["SUBMITTED", "QUEUED", "PROVISIONING"].map { SimCloud.phaseDuration($0, inVpc: true) }.reduce(0, +)
            try SimClock.set(tx, downloadAt)
            defer { try? SimClock.set(tx, now) }
            for id in vpc.subnets ?? [] {
                guard let subnet = try tx.get(Subnet.self, region: region, kind: SimCloud.subnetKind, id: id) else {
                    failure = ("PROVISIONING", PhaseContext(statusCode: "VPC_CLIENT_ERROR", message: "Unexpected EC2 error: InvalidSubnetID.NotFound: The subnet ID '\(id)' does not exist"))
                    break
                }
                // A build's network interface has no public IP: only a NAT gateway takes it out.
                if try defaultRoute(tx, subnet: subnet) != .natGateway {
                    let location = sourceDirectory == nil ? (project.source?.location ?? "") : "https://codepipeline-artifacts.s3.\(region).amazonaws.com"
                    let host = URL(string: location)?.host ?? "github.com"
                    failure = ("DOWNLOAD_SOURCE", PhaseContext(statusCode: "CLIENT_ERROR",
                        message: "Get \"\(location)\": dial tcp: lookup \(host): i/o timeout for primary source and source version \(version)"))
                    break
                }
            }
        }
        if failure == nil, let specError, project.source?.type != "NO_SOURCE" || input.buildspecOverride == nil {
            failure = ("DOWNLOAD_SOURCE", PhaseContext(statusCode: "YAML_FILE_ERROR", message: String(specError.dropFirst("YAML_FILE_ERROR: ".count))))
        }
        let faultKey = SimCloud.failKey(region, input.projectName)
        if let planted = try tx.meta(faultKey) {
            let parts = planted.split(separator: "|").map(String.init)
            let phase = parts.first ?? "BUILD"
            let remaining = (Int(parts.count > 1 ? parts[1] : "1") ?? 1) - 1
            if remaining > 0 { try tx.setMeta(faultKey, "\(phase)|\(remaining)") } else { try tx.deleteMeta(prefix: faultKey) }
            // The earlier of a planted failure and one the build meets anyway is the one that happens.
            let order = { (p: String) in SimCloud.buildPhases.firstIndex(of: p) ?? SimCloud.buildPhases.count }
            if SimCloud.failablePhases.contains(phase), failure.map({ order(phase) < order($0.phase) }) ?? true {
                failure = (phase, SimCloud.plantedFailure(phase, commands))
            }
        }
        try tx.deleteMeta(prefix: SimCloud.sourceKey(region, "next-build", input.projectName))
        var record = SimBuild(build: build, phases: [], commands: commands, buildspecPath: path, image: image, pushed: false)
        record.phases = SimCloud.plan(start: now, inVpc: project.vpcConfig != nil, failure: failure, push: image == nil ? nil : SimCloud.pushCommand(commands))
        try save(tx, record)
        return record
    }

    /// What a planted failure says: the phase's last command failed, as CodeBuild reports it.
    static func plantedFailure(_ phase: String, _ commands: [String: [String]]) -> PhaseContext {
        switch phase {
        case "PROVISIONING": return PhaseContext(statusCode: "BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE", message: "Unable to pull customer's container image (sim fail build)")
        case "DOWNLOAD_SOURCE": return PhaseContext(statusCode: "CLIENT_ERROR", message: "repository not found for primary source and source version (sim fail build)")
        case "UPLOAD_ARTIFACTS": return PhaseContext(statusCode: "CLIENT_ERROR", message: "could not upload artifacts (sim fail build)")
        default:
            let command = commands[phase.lowercased()]?.last ?? "exit 1"
            return PhaseContext(statusCode: "COMMAND_EXECUTION_ERROR", message: "Error while executing command: \(command). Reason: exit status 1")
        }
    }

    /// The phases of a build from `start`: all of them, or up to a failure and then what CodeBuild
    /// still runs (POST_BUILD after a failed BUILD; FINALIZING always).
    /// - Parameter push: the buildspec's `docker push` command, if it has one.
    static func plan(start: Double, inVpc: Bool, failure: (phase: String, context: PhaseContext)?, push: String?) -> [SimBuildPhase] {
        let pushes = push != nil
        var phases: [SimBuildPhase] = []
        var t = start
        func add(_ type: String, _ status: String, _ context: PhaseContext? = nil) {
            let d = phaseDuration(type, inVpc: inVpc)
            phases.append(SimBuildPhase(type: type, start: t, end: t + d, status: status, context: context))
            t += d
        }
        var failed = false
        for type in buildPhases where type != "COMPLETED" {
            if failed {
                // After a failure: a failed BUILD still runs POST_BUILD (whose push then finds no
                // image); everything else goes on to FINALIZING.
                if type == "POST_BUILD", failure?.phase == "BUILD" {
                    add(type, pushes ? "FAILED" : "SUCCEEDED", pushes ? PhaseContext(statusCode: "COMMAND_EXECUTION_ERROR", message: "Error while executing command: \(push ?? "docker push"). Reason: exit status 1") : nil)
                    continue
                }
                if type == "UPLOAD_ARTIFACTS", ["BUILD", "POST_BUILD"].contains(failure?.phase ?? "") { add(type, "SUCCEEDED"); continue }
                if type != "FINALIZING" { continue }
            }
            if let failure, failure.phase == type {
                add(type, "FAILED", failure.context)
                failed = true
                continue
            }
            add(type, "SUCCEEDED")
        }
        phases.append(SimBuildPhase(type: "COMPLETED", start: t, end: t, status: "", context: nil))
        return phases
    }

    /// The build as BatchGetBuilds shows it at `now`.
    func view(_ b: SimBuild, at now: Double) -> Build {
        var build = b.build
        let started = b.phases.filter { $0.start <= now }
        build.phases = started.map { p in
            if p.type == "COMPLETED" { return BuildPhase(phaseType: p.type, phaseStatus: nil, startTime: p.start, endTime: nil, durationInSeconds: nil, contexts: nil) }
            let done = p.end <= now
            return BuildPhase(phaseType: p.type, phaseStatus: done ? p.status : "IN_PROGRESS", startTime: p.start, endTime: done ? p.end : nil,
                              durationInSeconds: done ? Int((p.end - p.start).rounded()) : nil,
                              contexts: done ? [p.context ?? PhaseContext(statusCode: "", message: "")] : nil)
        }
        build.currentPhase = started.last?.type ?? "SUBMITTED"
        if let completed = b.phases.last, completed.type == "COMPLETED", completed.start <= now {
            build.buildComplete = true
            build.endTime = completed.start
            let failed = b.phases.first { ["FAILED", "STOPPED", "FAULT", "TIMED_OUT"].contains($0.status) }
            build.buildStatus = failed.map { $0.status == "STOPPED" ? "STOPPED" : $0.status } ?? "SUCCEEDED"
        } else {
            build.buildStatus = "IN_PROGRESS"
            build.buildComplete = false
        }
        return build
    }

    /// Moves builds to `now`: the push of each whose POST_BUILD has ended happens then (into
    /// ECR), or fails there when the repository is missing — and the build with it.
    func progressBuilds(_ tx: SimStore.Transaction, now: Double) throws {
        for var b in try tx.children(SimBuild.self, region: region, kind: SimCloud.buildKind, parent: SimCloud.pushPending) {
            guard let image = b.image, let post = b.phases.firstIndex(where: { $0.type == "POST_BUILD" }),
                  b.phases[post].status == "SUCCEEDED", b.phases[post].end <= now else { continue }
            let parts = image.split(separator: ":", maxSplits: 1).map(String.init)
            let manifest = SimCloud.manifest(of: b)
            let clock = try SimClock.now(tx)
            try SimClock.set(tx, b.phases[post].end)
            defer { try? SimClock.set(tx, clock) }
            do {
                _ = try putImage(tx, PutImageRequest(repositoryName: parts[0], imageManifest: manifest, imageTag: parts.count > 1 ? parts[1] : "latest"))
            } catch let error as AWSError where error.code == "RepositoryNotFoundException" {
                // docker push into a repository that does not exist: POST_BUILD fails.
                let start = b.phases[post].start
                let failure = PhaseContext(statusCode: "COMMAND_EXECUTION_ERROR",
                    message: "Error while executing command: \(SimCloud.pushCommand(b.commands) ?? "docker push"). Reason: exit status 1")
                let replanned = SimCloud.plan(start: b.build.startTime ?? start, inVpc: b.build.vpcConfig != nil, failure: ("POST_BUILD", failure), push: SimCloud.pushCommand(b.commands))
                b.phases = replanned
                b.image = nil
            }
            b.pushed = true
            try save(tx, b)
        }
    }

    /// The buildspec's `docker push` command.
    static func pushCommand(_ commands: [String: [String]]) -> String? {
        (commands["build", default: []] + commands["post_build", default: []]).first { $0.contains("docker push") }
    }

    /// The image manifest a build pushes: distinct per build, so each push has its own digest.
    static func manifest(of b: SimBuild) -> String {
        #"{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json","config":{"mediaType":"application/vnd.docker.container.image.v1+json","digest":"bgsh-sim-build:\#(b.build.id ?? ""):\#(b.image ?? "")"}}"#
    }

    /// Builds whose `docker push` is still to happen are filed under this parent, so that moving
    /// the clock reads only them.
    static let pushPending = "push-pending"

    func save(_ tx: SimStore.Transaction, _ b: SimBuild) throws {
        try tx.put(b, region: region, kind: SimCloud.buildKind, id: b.build.id ?? "", name: b.build.projectName ?? "",
                   parent: b.image != nil && b.pushed != true ? SimCloud.pushPending : "")
    }

    func requireBuild(_ tx: SimStore.Transaction, _ id: String) throws -> SimBuild {
        guard let b = try tx.get(SimBuild.self, region: region, kind: SimCloud.buildKind, id: id) else {
            throw AWSError("ResourceNotFoundException", "Build \(id) does not exist")
        }
        return b
    }

    public func batchGetBuilds(_ input: BatchGetBuildsInput) throws -> BatchGetBuildsOutput {
        guard (1...100).contains(input.ids.count) else { throw AWSError("InvalidInputException", "1 to 100 build ids are required") }
        return try write("BatchGetBuilds") { tx in
            let now = try now(tx)
            try progressBuilds(tx, now: now)
            var builds: [Build] = [], missing: [String] = []
            for id in input.ids {
                let key = id.hasPrefix("arn:") ? String(id.split(separator: "/", maxSplits: 1).last ?? "") : id
                if let b = try tx.get(SimBuild.self, region: region, kind: SimCloud.buildKind, id: key) { builds.append(view(b, at: now)) } else { missing.append(id) }
            }
            return BatchGetBuildsOutput(builds: builds, buildsNotFound: missing)
        }
    }

    public func listBuildsForProject(_ input: ListBuildsForProjectInput) throws -> ListBuildsForProjectOutput {
        try read("ListBuildsForProject") { tx in
            _ = try requireProject(tx, input.projectName)
            var ids = try tx.find(SimBuild.self, region: region, kind: SimCloud.buildKind, name: input.projectName).compactMap(\.build.id)
            if input.sortOrder != "ASCENDING" { ids.reverse() }
            return try SimPaging.page(ids, nextToken: input.nextToken, maxResults: nil, limit: 100) { ListBuildsForProjectOutput(ids: $0, nextToken: $1) }
        }
    }

    public func listBuilds(_ input: ListBuildsInput) throws -> ListBuildsOutput {
        try read("ListBuilds") { tx in
            var ids = try tx.all(SimBuild.self, region: region, kind: SimCloud.buildKind).compactMap(\.build.id)
            if input.sortOrder != "ASCENDING" { ids.reverse() }
            return try SimPaging.page(ids, nextToken: input.nextToken, maxResults: nil, limit: 100) { ListBuildsOutput(ids: $0, nextToken: $1) }
        }
    }

    public func stopBuild(_ input: StopBuildInput) throws -> StopBuildOutput {
        try write("StopBuild") { tx in
            let now = try now(tx)
            try progressBuilds(tx, now: now)
            var b = try requireBuild(tx, input.id)
            if view(b, at: now).buildComplete != true {
                // The phase running now ends STOPPED; CodeBuild then finalizes.
                var kept = b.phases.filter { $0.end <= now && $0.type != "COMPLETED" }
                let current = b.phases.first { $0.start <= now && $0.end > now && $0.type != "COMPLETED" }
                kept.append(SimBuildPhase(type: current?.type ?? "SUBMITTED", start: current?.start ?? now, end: now, status: "STOPPED", context: nil))
                let finalizing = SimCloud.phaseDuration("FINALIZING", inVpc: false)
                kept.append(SimBuildPhase(type: "FINALIZING", start: now, end: now + finalizing, status: "SUCCEEDED", context: nil))
                kept.append(SimBuildPhase(type: "COMPLETED", start: now + finalizing, end: now + finalizing, status: "", context: nil))
                b.phases = kept
                b.pushed = true
                try save(tx, b)
                // A pipeline waiting on this build looks at it again now.
                for var run in try tx.children(SimExecution.self, region: region, kind: SimCloud.executionKind, parent: SimCloud.inProgress) {
                    for s in run.stages.indices {
                        for a in run.stages[s].actions.indices where run.stages[s].actions[a].execution?.externalExecutionId == input.id {
                            run.stages[s].actions[a].wakeAt = nil
                        }
                    }
                    try save(tx, run)
                }
            }
            return StopBuildOutput(build: view(b, at: now))
        }
    }

    // MARK: the build's log (CloudWatch Logs)

    /// CodeBuild's log of a build, each line with its time: the agent's lines, each phase's
    /// entry and end, the commands as written, and what echo and docker push print.
    static func logLines(_ b: SimBuild, account: String, region: String) -> [(Double, String)] {
        var lines: [(Double, String)] = []
        let variables = Dictionary((b.build.environment?.environmentVariables ?? []).map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last })
        func stamp(_ t: Double) -> String {
            let iso = isoTime(t)  // 2026-01-01T00:01:02.345Z
            let date = iso.prefix(10).replacingOccurrences(of: "-", with: "/")
            return "[Container] \(date) \(iso.dropFirst(11).dropLast())000"
        }
        func expand(_ text: String, at t: Double) -> String {
            var out = text.replacingOccurrences(of: "`date`", with: SimCloud.dateCommand(t))
            for (name, value) in variables.sorted(by: { $0.key.count > $1.key.count }) {
                out = out.replacingOccurrences(of: "${\(name)}", with: value).replacingOccurrences(of: "$\(name)", with: value)
            }
            return out
        }
        for phase in b.phases where phase.type != "COMPLETED" {
            let t = phase.start
            switch phase.type {
            case "SUBMITTED", "QUEUED":
                continue
            case "PROVISIONING":
                lines.append((phase.end, "\(stamp(phase.end)) Running on CodeBuild On-demand"))
                lines.append((phase.end, "\(stamp(phase.end)) Waiting for agent ping"))
                lines.append((phase.end, "\(stamp(phase.end)) Waiting for DOWNLOAD_SOURCE"))
                continue
            case "DOWNLOAD_SOURCE":
                lines.append((t, "\(stamp(t)) Phase is DOWNLOAD_SOURCE"))
                if phase.status == "SUCCEEDED" {
                    lines.append((t, "\(stamp(t)) YAML location is \(b.buildspecPath)"))
                    lines.append((t, "\(stamp(t)) Processing environment variables"))
                }
            case "FINALIZING", "UPLOAD_ARTIFACTS":
                lines.append((t, "\(stamp(t)) Phase is \(phase.type)"))
            default:
                lines.append((t, "\(stamp(t)) Entering phase \(phase.type)"))
                let commands = b.commands[phase.type.lowercased()] ?? []
                // The command a failure names (`Error while executing command: X. Reason: …`), else the last.
                let named = phase.context?.message.flatMap { m -> String? in
                    guard let from = m.range(of: "Error while executing command: "), let to = m.range(of: ". Reason:", options: .backwards) else { return nil }
                    return String(m[from.upperBound..<to.lowerBound])
                }
                let failedAt = phase.status == "FAILED" ? (named.flatMap { commands.firstIndex(of: $0) } ?? (commands.count - 1)) : commands.count
                let buildFailed = b.phases.contains { $0.type == "BUILD" && $0.status == "FAILED" }
                for (i, command) in commands.enumerated() where i <= failedAt && i < commands.count {
                    let at = t + Double(i) * (phase.end - t) / Double(max(commands.count, 1))
                    lines.append((at, "\(stamp(at)) Running command \(command)"))
                    if command.hasPrefix("echo ") { lines.append((at, expand(String(command.dropFirst(5)), at: at))) }
                    if command.contains("docker push"), i == failedAt, phase.status == "FAILED" {
                        let uri = "\(account).dkr.ecr.\(region).amazonaws.com/\(variables["IMAGE_REPO_NAME"] ?? ""):\(variables["IMAGE_TAG"] ?? "latest")"
                        lines.append((at, buildFailed ? "An image does not exist locally with the tag: \(uri.split(separator: ":").dropLast().joined(separator: ":"))"
                            : "name unknown: The repository with name '\(variables["IMAGE_REPO_NAME"] ?? "")' does not exist in the registry with id '\(account)'"))
                    } else if command.contains("docker push"), let image = b.image {
                        let uri = "\(account).dkr.ecr.\(region).amazonaws.com/\(image)"
                        let repo = uri.split(separator: ":").dropLast().joined(separator: ":")
                        lines.append((at, "The push refers to repository [\(repo)]"))
                        lines.append((at, "\(image.split(separator: ":").last ?? "latest"): digest: \(SimCloud.digest(of: SimCloud.manifest(of: b))) size: 1573"))
                    }
                    if command.hasPrefix("cat imageDetail.json"), let image = b.image {
                        lines.append((at, "{\"ImageURI\":\"\(account).dkr.ecr.\(region).amazonaws.com/\(image)\"}"))
                    }
                    if i == failedAt, phase.status == "FAILED" {
                        lines.append((phase.end, "\(stamp(phase.end)) Command did not exit successfully \(command) exit status 1"))
                    }
                }
            }
            if phase.end > phase.start || phase.type == "INSTALL" {
                lines.append((phase.end, "\(stamp(phase.end)) Phase complete: \(phase.type) State: \(phase.status)"))
                lines.append((phase.end, "\(stamp(phase.end)) Phase context status code: \(phase.context?.statusCode ?? "") Message: \(phase.context?.message ?? "")"))
            }
        }
        return lines.sorted { $0.0 < $1.0 }
    }

    /// What `date` prints at a time: `Thu Jan  1 00:01:02 UTC 2026`.
    static func dateCommand(_ t: Double) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d"
        let day = formatter.string(from: Date(timeIntervalSince1970: t))
        formatter.dateFormat = "EEE MMM '\(day.count == 1 ? " " + day : day)' HH:mm:ss 'UTC' yyyy"
        return formatter.string(from: Date(timeIntervalSince1970: t))
    }

    public func getLogEvents(_ input: GetLogEventsInput) throws -> GetLogEventsOutput {
        try write("GetLogEvents") { tx in
            let now = try now(tx)
            try progressBuilds(tx, now: now)
            let builds = try tx.all(SimBuild.self, region: region, kind: SimCloud.buildKind)
            guard builds.contains(where: { $0.build.logs?.groupName == input.logGroupName }) else {
                throw AWSError("ResourceNotFoundException", "The specified log group does not exist.")
            }
            guard let b = builds.first(where: { $0.build.logs?.groupName == input.logGroupName && $0.build.logs?.streamName == input.logStreamName }),
                  (b.phases.first { $0.type == "PROVISIONING" }?.end ?? now) <= now else {
                throw AWSError("ResourceNotFoundException", "The specified log stream does not exist.")
            }
            let all = SimCloud.logLines(b, account: account, region: region).filter { $0.0 <= now }
            let from = input.nextToken.flatMap { Int($0.dropFirst(2)) } ?? 0
            let limit = min(input.limit ?? 10_000, 10_000)
            let page = Array(all.dropFirst(from).prefix(limit))
            let next = from + page.count
            let events = page.map { OutputLogEvent(timestamp: Int($0.0 * 1000), message: $0.1 + "\n", ingestionTime: Int($0.0 * 1000) + 200) }
            return GetLogEventsOutput(events: events, nextForwardToken: "f/\(String(format: "%056d", next))", nextBackwardToken: "b/\(String(format: "%056d", from))")
        }
    }
}
