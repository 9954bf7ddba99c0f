import AWSModel
import BGSHCore

/// `sim fail build PROJECT [--phase P] [--times N]`: the project's next builds fail in a phase.
struct SimFailBuild: Command {
    /// The phases a build can be made to fail in, in CodeBuild's order.
    static let phases = ["PROVISIONING", "DOWNLOAD_SOURCE", "INSTALL", "PRE_BUILD", "BUILD", "POST_BUILD", "UPLOAD_ARTIFACTS"]

    static let spec = CommandSpec(
        ["sim", "fail", "build"], group: .simulator,
        summary: "make a CodeBuild project's next builds fail in a phase (default BUILD), as a failing command would",
        arguments: [ArgumentSpec("PROJECT", .resource(.codebuildProject), help: "the CodeBuild project")],
        options: [.option("phase", .choice(phases), valueName: "PHASE", help: "the phase that fails (default BUILD)"),
                  .option("times", .integer(1...1000), valueName: "N", help: "how many builds fail (default 1)")],
        examples: [Example("sim fail build my-ecs-app-build", "the next build fails in BUILD (its last command exits 1); `sim heal` clears it"),
                   Example("sim fail build my-ecs-app-build --phase PRE_BUILD --times 2", "the next two fail logging in to ECR")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        if invocation.skipsUnderDryRun() { return }  // the simulator's own state: a dry run changes nothing
        let emulator = try invocation.session.emulator(for: "sim fail build")
        let project = invocation.string("PROJECT") ?? ""
        _ = try Resolve.project(project, invocation, at: "PROJECT")
        let phase = invocation.string("phase") ?? "BUILD"
        let times = invocation.integer("times") ?? 1
        try emulator.failBuild(region: invocation.session.region, project: project, phase: phase, times: times)
        invocation.session.out.writeError("armed: the next \(times == 1 ? "build" : "\(times) builds") of \(project) will fail in \(phase)\n")
    }
}
