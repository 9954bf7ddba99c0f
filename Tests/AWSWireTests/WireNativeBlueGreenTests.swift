import AWSModel
import AWSWire
import Foundation
import Testing

/// ECS's native blue/green on the wire, from request/response pairs in botocore's shapes (moto
/// 5.2.1 has none of the service-deployment operations), and ELBv2's DescribeRules (query XML).
@Suite struct WireNativeBlueGreenTests {
    static let deployment = "arn:aws:ecs:us-east-1:123456789012:service-deployment/web/web/k4Yt3nXFyS5b6l9k0Zx1R"

    /// ListServiceDeployments: the service and statuses sent, the briefs read back with epoch times.
    @Test func listServiceDeployments() throws {
        let t = ScriptedTransport(body: #"""
        {"serviceDeployments": [{"serviceDeploymentArn": "\#(Self.deployment)", "serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/web/web",
          "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/web", "startedAt": 1767225660.123, "createdAt": 1767225600.5,
          "targetServiceRevisionArn": "arn:aws:ecs:us-east-1:123456789012:service-revision/web/web/7c1a9f2e3b", "status": "IN_PROGRESS"}]}
        """#)
        let out = try scriptedBackend(t).cloud(region: "us-east-1").listServiceDeployments(
            ListServiceDeploymentsInput(service: "web", cluster: "web", status: ["IN_PROGRESS", "PENDING"]))
        let request = try #require(t.sent.first)
        #expect(request.header("X-Amz-Target") == "AmazonEC2ContainerServiceV20141113.ListServiceDeployments")
        #expect(request.json["status"] as? [String] == ["IN_PROGRESS", "PENDING"] && request.json["service"] as? String == "web")
        let brief = try #require(out.serviceDeployments?.first)
        #expect(brief.status == "IN_PROGRESS" && brief.createdAt == 1767225600.5 && brief.finishedAt == nil)
    }

    /// DescribeServiceDeployments: the lifecycle stage, a PAUSE hook awaiting action with its
    /// expiry, both revisions' requested weights and counts, the circuit breaker and alarms.
    @Test func describeServiceDeploymentsReadsStageHooksAndWeights() throws {
        let t = ScriptedTransport(body: #"""
        {"serviceDeployments": [{"serviceDeploymentArn": "\#(Self.deployment)", "status": "IN_PROGRESS", "lifecycleStage": "POST_TEST_TRAFFIC_SHIFT",
          "createdAt": 1767225600, "updatedAt": 1767225900.25,
          "sourceServiceRevisions": [{"arn": "arn:aws:ecs:us-east-1:123456789012:service-revision/web/web/1", "requestedTaskCount": 2, "runningTaskCount": 2,
            "pendingTaskCount": 0, "requestedTestTrafficWeight": 0.0, "requestedProductionTrafficWeight": 100.0}],
          "targetServiceRevision": {"arn": "arn:aws:ecs:us-east-1:123456789012:service-revision/web/web/2", "requestedTaskCount": 2, "runningTaskCount": 2,
            "pendingTaskCount": 0, "requestedTestTrafficWeight": 100.0, "requestedProductionTrafficWeight": 0.0},
          "lifecycleHookDetails": [{"hookId": "ecs-pause-0a1b2c", "targetType": "PAUSE", "status": "AWAITING_ACTION", "expiresAt": 1767312300, "timeoutAction": "ROLLBACK"}],
          "deploymentCircuitBreaker": {"status": "MONITORING", "failureCount": 0, "threshold": 3},
          "alarms": {"status": "MONITORING", "alarmNames": ["web-5xx"], "triggeredAlarmNames": []}}],
         "failures": [{"arn": "arn:aws:ecs:us-east-1:123456789012:service-deployment/web/web/missing", "reason": "MISSING"}]}
        """#)
        let out = try scriptedBackend(t).cloud(region: "us-east-1").describeServiceDeployments(
            DescribeServiceDeploymentsInput(serviceDeploymentArns: [Self.deployment, "arn:aws:ecs:us-east-1:123456789012:service-deployment/web/web/missing"]))
        let request = try #require(t.sent.first)
        #expect(request.header("X-Amz-Target") == "AmazonEC2ContainerServiceV20141113.DescribeServiceDeployments")
        #expect((request.json["serviceDeploymentArns"] as? [String])?.count == 2)
        let d = try #require(out.serviceDeployments?.first)
        #expect(d.lifecycleStage == "POST_TEST_TRAFFIC_SHIFT" && d.updatedAt == 1767225900.25)
        #expect(d.targetServiceRevision?.requestedTestTrafficWeight == 100 && d.sourceServiceRevisions?.first?.requestedProductionTrafficWeight == 100)
        #expect(d.lifecycleHookDetails?.first?.hookId == "ecs-pause-0a1b2c" && d.lifecycleHookDetails?.first?.expiresAt == 1767312300)
        #expect(d.deploymentCircuitBreaker?.threshold == 3 && d.alarms?.alarmNames == ["web-5xx"])
        #expect(out.failures?.first?.reason == "MISSING")
    }

    /// StopServiceDeployment(ROLLBACK) and ContinueServiceDeployment(hookId, action).
    @Test func stopAndContinueSendTheirChoices() throws {
        let t = ScriptedTransport(body: #"{"serviceDeploymentArn": "\#(Self.deployment)"}"#)
        let cloud = try scriptedBackend(t).cloud(region: "us-east-1")
        let stopped = try cloud.stopServiceDeployment(StopServiceDeploymentInput(serviceDeploymentArn: Self.deployment, stopType: "ROLLBACK"))
        let continued = try cloud.continueServiceDeployment(ContinueServiceDeploymentInput(serviceDeploymentArn: Self.deployment, hookId: "ecs-pause-0a1b2c", action: "CONTINUE"))
        #expect(t.sent.map { $0.header("X-Amz-Target") ?? "" } == ["AmazonEC2ContainerServiceV20141113.StopServiceDeployment",
                                                                    "AmazonEC2ContainerServiceV20141113.ContinueServiceDeployment"])
        #expect(t.sent[0].json["stopType"] as? String == "ROLLBACK")
        #expect(t.sent[1].json["hookId"] as? String == "ecs-pause-0a1b2c" && t.sent[1].json["action"] as? String == "CONTINUE")
        #expect(stopped.serviceDeploymentArn == Self.deployment && continued.serviceDeploymentArn == Self.deployment)
    }

    /// A ServiceDeploymentNotFoundException comes back as AWS's code.
    @Test func aMissingDeploymentIsAWSsError() throws {
        let t = ScriptedTransport(status: 400, body: #"{"__type": "ServiceDeploymentNotFoundException", "message": "The service deployment does not exist"}"#)
        #expect(throws: AWSError.self) {
            _ = try scriptedBackend(t).cloud(region: "us-east-1").stopServiceDeployment(StopServiceDeploymentInput(serviceDeploymentArn: Self.deployment, stopType: "ROLLBACK"))
        }
        do {
            _ = try scriptedBackend(t).cloud(region: "us-east-1").stopServiceDeployment(StopServiceDeploymentInput(serviceDeploymentArn: Self.deployment, stopType: "ROLLBACK"))
        } catch let error as AWSError {
            #expect(error.code == "ServiceDeploymentNotFoundException")
        }
    }

    /// DescribeServiceRevisions: which group a revision's production rule holds.
    @Test func describeServiceRevisionsReadsTheResolvedLoadBalancers() throws {
        let t = ScriptedTransport(body: #"""
        {"serviceRevisions": [{"serviceRevisionArn": "arn:aws:ecs:us-east-1:123456789012:service-revision/web/web/2", "taskDefinition": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2",
          "resolvedConfiguration": {"loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/6134c324c2289d00",
            "productionListenerRule": "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web-alb/9c75/b5d5/738c"}]}}], "failures": []}
        """#)
        let out = try scriptedBackend(t).cloud(region: "us-east-1").describeServiceRevisions(DescribeServiceRevisionsInput(serviceRevisionArns: ["arn:aws:ecs:us-east-1:123456789012:service-revision/web/web/2"]))
        #expect(t.sent.first?.header("X-Amz-Target") == "AmazonEC2ContainerServiceV20141113.DescribeServiceRevisions")
        #expect(out.serviceRevisions?.first?.resolvedConfiguration?.loadBalancers?.first?.targetGroupArn?.hasSuffix("web-green/6134c324c2289d00") == true)
    }

    /// CreateService with advancedConfiguration and a BLUE_GREEN deploymentConfiguration.
    @Test func createServiceSendsTheAdvancedConfiguration() throws {
        let t = ScriptedTransport(body: #"{"service": {"serviceName": "web", "status": "ACTIVE", "deploymentController": {"type": "ECS"}, "deploymentConfiguration": {"strategy": "BLUE_GREEN", "bakeTimeInMinutes": 0}}}"#)
        var input = CreateServiceInput(cluster: "web", serviceName: "web")
        input.loadBalancers = [ServiceLoadBalancer(targetGroupArn: "tg-blue", containerName: "web", containerPort: 80, advancedConfiguration:
            AdvancedConfiguration(alternateTargetGroupArn: "tg-green", productionListenerRule: "rule-prod", testListenerRule: nil, roleArn: "arn:aws:iam::123456789012:role/r"))]
        input.deploymentController = DeploymentController(type: "ECS")
        var configuration = ServiceDeploymentConfiguration(strategy: "CANARY")
        configuration.canaryConfiguration = CanaryConfiguration(canaryPercent: 10, canaryBakeTimeInMinutes: 5)
        configuration.lifecycleHooks = [DeploymentLifecycleHook(targetType: "PAUSE", lifecycleStages: ["POST_TEST_TRAFFIC_SHIFT"],
                                                                timeoutConfiguration: HookTimeoutConfiguration(timeoutInMinutes: 1440, action: "ROLLBACK"))]
        input.deploymentConfiguration = configuration
        let out = try scriptedBackend(t).cloud(region: "us-east-1").createService(input)
        let sent = try #require(t.sent.first).json
        let advanced = ((sent["loadBalancers"] as? [[String: Any]])?.first?["advancedConfiguration"] as? [String: Any]) ?? [:]
        #expect(advanced["alternateTargetGroupArn"] as? String == "tg-green" && advanced["productionListenerRule"] as? String == "rule-prod")
        let config = sent["deploymentConfiguration"] as? [String: Any]
        #expect((config?["canaryConfiguration"] as? [String: Any])?["canaryPercent"] as? Double == 10)
        #expect(((config?["lifecycleHooks"] as? [[String: Any]])?.first?["timeoutConfiguration"] as? [String: Any])?["action"] as? String == "ROLLBACK")
        #expect(out.service.deploymentConfiguration?.strategy == "BLUE_GREEN")
    }

    /// DescribeRules (ELBv2's query protocol): the default rule's ARN and its weighted forward.
    @Test func describeRulesFindsTheDefaultRule() throws {
        let t = ScriptedTransport(body: #"""
        <DescribeRulesResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><DescribeRulesResult><Rules><member>
          <RuleArn>arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web-alb/9c75/b5d5/738c</RuleArn><Priority>default</Priority><IsDefault>true</IsDefault>
          <Conditions/><Actions><member><Type>forward</Type><ForwardConfig><TargetGroups>
            <member><TargetGroupArn>tg-blue</TargetGroupArn><Weight>100</Weight></member><member><TargetGroupArn>tg-green</TargetGroupArn><Weight>0</Weight></member>
          </TargetGroups></ForwardConfig></member></Actions></member></Rules></DescribeRulesResult>
          <ResponseMetadata><RequestId>5c2d0a1e-1f3b-4c5d-8e9f-0a1b2c3d4e5f</RequestId></ResponseMetadata></DescribeRulesResponse>
        """#)
        let out = try scriptedBackend(t).cloud(region: "us-east-1").describeRules(DescribeRulesInput(ListenerArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web-alb/9c75/b5d5"))
        let body = String(decoding: try #require(t.sent.first).body, as: UTF8.self)
        #expect(body.contains("Action=DescribeRules") && body.contains("ListenerArn="))
        let rule = try #require(out.Rules?.first)
        #expect(rule.IsDefault == true && rule.Priority == "default")
        #expect(rule.Actions?.first?.ForwardConfig?.TargetGroups?.map(\.Weight) == [100, 0])
    }
}
