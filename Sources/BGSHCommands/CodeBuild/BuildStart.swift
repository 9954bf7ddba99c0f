import AWSModel
import BGSHCore
import BGSHSyntax
import Foundation

/// `build start PROJECT [--source-version REF] [--source-dir DIR] [--env NAME=VALUE]… [--wait]`: StartBuild.
struct BuildStart: Command {
    static let spec = CommandSpec(
        ["build", "start"], group: .build,
        summary: "start a CodeBuild build (StartBuild); with --wait, show its phases and write imageDetail.json when it succeeds",
        discussion: "A failed build exits 1 naming the phase. After a successful build bgsh writes ~/.bgsh/builds/BUILD-ID/imageDetail.json ({\"ImageURI\": …} of IMAGE_REPO_NAME:IMAGE_TAG, once DescribeImages shows it) for `deploy --image-detail`. On the simulator the source is the project file's folder, or --source-dir.",
        arguments: [ArgumentSpec("PROJECT", .resource(.codebuildProject), help: "the CodeBuild project")],
        options: [.option("source-version", .string, valueName: "REF", help: "a branch, tag or commit (default: the project's sourceVersion)"),
                  .option("source-dir", .file(extensions: []), valueName: "DIR", help: "simulator: the folder that stands for the source (default: the project file's folder)"),
                  .option("env", .string, valueName: "NAME=VALUE", repeatable: true, help: "an environment variable for this build (environmentVariablesOverride)"),
                  .flag("wait", help: "wait for it to end, showing each phase"),
                  CommonOptions.as],
        examples: [Example("build start my-ecs-app-build --wait", "build and push the image; prints the imageDetail.json path"),
                   Example("build start my-ecs-app-build --env IMAGE_TAG=v2 --wait", "the same, tagged v2")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let project = invocation.string("PROJECT") ?? ""
        let cloud = try invocation.cloud()
        let found = try Resolve.project(project, invocation, at: "PROJECT")
        var input = StartBuildInput(projectName: project, sourceVersion: invocation.string("source-version"))
        let overrides = try BuildWatch.variables(invocation.strings("env"), invocation)
        if !overrides.isEmpty { input.environmentVariablesOverride = overrides }
        if let dir = invocation.string("source-dir") {
            let path = invocation.resolvePath(dir)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue else {
                throw invocation.failure("--source-dir '\(dir)' is not a folder", at: "source-dir")
            }
            if let emulator = invocation.session.backend.emulator {
                if !invocation.session.isDryRun { try emulator.setSourceDirectory(region: invocation.session.region, kind: .nextBuild, name: project, directory: path) }
            } else {
                invocation.session.out.writeError("note: on AWS the build's source is the project's (\(found.source?.type ?? "") \(found.source?.location ?? "")); --source-dir is the simulator's\n")
            }
        }
        guard let started = try invocation.mutate("codebuild:StartBuild", input, { try cloud.startBuild(input) }), let id = started.build?.id else {
            invocation.produce("\(project):dryrun")
            return
        }
        invocation.produce(id)
        guard invocation.flag("wait"), !invocation.session.isDryRun else { return }
        invocation.session.out.writeError("build \(id): \(found.source?.type ?? "") \(found.source?.location ?? "") at \(input.sourceVersion ?? found.sourceVersion ?? "HEAD")\n")
        let build = try BuildWatch.follow(id, invocation)
        guard build.buildStatus == "SUCCEEDED" else { throw invocation.failure(BuildWatch.failure(build, project: found)) }
        try BuildWatch.writeImageDetail(build, invocation)
        invocation.session.out.writeError("build \(id) SUCCEEDED in \(Duration.format(seconds: (build.endTime ?? 0) - (build.startTime ?? 0)))\n")
    }
}
