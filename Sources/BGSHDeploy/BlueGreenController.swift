import AWSModel
import BGSHSyntax

/// How a service's traffic is moved: bgsh's task sets, or CodeDeploy. The verbs talk to this.
public protocol BlueGreenController {
    /// The deployment as AWS holds it now.
    func observe() throws -> DeploymentView
    /// Starts a deployment of a task definition; returns its id.
    /// `healthTimeout`: seconds within which green must have a healthy target, or (with
    /// auto-rollback) the deployment rolls back by itself.
    /// `autoRollback`: nil keeps the controller's default (the deployment group's, under codedeploy).
    func deploy(taskDefinitionArn: String, strategy: Strategy, terminationWait: Int, alarms: [String], healthTimeout: Int, autoRollback: Bool?) throws -> String
    /// Sets green's share of production traffic.
    func shift(greenTenths: Int, force: Bool) throws
    /// Ends the deployment in green's favour (blue kept for the termination wait).
    func promote(force: Bool) throws
    /// Moves everything back to blue and removes green.
    func rollback() throws
    /// Pauses (true) or resumes (false) the schedule.
    func hold(_ held: Bool) throws
    /// One round of what the waiting process does.
    func drive(autoRollback: Bool) throws -> (event: String?, view: DeploymentView)
}

extension TaskSetController: BlueGreenController {}
