import AWSModel
import BGSHCore
import BGSHSyntax
import Foundation

/// What the build commands share: a phase as a line, following a build to its end, and the
/// imageDetail.json a successful build leaves for `deploy --image-detail`.
enum BuildWatch {
    /// `  BUILD             SUCCEEDED  38s`, with the phase's context when it failed.
    static func line(_ phase: BuildPhase) -> String {
        let name = (phase.phaseType ?? "").padding(toLength: 17, withPad: " ", startingAt: 0)
        let status = (phase.phaseStatus ?? "").padding(toLength: 11, withPad: " ", startingAt: 0)
        var text = "  \(name) \(status)" + (phase.durationInSeconds.map { Duration.format(seconds: Double($0)) } ?? "")
        if let context = phase.contexts?.first, let code = context.statusCode, !code.isEmpty {
            text += "  \(code): \(context.message ?? "")"
        }
        return text
    }

    /// The first phase that failed (or stopped), if any.
    static func failedPhase(_ build: Build) -> BuildPhase? {
        build.phases?.first { ["FAILED", "FAULT", "TIMED_OUT", "STOPPED"].contains($0.phaseStatus ?? "") }
    }

    /// Why a build did not succeed, in one sentence, with what to do where bgsh knows it.
    static func failure(_ build: Build, project: Project?) -> String {
        let phase = failedPhase(build)
        var text = "build \(build.id ?? "") \(build.buildStatus ?? "") in \(phase?.phaseType ?? build.currentPhase ?? "?")"
        if let context = phase?.contexts?.first, let code = context.statusCode, !code.isEmpty {
            text += ": \(code): \(context.message ?? "")"
        }
        if phase?.phaseType == "DOWNLOAD_SOURCE", phase?.contexts?.first?.statusCode == "CLIENT_ERROR", project?.vpcConfig != nil {
            text += " (a build in a VPC reaches the internet only through a NAT gateway: give the project private subnets whose route out is a NAT, `subnet create … --private --nat NAT`)"
        }
        if phase?.contexts?.first?.statusCode == "YAML_FILE_ERROR" {
            text += " (the project's source.buildspec names \(project?.source?.buildspec ?? "buildspec.yml"))"
        }
        return text + "; `build logs \(build.id ?? "")` shows its log"
    }

    /// Polls the build until it completes, printing each phase as it ends; Ctrl-C stops the
    /// waiting (the build goes on). Returns the build as it ended.
    static func follow(_ id: String, _ invocation: Invocation, printed: Int = 0) throws -> Build {
        let cloud = try invocation.cloud()
        var shown = printed
        let out = invocation.session.out
        while true {
            guard let build = try cloud.build(id: id) else { throw invocation.failure("build \(id) not found") }
            let done = (build.phases ?? []).filter { $0.endTime != nil || $0.phaseType == "COMPLETED" }
            for phase in done.dropFirst(shown) where phase.phaseType != "COMPLETED" { out.write(line(phase) + "\n") }
            shown = max(shown, done.count)
            out.flush()
            if build.buildComplete == true { return build }
            if invocation.session.takeInterrupt?() == true {
                throw invocation.failure("stopped waiting: build \(id) is in \(build.currentPhase ?? "?") and goes on (`build status \(id)`, `build stop \(id)`)", exitCode: 130)
            }
            // The phase that runs now ends in a few seconds; look again then.
            let running = build.phases?.last { $0.endTime == nil }
            let step = ["BUILD", "PROVISIONING"].contains(running?.phaseType ?? "") ? 10.0 : 3.0
            guard try DeployContext.pass(step, invocation) else { continue }
        }
    }

    /// Where a build's imageDetail.json goes: `~/.bgsh/builds/BUILD-ID/imageDetail.json`.
    static func imageDetailPath(_ id: String, _ invocation: Invocation) -> String? {
        guard let home = invocation.session.environment["HOME"] else { return nil }
        return "\(home)/.bgsh/builds/\(id.replacingOccurrences(of: "/", with: "_"))/imageDetail.json"
    }

    /// After a successful build: `{"ImageURI": …}` of IMAGE_REPO_NAME:IMAGE_TAG, written once
    /// DescribeImages shows the image (the seed's project has NO_ARTIFACTS, so bgsh writes
    /// what its buildspec would have). Returns the path, or nil when the build pushed no image.
    @discardableResult
    static func writeImageDetail(_ build: Build, _ invocation: Invocation, quiet: Bool = false) throws -> String? {
        guard build.buildStatus == "SUCCEEDED", let repository = build.environmentValue("IMAGE_REPO_NAME"), let id = build.id else { return nil }
        let tag = build.environmentValue("IMAGE_TAG") ?? "latest"
        let cloud = try invocation.cloud()
        let found: [ImageDetail]
        do {
            found = try cloud.describeImages(DescribeImagesRequest(repositoryName: repository, imageIds: [ImageIdentifier(imageTag: tag)])).imageDetails
        } catch let error as AWSError where error.code == "ImageNotFoundException" || error.code == "RepositoryNotFoundException" {
            throw invocation.failure("build \(id) succeeded but \(repository):\(tag) is not in ECR (\(error.code)): its buildspec did not push IMAGE_REPO_NAME:IMAGE_TAG")
        }
        guard !found.isEmpty, let path = imageDetailPath(id, invocation) else { return nil }
        let ownAccount = try invocation.session.backend.accountId()
        let account = build.environmentValue("AWS_ACCOUNT_ID") ?? ownAccount
        let region = build.environmentValue("AWS_REGION") ?? invocation.session.region
        let uri = ECRImageReference.registry(account: account, region: region) + "\(repository):\(tag)"
        let text = "{\"ImageURI\":\"\(uri)\"}"
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        if !quiet { invocation.session.out.writeError("image \(uri); imageDetail.json: \(display(path, invocation))\n") }
        return path
    }

    /// A path under the home folder as `~/…`.
    static func display(_ path: String, _ invocation: Invocation) -> String {
        guard let home = invocation.session.environment["HOME"], !home.isEmpty, path.hasPrefix(home + "/") else { return path }
        return "~" + path.dropFirst(home.count)
    }

    /// `NAME=VALUE` words of `--env`.
    static func variables(_ words: [String], _ invocation: Invocation) throws -> [EnvironmentVariable] {
        try words.map { word in
            guard let eq = word.firstIndex(of: "="), eq != word.startIndex else {
                throw invocation.failure("--env takes NAME=VALUE, like IMAGE_TAG=v2 (not '\(word)')", at: "env")
            }
            return EnvironmentVariable(name: String(word[..<eq]), value: String(word[word.index(after: eq)...]), type: "PLAINTEXT")
        }
    }
}
