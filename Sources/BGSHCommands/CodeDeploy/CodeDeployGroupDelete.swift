import AWSModel
import BGSHCore

/// `codedeploy group delete --app A GROUP`: DeleteDeploymentGroup.
struct CodeDeployGroupDelete: Command {
    static let spec = CommandSpec(
        ["codedeploy", "group", "delete"], group: .resources,
        summary: "delete a CodeDeploy deployment group (DeleteDeploymentGroup)",
        arguments: [ArgumentSpec("GROUP", .resource(.codedeployGroup), help: "the deployment group")],
        options: [.option("app", .resource(.codedeployApp), valueName: "APP", required: true, help: "its application"), CommonOptions.yes],
        examples: [Example("codedeploy group delete --app my-ecs-deploy my-ecs-dg --yes", "delete without asking")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        guard let app = invocation.string("app") else { throw invocation.failure("codedeploy group delete needs --app APP") }
        let group = invocation.string("GROUP") ?? ""
        let cloud = try invocation.cloud()
        do {
            _ = try cloud.getDeploymentGroup(GetDeploymentGroupInput(applicationName: app, deploymentGroupName: group))
        } catch let error as AWSError {
            let known = (try? cloud.listDeploymentGroups(ListDeploymentGroupsInput(applicationName: app)).deploymentGroups) ?? []
            let hint = Suggest.closest(to: group, in: known).map { " (did you mean '\($0)'?)" } ?? ""
            throw invocation.failure(error.code == "ApplicationDoesNotExistException" ? "CodeDeploy application '\(app)' not found" :
                                        "deployment group '\(group)' not found in \(app)\(hint)", at: error.code == "ApplicationDoesNotExistException" ? "app" : "GROUP")
        }
        try invocation.confirmDelete("deployment group \(group)")
        let input = DeleteDeploymentGroupInput(applicationName: app, deploymentGroupName: group)
        guard try invocation.mutate("codedeploy:DeleteDeploymentGroup", input, { try cloud.deleteDeploymentGroup(input) }) != nil else { return }
        invocation.session.out.write("deleted deployment group \(group)\n")
    }
}
