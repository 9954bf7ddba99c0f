import AWSModel
import AWSWire
import Foundation
import Testing

/// Request shapes and answers of each protocol, checked on a scripted transport: the encoding
/// comes from the generated model, the answers are botocore's shapes (and moto's, where it differs).
@Suite struct WireProtocolTests {
    @Test func ecsIsJSON11WithTheTargetHeader() throws {
        let t = ScriptedTransport(body: #"{"cluster": {"clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/web", "clusterName": "web", "status": "ACTIVE"}}"#)
        let cloud = try scriptedBackend(t).cloud(region: "us-east-1")
        let out = try cloud.createCluster(CreateClusterInput(clusterName: "web"))
        let request = try #require(t.sent.first)
        #expect(request.url == "https://ecs.us-east-1.amazonaws.com/")
        #expect(request.header("X-Amz-Target") == "AmazonEC2ContainerServiceV20141113.CreateCluster")
        #expect(request.header("Content-Type") == "application/x-amz-json-1.1")
        #expect(request.json["clusterName"] as? String == "web")
        #expect(request.header("Authorization")?.contains("/us-east-1/ecs/aws4_request") == true)
        // Members AWS left out take their empty values (the Swift shape declares them).
        #expect(out.cluster.clusterName == "web" && out.cluster.runningTasksCount == 0 && out.cluster.tags.isEmpty)
    }

    @Test func elbv2IsQueryWithMemberLists() throws {
        let xml = """
        <ModifyListenerResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><ModifyListenerResult><Listeners><member>
        <ListenerArn>arn:l</ListenerArn><Port>80</Port><Protocol>HTTP</Protocol>
        <DefaultActions><member><Type>forward</Type><ForwardConfig><TargetGroups>
        <member><TargetGroupArn>arn:blue</TargetGroupArn><Weight>90</Weight></member>
        <member><TargetGroupArn>arn:green</TargetGroupArn><Weight>10</Weight></member>
        </TargetGroups></ForwardConfig></member></DefaultActions></member></Listeners></ModifyListenerResult>
        <ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></ModifyListenerResponse>
        """
        let t = ScriptedTransport(body: xml, headers: ["content-type": "text/xml"])
        let cloud = try scriptedBackend(t).cloud(region: "eu-west-1")
        let forward = ForwardActionConfig(TargetGroups: [TargetGroupTuple(TargetGroupArn: "arn:blue", Weight: 90),
                                                         TargetGroupTuple(TargetGroupArn: "arn:green", Weight: 10)])
        let out = try cloud.modifyListener(ModifyListenerInput(ListenerArn: "arn:l", DefaultActions: [Action(Type: "forward", ForwardConfig: forward)]))
        let form = try #require(t.sent.first).form
        #expect(t.sent.first?.url == "https://elasticloadbalancing.eu-west-1.amazonaws.com/")
        #expect(form["Action"] == "ModifyListener" && form["Version"] == "2015-12-01")
        #expect(form["DefaultActions.member.1.Type"] == "forward")
        #expect(form["DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.TargetGroupArn"] == "arn:green")
        #expect(form["DefaultActions.member.1.ForwardConfig.TargetGroups.member.2.Weight"] == "10")
        let weights = out.Listeners.first?.DefaultActions?.first?.ForwardConfig?.TargetGroups?.compactMap(\.Weight)
        #expect(weights == [90, 10])
        #expect(out.Listeners.first?.Port == 80)
    }

    @Test func ec2IsItsOwnQueryDialect() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DescribeSubnetsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId>
        <subnetSet><item><subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId><cidrBlock>10.0.1.0/24</cidrBlock>
        <availabilityZone>us-east-1a</availabilityZone><availableIpAddressCount>251</availableIpAddressCount>
        <mapPublicIpOnLaunch>false</mapPublicIpOnLaunch><tagSet><item><key>Name</key><value>a</value></item></tagSet></item></subnetSet>
        </DescribeSubnetsResponse>
        """
        let t = ScriptedTransport(body: xml)
        let cloud = try scriptedBackend(t).cloud(region: "us-east-1")
        let out = try cloud.describeSubnets(DescribeSubnetsRequest(SubnetIds: ["subnet-1"], Filters: [Filter(Name: "vpc-id", Values: ["vpc-1", "vpc-2"])]))
        let form = try #require(t.sent.first).form
        #expect(form["Version"] == "2016-11-15")
        #expect(form["SubnetId.1"] == "subnet-1")
        #expect(form["Filter.1.Name"] == "vpc-id" && form["Filter.1.Value.2"] == "vpc-2")
        #expect(out.Subnets.first?.SubnetId == "subnet-1" && out.Subnets.first?.AvailableIpAddressCount == 251)
        #expect(out.Subnets.first?.Tags == [EC2Tag(Key: "Name", Value: "a")])
    }

    @Test func ec2CreatesCarryTheBgshTokenTag() throws {
        let t = ScriptedTransport(body: "<CreateVpcResponse><vpc><vpcId>vpc-9</vpcId><cidrBlock>10.0.0.0/16</cidrBlock></vpc></CreateVpcResponse>")
        let out = try scriptedBackend(t).cloud(region: "us-east-1").createVpc(CreateVpcRequest(CidrBlock: "10.0.0.0/16"))
        let form = try #require(t.sent.first).form
        #expect(out.Vpc.VpcId == "vpc-9")
        #expect(form["TagSpecification.1.ResourceType"] == "vpc")
        #expect(form["TagSpecification.1.Tag.1.Key"] == "bgsh:token")
        #expect(form["TagSpecification.1.Tag.1.Value"]?.count == 36)
    }

    @Test func cloudWatchIsJSON10InQueryCompatibleMode() throws {
        let t = ScriptedTransport(body: #"{"MetricAlarms": [{"AlarmName": "a", "StateValue": "ALARM", "StateUpdatedTimestamp": 1795812833.729}], "CompositeAlarms": []}"#,
                                  headers: ["content-type": "text"])
        let out = try scriptedBackend(t).cloud(region: "us-east-1").describeAlarms(DescribeAlarmsInput(AlarmNames: ["a"]))
        let request = try #require(t.sent.first)
        #expect(request.url == "https://monitoring.us-east-1.amazonaws.com/")
        #expect(request.header("X-Amz-Target") == "GraniteServiceVersion20100801.DescribeAlarms")
        #expect(request.header("Content-Type") == "application/x-amz-json-1.0")
        #expect(request.header("x-amzn-query-mode") == "true")
        #expect(out.MetricAlarms.first?.StateValue == "ALARM")
        #expect(out.MetricAlarms.first?.StateUpdatedTimestamp == 1795812833.729)
    }

    /// Operations moto does not implement, against recorded pairs in botocore's shapes.
    @Test func codeDeployStopAndContinueFromRecordedPairs() throws {
        let t = ScriptedTransport([
            { _ in HTTPResponse(status: 200, headers: ["content-type": "application/x-amz-json-1.1"],
                                body: Array(#"{"status": "Pending", "statusMessage": "Stopping"}"#.utf8)) },
            { _ in HTTPResponse(status: 200, headers: [:], body: []) },
        ])
        let cloud = try scriptedBackend(t).cloud(region: "us-east-1")
        let stopped = try cloud.stopDeployment(StopDeploymentInput(deploymentId: "d-ABC", autoRollbackEnabled: true))
        try cloud.continueDeployment(ContinueDeploymentInput(deploymentId: "d-ABC", deploymentWaitType: "READY_WAIT"))
        #expect(stopped.status == "Pending")
        #expect(t.sent[0].header("X-Amz-Target") == "CodeDeploy_20141006.StopDeployment")
        #expect(t.sent[0].json["autoRollbackEnabled"] as? Bool == true)
        #expect(t.sent[1].header("X-Amz-Target") == "CodeDeploy_20141006.ContinueDeployment")
        #expect(t.sent[1].json["deploymentWaitType"] as? String == "READY_WAIT")
        #expect(t.sent[0].url == "https://codedeploy.us-east-1.amazonaws.com/")
    }

    @Test func codeDeployTimesAsISOTextDecodeToEpochSeconds() throws {
        // moto answers createTime as ISO-8601 text where AWS sends epoch seconds.
        let t = ScriptedTransport(body: #"{"deploymentInfo": {"deploymentId": "d-1", "status": "Created", "createTime": "2026-11-27T20:53:42.465Z"}}"#,
                                  headers: ["content-type": "text/html; charset=utf-8"])
        let out = try scriptedBackend(t).cloud(region: "us-east-1").getDeployment(GetDeploymentInput(deploymentId: "d-1"))
        #expect(out.deploymentInfo.createTime == 1_795_812_822.465)
    }

    @Test func createServiceSendsAnIdempotencyTokenAndResendsTheSameOne() throws {
        let t = ScriptedTransport([
            { _ in HTTPResponse(status: 500, headers: [:], body: Array(#"{"__type": "ServerException", "message": "boom"}"#.utf8)) },
            { _ in HTTPResponse(status: 200, headers: [:], body: Array(#"{"service": {"serviceName": "web"}}"#.utf8)) },
        ])
        var input = CreateServiceInput(cluster: "c", serviceName: "web")
        input.desiredCount = 1
        let out = try scriptedBackend(t).cloud(region: "us-east-1").createService(input)
        #expect(out.service.serviceName == "web")
        #expect(t.sent.count == 2)
        let tokens = t.sent.compactMap { $0.json["clientToken"] as? String }
        #expect(tokens.count == 2 && tokens[0] == tokens[1])
    }

    @Test func ec2RouteTablesDecodeTheirRoutesAndAssociations() throws {
        let xml = """
        <DescribeRouteTablesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><routeTableSet><item>
        <routeTableId>rtb-1</routeTableId><vpcId>vpc-1</vpcId>
        <routeSet><item><destinationCidrBlock>10.0.0.0/16</destinationCidrBlock><gatewayId>local</gatewayId><state>active</state><origin>CreateRouteTable</origin></item>
        <item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><natGatewayId>nat-1</natGatewayId><state>blackhole</state><origin>CreateRoute</origin></item></routeSet>
        <associationSet><item><routeTableAssociationId>rtbassoc-1</routeTableAssociationId><routeTableId>rtb-1</routeTableId><subnetId>subnet-1</subnetId>
        <main>false</main><associationState><state>associated</state></associationState></item></associationSet>
        <tagSet/></item></routeTableSet></DescribeRouteTablesResponse>
        """
        let t = ScriptedTransport(body: xml)
        let out = try scriptedBackend(t).cloud(region: "us-east-1").describeRouteTables(DescribeRouteTablesRequest(Filters: [Filter(Name: "vpc-id", Values: ["vpc-1"])]))
        let form = try #require(t.sent.first).form
        #expect(form["Action"] == "DescribeRouteTables" && form["Filter.1.Name"] == "vpc-id" && form["Filter.1.Value.1"] == "vpc-1")
        let table = try #require(out.RouteTables.first)
        #expect(table.Routes?.map(\.DestinationCidrBlock) == ["10.0.0.0/16", "0.0.0.0/0"])
        #expect(table.Routes?.last?.NatGatewayId == "nat-1" && table.Routes?.last?.State == "blackhole")
        #expect(table.Associations?.first?.SubnetId == "subnet-1" && table.Associations?.first?.Main == false)
        #expect(table.Associations?.first?.AssociationState?.State == "associated")
    }

    /// DescribeNatGateways' filter member is `Filter` (singular) in EC2's model; on the wire it
    /// is `Filter.N`, like every other describe's.
    @Test func ec2NatGatewaysFilterAndDecode() throws {
        let xml = """
        <DescribeNatGatewaysResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><natGatewaySet><item>
        <natGatewayId>nat-1</natGatewayId><subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId><state>failed</state>
        <failureCode>Gateway.NotAttached</failureCode><failureMessage>Network vpc-1 has no Internet gateway attached</failureMessage>
        <createTime>2026-12-01T10:00:00.000Z</createTime>
        <natGatewayAddressSet><item><allocationId>eipalloc-1</allocationId><publicIp>203.0.113.9</publicIp></item></natGatewayAddressSet>
        </item></natGatewaySet></DescribeNatGatewaysResponse>
        """
        let t = ScriptedTransport(body: xml)
        let out = try scriptedBackend(t).cloud(region: "us-east-1").describeNatGateways(DescribeNatGatewaysRequest(Filter: [Filter(Name: "vpc-id", Values: ["vpc-1"])]))
        let form = try #require(t.sent.first).form
        #expect(form["Filter.1.Name"] == "vpc-id" && form["Filter.1.Value.1"] == "vpc-1")
        let nat = try #require(out.NatGateways.first)
        #expect(nat.State == "failed" && nat.FailureCode == "Gateway.NotAttached")
        #expect(nat.NatGatewayAddresses?.first?.PublicIp == "203.0.113.9")
        #expect(nat.CreateTime == 1796119200)
    }

    /// CreateNatGateway carries ClientToken: the same one on every attempt, so a retried create
    /// makes one gateway.
    @Test func createNatGatewayResendsTheSameClientToken() throws {
        let t = ScriptedTransport([
            { _ in HTTPResponse(status: 503, headers: [:], body: Array("<Response><Errors><Error><Code>Unavailable</Code><Message>later</Message></Error></Errors></Response>".utf8)) },
            { _ in HTTPResponse(status: 200, headers: [:], body: Array("<CreateNatGatewayResponse><natGateway><natGatewayId>nat-7</natGatewayId><state>pending</state></natGateway></CreateNatGatewayResponse>".utf8)) },
        ])
        let out = try scriptedBackend(t).cloud(region: "us-east-1").createNatGateway(CreateNatGatewayRequest(SubnetId: "subnet-1", AllocationId: "eipalloc-1"))
        #expect(out.NatGateway.NatGatewayId == "nat-7")
        let tokens = t.sent.compactMap { $0.form["ClientToken"] }
        #expect(tokens.count == 2 && tokens[0] == tokens[1])
    }

    /// A CreateRoute whose answer was lost is looked for before it is made again.
    @Test func createRouteLooksBeforeRepeating() throws {
        let t = ScriptedTransport([
            { _ in throw WireTransportError(kind: .reset, message: "connection reset") },
            { request in
                #expect(request.form["Action"] == "DescribeRouteTables")
                return HTTPResponse(status: 200, headers: [:], body: Array("""
                <DescribeRouteTablesResponse><routeTableSet><item><routeTableId>rtb-1</routeTableId><routeSet>
                <item><destinationCidrBlock>0.0.0.0/0</destinationCidrBlock><gatewayId>igw-1</gatewayId><state>active</state></item>
                </routeSet></item></routeTableSet></DescribeRouteTablesResponse>
                """.utf8))
            },
        ])
        let out = try scriptedBackend(t).cloud(region: "us-east-1").createRoute(CreateRouteRequest(RouteTableId: "rtb-1", DestinationCidrBlock: "0.0.0.0/0", GatewayId: "igw-1"))
        #expect(out.Return == true)
        #expect(t.sent.filter { $0.form["Action"] == "CreateRoute" }.count == 1, "made once, found the second time")
    }

    /// UpdateDeploymentGroup (deploy --termination-wait under codedeploy): the group's blue-green
    /// settings in CodeDeploy's JSON, and an answer with nothing bgsh reads.
    @Test func updateDeploymentGroupSendsTheTerminationWait() throws {
        let t = ScriptedTransport(body: #"{"hooksNotCleanedUp": []}"#)
        var input = UpdateDeploymentGroupInput(applicationName: "my-ecs-deploy", currentDeploymentGroupName: "my-ecs-dg")
        input.blueGreenDeploymentConfiguration = BlueGreenDeploymentConfiguration(
            terminateBlueInstancesOnDeploymentSuccess: BlueInstanceTerminationOption(action: "TERMINATE", terminationWaitTimeInMinutes: 2), deploymentReadyOption: nil)
        _ = try scriptedBackend(t).cloud(region: "us-east-1").updateDeploymentGroup(input)
        let request = try #require(t.sent.first)
        #expect(request.header("X-Amz-Target") == "CodeDeploy_20141006.UpdateDeploymentGroup")
        #expect(request.json["currentDeploymentGroupName"] as? String == "my-ecs-dg")
        let blueGreen = request.json["blueGreenDeploymentConfiguration"] as? [String: Any]
        let terminate = blueGreen?["terminateBlueInstancesOnDeploymentSuccess"] as? [String: Any]
        #expect(terminate?["terminationWaitTimeInMinutes"] as? Int == 2 && terminate?["action"] as? String == "TERMINATE")
    }

    /// BatchGetDeploymentTargets (status's timers under codedeploy): the ECS target as
    /// `CLUSTER:SERVICE`, and its lifecycle events' times read as CodeDeploy's epoch seconds.
    @Test func batchGetDeploymentTargetsReadsTheLifecycleTimes() throws {
        let t = ScriptedTransport(body: #"""
        {"deploymentTargets": [{"deploymentTargetType": "ECSTarget", "ecsTarget": {"deploymentId": "d-1", "targetId": "web:web",
          "targetArn": "arn:aws:ecs:us-east-1:123456789012:service/web/web", "status": "InProgress", "lastUpdatedAt": 1767225900.5,
          "lifecycleEvents": [{"lifecycleEventName": "AllowTraffic", "startTime": 1767225600.25, "status": "InProgress"},
                              {"lifecycleEventName": "AfterAllowTraffic", "status": "Pending"}]}}]}
        """#)
        let out = try scriptedBackend(t).cloud(region: "us-east-1")
            .batchGetDeploymentTargets(BatchGetDeploymentTargetsInput(deploymentId: "d-1", targetIds: ["web:web"]))
        let request = try #require(t.sent.first)
        #expect(request.header("X-Amz-Target") == "CodeDeploy_20141006.BatchGetDeploymentTargets")
        #expect(request.json["targetIds"] as? [String] == ["web:web"])
        let target = try #require(out.deploymentTargets?.first?.ecsTarget)
        #expect(target.lifecycleEvents?.first?.startTime == 1767225600.25)
        #expect(target.lifecycleEvents?.last?.status == "Pending" && target.lifecycleEvents?.last?.endTime == nil)
    }

    /// GetMetricData (canary analysis): CloudWatch's JSON 1.0, the window as epoch seconds, and the
    /// results' Timestamps and Values read back.
    @Test func getMetricDataSendsTheWindowAndReadsTheSeries() throws {
        let t = ScriptedTransport(body: #"{"MetricDataResults": [{"Id": "greenp99", "Label": "TargetResponseTime", "StatusCode": "Complete", "Timestamps": [1767225660.0, 1767225600.0], "Values": [0.31, 0.29]}], "Messages": []}"#)
        let metric = CloudWatchMetric(Namespace: "AWS/ApplicationELB", MetricName: "TargetResponseTime",
                                      Dimensions: [Dimension(Name: "LoadBalancer", Value: "app/web-alb/1"), Dimension(Name: "TargetGroup", Value: "targetgroup/web-green/2")])
        let out = try scriptedBackend(t).cloud(region: "us-east-1").getMetricData(GetMetricDataInput(
            MetricDataQueries: [MetricDataQuery(Id: "greenp99", MetricStat: MetricStat(Metric: metric, Period: 60, Stat: "p99"))], StartTime: 1767225600, EndTime: 1767225720))
        let request = try #require(t.sent.first)
        #expect(request.header("X-Amz-Target") == "GraniteServiceVersion20100801.GetMetricData")
        #expect(request.json["StartTime"] as? Double == 1767225600 || request.json["StartTime"] as? Int == 1767225600)
        let queries = request.json["MetricDataQueries"] as? [[String: Any]]
        #expect((queries?.first?["MetricStat"] as? [String: Any])?["Stat"] as? String == "p99")
        let result = try #require(out.MetricDataResults?.first)
        #expect(result.Timestamps == [1767225660, 1767225600] && result.Values == [0.31, 0.29])
    }
}
