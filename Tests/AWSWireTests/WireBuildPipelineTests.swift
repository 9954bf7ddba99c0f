import AWSModel
import AWSWire
import Foundation
import Testing

/// The wire encoding of the seed's build pipeline: CodeBuild, CodePipeline and CloudWatch Logs
/// (JSON 1.1, each with its own target prefix), from answers in botocore's shapes.
@Suite struct WireBuildPipelineTests {
    /// StartBuild: an idempotency token of its own (a resent start is one build), the overrides
    /// as environmentVariablesOverride, and the build's phases read back.
    @Test func startBuildSendsATokenAndReadsThePhases() throws {
        let t = ScriptedTransport(body: #"""
        {"build": {"id": "my-ecs-app-build:0f3c2b8e-1d2a-4b5c-9e8f-7a6b5c4d3e2f", "arn": "arn:aws:codebuild:us-east-1:123456789012:build/my-ecs-app-build:0f3c2b8e-1d2a-4b5c-9e8f-7a6b5c4d3e2f",
          "buildNumber": 7, "startTime": 1767225600.125, "currentPhase": "SUBMITTED", "buildStatus": "IN_PROGRESS", "projectName": "my-ecs-app-build",
          "phases": [{"phaseType": "SUBMITTED", "phaseStatus": "SUCCEEDED", "startTime": 1767225600.125, "endTime": 1767225600.9, "durationInSeconds": 0},
                     {"phaseType": "QUEUED", "startTime": 1767225600.9}],
          "logs": {"groupName": "/aws/codebuild/my-ecs-app-build", "streamName": "0f3c2b8e-1d2a-4b5c-9e8f-7a6b5c4d3e2f"},
          "environment": {"type": "LINUX_CONTAINER", "image": "aws/codebuild/amazonlinux2-x86_64-standard:3.0", "computeType": "BUILD_GENERAL1_SMALL",
                          "environmentVariables": [{"name": "IMAGE_TAG", "value": "v2", "type": "PLAINTEXT"}]},
          "buildComplete": false}}
        """#)
        let cloud = try scriptedBackend(t).cloud(region: "us-east-1")
        let out = try cloud.startBuild(StartBuildInput(projectName: "my-ecs-app-build", sourceVersion: "main",
                                                       environmentVariablesOverride: [EnvironmentVariable(name: "IMAGE_TAG", value: "v2", type: "PLAINTEXT")]))
        let request = try #require(t.sent.first)
        #expect(request.header("X-Amz-Target") == "CodeBuild_20161006.StartBuild")
        #expect(request.header("Content-Type") == "application/x-amz-json-1.1")
        #expect((request.json["idempotencyToken"] as? String)?.count == 36)
        #expect((request.json["environmentVariablesOverride"] as? [[String: Any]])?.first?["value"] as? String == "v2")
        let build = try #require(out.build)
        #expect(build.startTime == 1767225600.125 && build.phases?.last?.phaseStatus == nil && build.phases?.first?.durationInSeconds == 0)
        #expect(build.environmentValue("IMAGE_TAG") == "v2" && build.logs?.groupName == "/aws/codebuild/my-ecs-app-build")
    }

    /// CreateProject: the seed's codebuild-project.json members as CodeBuild names them.
    @Test func createProjectSendsTheSeedsShape() throws {
        let t = ScriptedTransport(body: #"{"project": {"name": "my-ecs-app-build", "arn": "arn:aws:codebuild:us-east-1:123456789012:project/my-ecs-app-build", "created": 1767225600.5}}"#)
        var input = CreateProjectInput(name: "my-ecs-app-build", source: ProjectSource(type: "GITHUB", location: "https://github.com/o/r.git", buildspec: "buildspec.yml"),
                                       artifacts: ProjectArtifacts(type: "NO_ARTIFACTS"),
                                       environment: ProjectEnvironment(type: "LINUX_CONTAINER", image: "aws/codebuild/standard:7.0", computeType: "BUILD_GENERAL1_SMALL"),
                                       serviceRole: "arn:aws:iam::123456789012:role/codebuild-service-role")
        input.vpcConfig = CodeBuildVpcConfig(vpcId: "vpc-1", subnets: ["subnet-1"], securityGroupIds: ["sg-1"])
        input.logsConfig = LogsConfig(cloudWatchLogs: CloudWatchLogsConfig(status: "ENABLED"))
        let out = try scriptedBackend(t).cloud(region: "us-east-1").createProject(input)
        let request = try #require(t.sent.first)
        #expect(request.header("X-Amz-Target") == "CodeBuild_20161006.CreateProject")
        #expect((request.json["vpcConfig"] as? [String: Any])?["securityGroupIds"] as? [String] == ["sg-1"])
        #expect(((request.json["logsConfig"] as? [String: Any])?["cloudWatchLogs"] as? [String: Any])?["status"] as? String == "ENABLED")
        #expect(out.project?.created == 1767225600.5)
    }

    /// CreatePipeline: an action's configuration is a string map; GetPipelineState's latest
    /// executions (with the CodeDeploy deployment as externalExecutionId) read back.
    @Test func pipelineDeclarationAndStateRoundTrip() throws {
        let t = ScriptedTransport([
            { _ in HTTPResponse(status: 200, headers: [:], body: Array(#"{"pipeline": {"name": "p", "roleArn": "arn:aws:iam::123456789012:role/r", "stages": [], "version": 1}}"#.utf8)) },
            { _ in HTTPResponse(status: 200, headers: [:], body: Array(#"""
            {"pipelineName": "p", "pipelineVersion": 1, "created": 1767225600, "updated": 1767225600,
             "stageStates": [{"stageName": "Deploy", "inboundTransitionState": {"enabled": true},
               "actionStates": [{"actionName": "Deploy", "latestExecution": {"actionExecutionId": "a-1", "status": "InProgress",
                 "lastStatusChange": 1767226000.75, "externalExecutionId": "d-ABCDEF123", "percentComplete": 10}}],
               "latestExecution": {"pipelineExecutionId": "e-1", "status": "InProgress"}}]}
            """#.utf8)) },
        ])
        let cloud = try scriptedBackend(t).cloud(region: "us-east-1")
        var deploy = ActionDeclaration(name: "Deploy", actionTypeId: ActionTypeId(category: "Deploy", owner: "AWS", provider: "CodeDeployToECS", version: "1"))
        deploy.configuration = ["ApplicationName": "my-ecs-deploy", "DeploymentGroupName": "my-ecs-dg"]
        deploy.inputArtifacts = [ArtifactName(name: "SourceArtifact")]
        let pipeline = PipelineDeclaration(name: "p", roleArn: "arn:aws:iam::123456789012:role/r", artifactStore: ArtifactStore(type: "S3", location: "b"),
                                           stages: [StageDeclaration(name: "Deploy", actions: [deploy])])
        _ = try cloud.createPipeline(CreatePipelineInput(pipeline: pipeline))
        let state = try cloud.getPipelineState(GetPipelineStateInput(name: "p"))
        let create = try #require(t.sent.first)
        #expect(create.header("X-Amz-Target") == "CodePipeline_20150709.CreatePipeline")
        let stages = (create.json["pipeline"] as? [String: Any])?["stages"] as? [[String: Any]]
        let action = (stages?.first?["actions"] as? [[String: Any]])?.first
        #expect((action?["configuration"] as? [String: String])?["DeploymentGroupName"] == "my-ecs-dg")
        #expect((action?["actionTypeId"] as? [String: Any])?["provider"] as? String == "CodeDeployToECS")
        let run = try #require(state.stageStates?.first?.actionStates?.first?.latestExecution)
        #expect(run.externalExecutionId == "d-ABCDEF123" && run.percentComplete == 10 && run.lastStatusChange == 1767226000.75)
        #expect(state.stageStates?.first?.latestExecution?.pipelineExecutionId == "e-1")
    }

    /// StartPipelineExecution: clientRequestToken filled, `--source-version` as sourceRevisions.
    @Test func startPipelineExecutionSendsTheRevision() throws {
        let t = ScriptedTransport(body: #"{"pipelineExecutionId": "3137f7cb-7cf7-4a0b-b6e6-4c5b7d8e9f00"}"#)
        let out = try scriptedBackend(t).cloud(region: "us-east-1").startPipelineExecution(StartPipelineExecutionInput(
            name: "p", sourceRevisions: [SourceRevisionOverride(actionName: "Source", revisionType: "COMMIT_ID", revisionValue: "3f2a9c1e")]))
        let request = try #require(t.sent.first)
        #expect(request.header("X-Amz-Target") == "CodePipeline_20150709.StartPipelineExecution")
        #expect((request.json["clientRequestToken"] as? String)?.isEmpty == false)
        #expect((request.json["sourceRevisions"] as? [[String: Any]])?.first?["revisionType"] as? String == "COMMIT_ID")
        #expect(out.pipelineExecutionId == "3137f7cb-7cf7-4a0b-b6e6-4c5b7d8e9f00")
    }

    /// GetLogEvents: CloudWatch Logs' timestamps are milliseconds (a long), not epoch seconds.
    @Test func getLogEventsReadsMilliseconds() throws {
        let t = ScriptedTransport(body: #"{"events": [{"timestamp": 1767225661234, "message": "[Container] 2026/01/01 00:01:01.234 Entering phase BUILD\n", "ingestionTime": 1767225661500}], "nextForwardToken": "f/1", "nextBackwardToken": "b/0"}"#)
        let out = try scriptedBackend(t).cloud(region: "us-east-1").getLogEvents(GetLogEventsInput(logGroupName: "/aws/codebuild/p", logStreamName: "s"))
        let request = try #require(t.sent.first)
        #expect(request.header("X-Amz-Target") == "Logs_20140328.GetLogEvents")
        #expect(request.json["startFromHead"] as? Bool == true)
        #expect(out.events?.first?.timestamp == 1767225661234 && out.nextForwardToken == "f/1")
    }

    /// ListDeployments (a pipeline's deployment taken up by `status`): statuses filter, ids back.
    @Test func listDeploymentsFiltersByStatus() throws {
        let t = ScriptedTransport(body: #"{"deployments": ["d-ABCDEF123"]}"#)
        let out = try scriptedBackend(t).cloud(region: "us-east-1").listDeployments(ListDeploymentsInput(
            applicationName: "my-ecs-deploy", deploymentGroupName: "my-ecs-dg", includeOnlyStatuses: ["InProgress", "Ready"]))
        let request = try #require(t.sent.first)
        #expect(request.header("X-Amz-Target") == "CodeDeploy_20141006.ListDeployments")
        #expect(request.json["includeOnlyStatuses"] as? [String] == ["InProgress", "Ready"])
        #expect(out.deployments == ["d-ABCDEF123"])
    }
}
