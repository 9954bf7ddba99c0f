import AWSModel
import BGSHCore
import Foundation

/// `codebuild create FILE.json`: CreateProject from the seed's codebuild-project.json; re-run
/// with the same file it changes nothing, with a changed one it updates the project (UpdateProject).
struct CodeBuildCreate: Command {
    static let spec = CommandSpec(
        ["codebuild", "create"], group: .build,
        summary: "create a CodeBuild project from a JSON file (CreateProject); re-run with a changed file, update it (UpdateProject)",
        discussion: "FILE is CreateProject's --cli-input-json shape (the seed's codebuild-project.json); ${NAME} in it is expanded. On the simulator the project's source is FILE's folder: a build reads its buildspec there.",
        arguments: [ArgumentSpec("FILE", .file(extensions: ["json"]), help: "a CodeBuild project JSON file")],
        options: [CommonOptions.as],
        examples: [Example("codebuild create codebuild-project.json", "the seed's build project; prints its ARN")],
        isMutating: true)

    /// The settings of a project a file sets, as they can be compared with what CodeBuild has.
    static func differences(_ have: Project, _ want: CreateProjectInput) -> [String] {
        var out: [String] = []
        if have.source != want.source { out.append("source") }
        if (have.sourceVersion ?? "") != (want.sourceVersion ?? "") { out.append("sourceVersion") }
        if have.artifacts?.type != want.artifacts.type || have.artifacts?.location != want.artifacts.location { out.append("artifacts") }
        // Settings the file leaves out take CodeBuild's defaults: compare only what it sets.
        var env = have.environment
        var wanted = want.environment
        wanted.imagePullCredentialsType = want.environment.imagePullCredentialsType ?? have.environment?.imagePullCredentialsType
        wanted.privilegedMode = want.environment.privilegedMode ?? have.environment?.privilegedMode
        if env?.environmentVariables?.map({ [$0.name, $0.value, $0.type ?? "PLAINTEXT"] }) != wanted.environmentVariables?.map({ [$0.name, $0.value, $0.type ?? "PLAINTEXT"] }) {
            out.append("environment variables")
        }
        env?.environmentVariables = nil
        wanted.environmentVariables = nil
        if env != wanted { out.append("environment") }
        if have.serviceRole != want.serviceRole { out.append("serviceRole") }
        if let t = want.timeoutInMinutes, have.timeoutInMinutes != t { out.append("timeoutInMinutes") }
        if let t = want.queuedTimeoutInMinutes, have.queuedTimeoutInMinutes != t { out.append("queuedTimeoutInMinutes") }
        let vpc = { (c: CodeBuildVpcConfig?) in [c?.vpcId ?? "", (c?.subnets ?? []).sorted().joined(separator: ","), (c?.securityGroupIds ?? []).sorted().joined(separator: ",")] }
        if vpc(have.vpcConfig) != vpc(want.vpcConfig) { out.append("vpcConfig") }
        if let logs = want.logsConfig?.cloudWatchLogs, have.logsConfig?.cloudWatchLogs?.status != logs.status { out.append("logsConfig") }
        return out
    }

    static func run(_ invocation: Invocation) throws {
        let input = try InputFile.decode(CreateProjectInput.self, argument: "FILE", knownKeys: CreateProjectInput.members, invocation)
        try apply(input, invocation)
        // The simulator reads the project's buildspec from the file's folder (its "repository").
        invocation.recordSourceFolder(.project, name: input.name)
    }

    /// CreateProject, or UpdateProject of a changed file, or nothing for the same one.
    static func apply(_ input: CreateProjectInput, _ invocation: Invocation) throws {
        let cloud = try invocation.cloud()
        if let existing = try cloud.batchGetProjects(BatchGetProjectsInput(names: [input.name])).projects?.first {
            let changed = differences(existing, input)
            if changed.isEmpty {
                invocation.session.out.writeError("project \(input.name) exists with these settings\n")
                invocation.produce(existing.arn ?? "")
                return
            }
            guard let updated = try invocation.mutate("codebuild:UpdateProject", input, { try cloud.updateProject(input) }) else {
                invocation.produce(existing.arn ?? "")
                return
            }
            invocation.session.out.writeError("updated project \(input.name): \(changed.joined(separator: ", "))\n")
            invocation.produce(updated.project?.arn ?? existing.arn ?? "")
            return
        }
        guard let made = try invocation.mutate("codebuild:CreateProject", input, { try cloud.createProject(input) }) else {
            invocation.producePlaceholder(invocation.placeholderArn("codebuild", "project", name: input.name), kind: "codebuild-project", name: input.name)
            return
        }
        invocation.produce(made.project?.arn ?? "")
    }
}
