import AWSModel
import BGSHCore
import BGSHDeploy
import Foundation

/// What the pipeline commands share: an action's state as a line, and following an execution
/// to its end (its deploy action's CodeDeploy deployment then followed by `status` and `wait`).
enum PipelineWatch {
    /// One action's latest run in a few words: its status, what it runs (a commit, a build, a
    /// deployment), its progress or its error.
    static func detail(_ execution: ActionExecution?) -> String {
        guard let e = execution else { return "-" }
        var parts: [String] = []
        if let external = e.externalExecutionId {
            parts.append(external.count == 40 ? String(external.prefix(12)) : external.hasPrefix("arn:") ? String(external.split(separator: "/").last ?? "") : external)
        }
        if let summary = e.summary, !summary.isEmpty { parts.append(summary) }
        if e.status == "InProgress", let percent = e.percentComplete { parts.append("\(percent)%") }
        if let error = e.errorDetails?.message { parts.append(error) }
        return parts.joined(separator: "  ")
    }

    /// The (stage, action, run) of an execution, in stage order, from GetPipelineState.
    static func actions(_ state: GetPipelineStateOutput, execution id: String?) -> [(stage: String, action: String, run: ActionExecution?)] {
        var out: [(String, String, ActionExecution?)] = []
        for stage in state.stageStates ?? [] {
            let mine = id == nil || stage.latestExecution?.pipelineExecutionId == id
            for action in stage.actionStates ?? [] {
                out.append((stage.stageName ?? "", action.actionName ?? "", mine ? action.latestExecution : nil))
            }
        }
        return out
    }

    /// The newest execution of a pipeline, if it has run.
    static func latest(_ name: String, _ cloud: any Cloud) throws -> PipelineExecutionSummary? {
        try cloud.listPipelineExecutions(ListPipelineExecutionsInput(pipelineName: name, maxResults: 1)).pipelineExecutionSummaries?.first
    }

    /// Makes the service of a CodeDeployToECS action follow its deployment (`status`, `wait`,
    /// `deployments`), when bgsh set the service up.
    static func adopt(_ deploymentId: String, _ action: ActionDeclaration?, _ invocation: Invocation) {
        guard let config = action?.configuration, let app = config["ApplicationName"], let group = config["DeploymentGroupName"],
              let cloud = try? invocation.cloud(),
              let ecs = try? cloud.getDeploymentGroup(GetDeploymentGroupInput(applicationName: app, deploymentGroupName: group)).deploymentGroupInfo.ecsServices?.first else { return }
        let emulator = invocation.session.backend.emulator
        let controller = CodeDeployController(cloud: cloud, cluster: ecs.clusterName, service: ecs.serviceName) {
            try emulator?.now() ?? Date().timeIntervalSince1970
        }
        try? controller.adopt(deploymentId)
    }

    /// Follows an execution until it ends, printing each action as it changes. Exit status of
    /// the end: 0 succeeded; 4 when its deploy stage's deployment rolled back; 1 otherwise.
    /// - Parameter stage: return once this stage has started (a deploy stage: once its
    ///   deployment exists, so that `status`, `wait` and `rollback` act on it).
    static func follow(_ name: String, execution id: String, untilStage stage: String? = nil, _ invocation: Invocation) throws {
        let cloud = try invocation.cloud()
        let declaration = try cloud.getPipeline(GetPipelineInput(name: name)).pipeline
        func action(_ stage: String, _ action: String) -> ActionDeclaration? {
            declaration?.stages.first { $0.name == stage }?.actions.first { $0.name == action }
        }
        let out = invocation.session.out
        var shown: [String: String] = [:]
        var adopted = Set<String>()
        while true {
            let state = try cloud.getPipelineState(GetPipelineStateInput(name: name))
            // While one of its stages runs the execution has not ended: ask for it only otherwise.
            let running = state.stageStates?.contains { $0.latestExecution?.pipelineExecutionId == id && $0.latestExecution?.status == "InProgress" } == true
            let execution = running ? PipelineExecution.inProgress
                : try cloud.getPipelineExecution(GetPipelineExecutionInput(pipelineName: name, pipelineExecutionId: id)).pipelineExecution
            var deploying = false, building = false
            for (stage, actionName, run) in actions(state, execution: id) {
                guard let run else { continue }
                let line = "  \("\(stage)/\(actionName)".padding(toLength: 22, withPad: " ", startingAt: 0)) \((run.status ?? "").padding(toLength: 11, withPad: " ", startingAt: 0)) \(detail(run))"
                let key = "\(stage)/\(actionName)"
                if shown[key] != line {
                    out.write(line + "\n")
                    shown[key] = line
                }
                let declared = action(stage, actionName)
                if declared?.actionTypeId.provider == "CodeDeployToECS", let deployment = run.externalExecutionId, !adopted.contains(deployment) {
                    adopt(deployment, declared, invocation)
                    adopted.insert(deployment)
                }
                if run.status == "InProgress", declared?.actionTypeId.category == "Deploy" { deploying = true }
                if run.status == "InProgress", declared?.actionTypeId.category == "Build" { building = true }
            }
            out.flush()
            if let stage, let started = state.stageStates?.first(where: { $0.stageName == stage }),
               started.latestExecution?.pipelineExecutionId == id,
               started.actionStates?.allSatisfy({ action in
                   let provider = declaration?.stages.first { $0.name == stage }?.actions.first { $0.name == action.actionName }?.actionTypeId.provider
                   return action.latestExecution != nil && (provider != "CodeDeployToECS" || action.latestExecution?.externalExecutionId != nil || action.latestExecution?.status != "InProgress")
               }) == true {
                out.write("pipeline \(name) execution \(id) is in stage \(stage)\n")
                return
            }
            switch execution?.status {
            case "Succeeded"?:
                out.write("pipeline \(name) execution \(id) succeeded\n")
                return
            case "InProgress"?, nil:
                break
            default:
                let failed = actions(state, execution: id).first { $0.run?.status == "Failed" }
                let provider = failed.flatMap { action($0.stage, $0.action) }?.actionTypeId.provider
                let why = failed?.run?.errorDetails?.message ?? execution?.statusSummary ?? ""
                if provider == "CodeDeployToECS" || provider == "ECS" {
                    throw invocation.failure("pipeline \(name) execution \(id) \(execution?.status ?? ""): its deploy stage rolled back: \(why)", exitCode: 4)
                }
                throw invocation.failure("pipeline \(name) execution \(id) \(execution?.status ?? "")" + (failed.map { " in \($0.stage)/\($0.action)" } ?? "") + (why.isEmpty ? "" : ": \(why)"))
            }
            if invocation.session.takeInterrupt?() == true {
                throw invocation.failure("stopped waiting: pipeline \(name) execution \(id) goes on (`pipeline status \(name)`)", exitCode: 130)
            }
            // A deployment moves in minutes, a build in tens of seconds, a source in seconds.
            _ = try DeployContext.pass(deploying ? 30 : building ? 15 : 5, invocation)
        }
    }
}
