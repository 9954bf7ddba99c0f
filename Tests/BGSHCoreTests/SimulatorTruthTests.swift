import AWSModel
import BGSHSim
import Testing
@testable import BGSHCore
@testable import BGSHCommands

/// Rules AWS enforces, which the simulator must enforce first (issue 8): each test here fails
/// on a simulator that accepts what AWS refuses.
@Suite struct SimulatorTruthTests {
    /// ALB publishes per-target-group metrics under LoadBalancer and TargetGroup together: an
    /// alarm on TargetGroup alone never gets data (INSUFFICIENT_DATA) while bgsh's fires.
    @Test func anAlarmWithOnlyATargetGroupDimensionGetsNoData() throws {
        let shell = try Harness()
        #expect(shell.run(DeploymentPropertyTests.setup, name: "setup.bgsh") == 0)
        let cloud = try shell.session.cloud()
        let blue = try #require(try cloud.describeTargetGroups(DescribeTargetGroupsInput(Names: ["web-blue"])).TargetGroups.first?.TargetGroupArn)
        let tail = String(blue.split(separator: ":").last ?? "")
        try cloud.putMetricAlarm(PutMetricAlarmInput(AlarmName: "tg-only", MetricName: "RequestCount", Namespace: "AWS/ApplicationELB", Statistic: "Sum",
                                                     Dimensions: [Dimension(Name: "TargetGroup", Value: tail)], Period: 60, EvaluationPeriods: 1,
                                                     Threshold: 1, ComparisonOperator: "GreaterThanOrEqualToThreshold", TreatMissingData: nil))
        #expect(shell.run("alarm create both --tg web-blue --metric RequestCount --threshold 1\nsim traffic 100") == 0)
        let alarms = try cloud.describeAlarms(DescribeAlarmsInput(AlarmNames: ["tg-only", "both"])).MetricAlarms
        #expect(alarms.first { $0.AlarmName == "tg-only" }?.StateValue == "INSUFFICIENT_DATA")
        #expect(alarms.first { $0.AlarmName == "both" }?.StateValue == "ALARM")
        let both = try #require(alarms.first { $0.AlarmName == "both" })
        #expect(both.Dimensions?.map(\.Name) == ["LoadBalancer", "TargetGroup"])
        #expect(both.Dimensions?.first?.Value.hasPrefix("app/web-alb/") == true)
    }

    /// A new load balancer is `provisioning` for a couple of minutes (listeners can be made
    /// meanwhile); its groups' health checks start once it is active, so no target is healthy before.
    @Test func aNewLoadBalancerProvisionsBeforeItsTargetsAreChecked() throws {
        let shell = try Harness()
        let setup = DeploymentPropertyTests.setup.replacingOccurrences(of: "sleep 5m", with: "")
        #expect(shell.run(setup, name: "setup.bgsh") == 0)
        let cloud = try shell.session.cloud()
        func state() throws -> String? { try cloud.describeLoadBalancers(DescribeLoadBalancersInput(Names: ["web-alb"])).LoadBalancers.first?.State?.Code }
        func health() throws -> [String] {
            let tg = try #require(try cloud.describeTargetGroups(DescribeTargetGroupsInput(Names: ["web-blue"])).TargetGroups.first?.TargetGroupArn)
            return try cloud.describeTargetHealth(DescribeTargetHealthInput(TargetGroupArn: tg)).TargetHealthDescriptions.map(\.TargetHealth.State)
        }
        #expect(try state() == "provisioning")
        // The group's default checks: 5 healthy answers 30 s apart, counted from the load balancer's active.
        #expect(shell.run("sleep 119s") == 0)
        #expect(try state() == "provisioning")
        #expect(try health() == ["initial", "initial"])
        #expect(shell.run("sleep 1s") == 0)
        #expect(try state() == "active")
        #expect(shell.run("sleep 149s") == 0)
        #expect(try health() == ["initial", "initial"])
        #expect(shell.run("sleep 1s") == 0)
        #expect(try health() == ["healthy", "healthy"])
    }

    /// CodeDeploy's ECS lifecycle as BatchGetDeploymentTargets reports it: AllowTraffic from
    /// the first shift, AfterAllowTraffic once all traffic moved; `status` reads its timers there.
    @Test func aCodeDeployCanaryReportsItsLifecycleAndStatusItsTimers() throws {
        let shell = try Harness()
        try shell.runSeed()
        #expect(shell.run("sim push ecs-demo-app:v2\ndeploy --image ecs-demo-app:v2 --strategy canary:10%:5m\nwait healthy\nsim advance 1m") == 0)
        let cloud = try shell.session.cloud()
        let id = try #require(shell.session.lastResult)
        func events() throws -> [String: LifecycleEvent] {
            let target = try cloud.batchGetDeploymentTargets(BatchGetDeploymentTargetsInput(deploymentId: id, targetIds: ["ECS-BlueGreenCluster:myBGService"]))
                .deploymentTargets?.first?.ecsTarget
            return Dictionary(uniqueKeysWithValues: (target?.lifecycleEvents ?? []).map { ($0.lifecycleEventName ?? "", $0) })
        }
        var now = try events()
        #expect(now["Install"]?.status == "Succeeded" && now["AllowTraffic"]?.status == "InProgress" && now["AfterAllowTraffic"]?.status == "Pending")
        let before = shell.out.stdout.count
        #expect(shell.run("status") == 0)
        let first = String(shell.out.stdout.dropFirst(before))
        #expect(first.contains("step 1/2") && first.contains("next step: green to 100% in 4m00s (CodeDeploy moves it)"), "\(first)")
        #expect(shell.run("sim advance 4m") == 0)
        now = try events()
        #expect(now["AllowTraffic"]?.status == "Succeeded" && now["AfterAllowTraffic"]?.endTime != nil)
        let middle = shell.out.stdout.count
        #expect(shell.run("status") == 0)
        #expect(shell.out.stdout.dropFirst(middle).contains("blue is removed in 5m00s"))
        #expect { try cloud.batchGetDeploymentTargets(BatchGetDeploymentTargetsInput(deploymentId: id, targetIds: ["other:svc"])) }
            throws: { ($0 as? AWSError)?.code == "DeploymentTargetDoesNotExistException" }
        #expect { try cloud.batchGetDeploymentTargets(BatchGetDeploymentTargetsInput(deploymentId: id, targetIds: [])) }
            throws: { ($0 as? AWSError)?.code == "DeploymentTargetIdRequiredException" }
    }

    /// EC2's tag limits (values of at most 256 characters) in the simulator, and `vpc create`
    /// checking ahead that its three Name tags fit: a name too long is refused, nothing made.
    @Test func ec2RefusesATagValueOverItsLimit() throws {
        let shell = try Harness()
        let cloud = try shell.session.cloud()
        let tooLong = [TagSpecification(ResourceType: "vpc", Tags: [EC2Tag(Key: "Name", Value: String(repeating: "n", count: 257))])]
        #expect { try cloud.createVpc(CreateVpcRequest(CidrBlock: "10.8.0.0/16", TagSpecifications: tooLong)) }
            throws: { ($0 as? AWSError)?.code == "InvalidParameterValue" }
        let many = [TagSpecification(ResourceType: "vpc", Tags: (0...50).map { EC2Tag(Key: "k\($0)", Value: "v") })]
        #expect { try cloud.createVpc(CreateVpcRequest(CidrBlock: "10.8.0.0/16", TagSpecifications: many)) }
            throws: { ($0 as? AWSError)?.code == "TagLimitExceeded" }
        let name = String(repeating: "n", count: 250)
        #expect(shell.run("vpc create 10.7.0.0/16 --name \(name)") == 1)
        #expect(shell.out.stderr.contains("at most 249"))
        #expect(try cloud.describeVpcs(DescribeVpcsRequest()).Vpcs.isEmpty)
        #expect(shell.run("vpc create 10.7.0.0/16 --name \(name.dropLast())") == 0)
    }

    /// The ALB metrics as GetMetricData reads them: per target group (LoadBalancer + TargetGroup),
    /// TargetResponseTime's percentiles around the baseline (median 40 ms, p99 120 ms), a green
    /// made slower by `sim fail --next green --latency`, HealthyHostCount from the targets.
    @Test func getMetricDataReadsTheALBMetricsAsPublished() throws {
        let shell = try Harness()
        #expect(shell.run(DeploymentPropertyTests.setup + """

            sim fail --next green --latency 250ms
            deploy --image nginx:1.29 --strategy canary:50%:5m
            wait healthy
            sim advance 1m
            sim traffic 4000
            """, name: "s.bgsh") == 0)
        #expect(shell.out.stderr.contains("armed: green of the next deployment of web will answer 250ms slower"))
        let cloud = try shell.session.cloud()
        let lb = try #require(try cloud.describeLoadBalancers(DescribeLoadBalancersInput(Names: ["web-alb"])).LoadBalancers.first?.LoadBalancerArn)
        func dims(_ tg: String) throws -> [Dimension] {
            let arn = try #require(try cloud.describeTargetGroups(DescribeTargetGroupsInput(Names: [tg])).TargetGroups.first?.TargetGroupArn)
            return [Dimension(Name: "LoadBalancer", Value: String(lb.split(separator: "/", maxSplits: 1).last ?? "")),
                    Dimension(Name: "TargetGroup", Value: String(arn.split(separator: ":").last ?? ""))]
        }
        func query(_ id: String, _ tg: String, _ metric: String, _ stat: String) throws -> MetricDataQuery {
            MetricDataQuery(Id: id, MetricStat: MetricStat(Metric: CloudWatchMetric(Namespace: "AWS/ApplicationELB", MetricName: metric, Dimensions: try dims(tg)), Period: 60, Stat: stat))
        }
        let now = try shell.backend.now()
        let out = try cloud.getMetricData(GetMetricDataInput(MetricDataQueries: [
            try query("bluep99", "web-blue", "TargetResponseTime", "p99"), try query("greenp99", "web-green", "TargetResponseTime", "p99"),
            try query("bluep50", "web-blue", "TargetResponseTime", "p50"), try query("requests", "web-green", "RequestCount", "Sum"),
            try query("hosts", "web-green", "HealthyHostCount", "Minimum"),
        ], StartTime: now - 600, EndTime: now + 60))
        let values = Dictionary(uniqueKeysWithValues: (out.MetricDataResults ?? []).map { ($0.Id ?? "", $0.Values ?? []) })
        let blue99 = try #require(values["bluep99"]?.first), green99 = try #require(values["greenp99"]?.first), blue50 = try #require(values["bluep50"]?.first)
        #expect(abs(blue99 - 0.120) < 0.015, "blue's p99 \(blue99)")
        #expect(abs(blue50 - 0.040) < 0.005, "blue's median \(blue50)")
        #expect(abs(green99 - 0.370) < 0.04, "green's p99 \(green99): 250 ms slower")
        #expect((values["requests"]?.first ?? 0) > 1500)
        #expect(values["hosts"]?.contains(2) == true)
        #expect { try cloud.getMetricData(GetMetricDataInput(MetricDataQueries: [MetricDataQuery(Id: "x", MetricStat: MetricStat(Metric: CloudWatchMetric(Namespace: "AWS/ApplicationELB", MetricName: "RequestCount", Dimensions: []), Period: 45, Stat: "Sum"))], StartTime: now - 60, EndTime: now)) }
            throws: { ($0 as? AWSError)?.code == "InvalidParameterValue" }
    }

    /// `sim load N/s`: while the clock runs, each minute's requests land in that minute's datapoint.
    @Test func simLoadFeedsEachMinute() throws {
        let shell = try Harness()
        #expect(shell.run(DeploymentPropertyTests.setup + "\nsim load 10/s\nsim advance 3m\nsim load off\nsim advance 2m", name: "s.bgsh") == 0)
        let cloud = try shell.session.cloud()
        let lb = try #require(try cloud.describeLoadBalancers(DescribeLoadBalancersInput(Names: ["web-alb"])).LoadBalancers.first?.LoadBalancerArn)
        let tg = try #require(try cloud.describeTargetGroups(DescribeTargetGroupsInput(Names: ["web-blue"])).TargetGroups.first?.TargetGroupArn)
        let now = try shell.backend.now()
        let out = try cloud.getMetricData(GetMetricDataInput(MetricDataQueries: [
            MetricDataQuery(Id: "req", MetricStat: MetricStat(Metric: CloudWatchMetric(Namespace: "AWS/ApplicationELB", MetricName: "RequestCount",
                                                                                      Dimensions: Dimension.alb(loadBalancerArn: lb, targetGroupArn: tg)), Period: 60, Stat: "Sum"))],
            StartTime: now - 3600, EndTime: now, ScanBy: "TimestampAscending"))
        #expect(out.MetricDataResults?.first?.Values == [600, 600, 600], "\(String(describing: out.MetricDataResults))")
    }

    /// CloudWatch's periods: 10, 20, 30 or a multiple of 60 seconds.
    @Test(arguments: [45, 90, 5]) func otherPeriodsAreRefused(_ period: Int) throws {
        let shell = try Harness()
        let cloud = try shell.session.cloud()
        #expect { try cloud.putMetricAlarm(PutMetricAlarmInput(AlarmName: "x", MetricName: "RequestCount", Namespace: "AWS/ApplicationELB", Statistic: "Sum",
                                                              Dimensions: [], Period: period, EvaluationPeriods: 1, Threshold: 1,
                                                              ComparisonOperator: "GreaterThanOrEqualToThreshold", TreatMissingData: nil)) }
            throws: { ($0 as? AWSError)?.code == "InvalidParameterValue" }
    }

    /// A green target group behind no listener yet takes the production listener's load
    /// balancer; with no service using it, it is refused with the reason.
    @Test func aGroupBehindNoListenerTakesTheServicesLoadBalancer() throws {
        let shell = try Harness()
        #expect(shell.run(DeploymentPropertyTests.setup, name: "setup.bgsh") == 0)
        #expect(shell.run("tg create lonely --vpc web-vpc\nalarm create lonely-5xx --tg lonely --threshold 5") == 1)
        #expect(shell.out.stderr.contains("name the one it will be behind with --lb LB"))
        #expect(shell.run("alarm create lonely-5xx --tg lonely --threshold 5 --lb web-alb") == 0)
    }

    /// Documents as AWS returns them: no invented members, and the members AWS always returns.
    @Test func documentsHaveAWSsMembersAndNoOthers() throws {
        let shell = try Harness()
        #expect(shell.run(DeploymentPropertyTests.setup + "\nalarm create a --tg web-blue --threshold 5", name: "setup.bgsh") == 0)
        let cloud = try shell.session.cloud()
        let vpc = try JSONValue.from(try #require(try cloud.describeVpcs(DescribeVpcsRequest()).Vpcs.first))
        #expect(vpc.field("EnableDnsSupport") == nil && vpc.field("EnableDnsHostnames") == nil, "DescribeVpcAttribute's, not DescribeVpcs'")
        #expect(vpc.field("CidrBlockAssociationSet") != nil)
        let groups = try cloud.describeSecurityGroups(DescribeSecurityGroupsRequest()).SecurityGroups
        #expect(!groups.isEmpty && groups.allSatisfy { $0.SecurityGroupArn?.hasPrefix("arn:aws:ec2:us-east-1:123456789012:security-group/sg-") == true })
        let arns = try cloud.listAllTasks(cluster: "web", serviceName: "web")
        let tasks = try cloud.describeTasks(DescribeTasksInput(cluster: "web", tasks: arns)).tasks
        #expect(!tasks.isEmpty && tasks.allSatisfy { $0.containers?.first?.name == "web" && $0.containers?.first?.lastStatus == "RUNNING" })
        let alarm = try #require(try cloud.describeAlarms(DescribeAlarmsInput(AlarmNames: ["a"])).MetricAlarms.first)
        #expect(alarm.AlarmActions == [] && alarm.OKActions == [] && alarm.InsufficientDataActions == [])
        #expect(shell.run("output json\nservice events") == 0)
        #expect(shell.out.stdout.contains("\"services\": ["), "service events --output json is DescribeServices' document")
    }

    /// HTTPS listeners take ACM's or IAM's certificate ARNs; anything else is CertificateNotFound.
    @Test(arguments: [("arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666", 0),
                      ("arn:aws:iam::123456789012:server-certificate/web", 0),
                      ("arn:aws:s3:::not-a-certificate", 1), ("web-cert", 1)])
    func httpsListenersNeedACertificateOfAWSsShape(_ certificate: String, _ status: Int32) throws {
        let shell = try Harness()
        #expect(shell.run(DeploymentPropertyTests.setup, name: "setup.bgsh") == 0)
        #expect(shell.run("listener create --lb web-alb --port 443 --protocol HTTPS --certificate \(certificate) --forward web-blue") == status)
        if status != 0 { #expect(shell.out.stderr.contains("CertificateNotFound")) }
    }

    /// EC2's network rules: a NAT gateway in a VPC without an internet gateway fails with
    /// Gateway.NotAttached; a gateway with public addresses behind it cannot be detached; a VPC
    /// with its gateway attached cannot be deleted; an internet-facing load balancer needs one.
    @Test func networkRulesAsEC2HasThem() throws {
        let shell = try Harness()
        #expect(shell.run("vpc create 10.40.0.0/16 --name closed --no-internet-gateway\nsubnet create 10.40.1.0/24 --vpc closed --az us-east-1a --private --as A\n"
                          + "subnet create 10.40.2.0/24 --vpc closed --az us-east-1b --private --as B") == 0)
        let cloud = try shell.session.cloud()
        let a = try #require(shell.session.variables["A"])
        let b = try #require(shell.session.variables["B"])
        let address = try cloud.allocateAddress(AllocateAddressRequest())
        let nat = try cloud.createNatGateway(CreateNatGatewayRequest(SubnetId: a, AllocationId: address.AllocationId)).NatGateway
        #expect(nat.State == "failed" && nat.FailureCode == "Gateway.NotAttached")
        #expect { try cloud.createLoadBalancer(CreateLoadBalancerInput(Name: "x", Subnets: [a, b], SecurityGroups: nil)) }
            throws: { ($0 as? AWSError)?.code == "InvalidSubnet" }

        #expect(shell.run("vpc create 10.50.0.0/16 --name open\nsubnet create 10.50.1.0/24 --vpc open --az us-east-1a --as P\nnat create --subnet $P --as NAT") == 0)
        let vpc = try #require(try cloud.describeVpcs(DescribeVpcsRequest(Filters: [Filter(Name: "tag:Name", Values: ["open"])])).Vpcs.first?.VpcId)
        let gateway = try #require(try Network.internetGateway(vpc, cloud)?.InternetGatewayId)
        #expect { try cloud.detachInternetGateway(InternetGatewayVpcRequest(InternetGatewayId: gateway, VpcId: vpc)) }
            throws: { ($0 as? AWSError)?.code == "DependencyViolation" }
        #expect { try cloud.deleteVpc(DeleteVpcRequest(VpcId: vpc)) } throws: { ($0 as? AWSError)?.code == "DependencyViolation" }
        #expect { try cloud.deleteInternetGateway(DeleteInternetGatewayRequest(InternetGatewayId: gateway)) }
            throws: { ($0 as? AWSError)?.code == "DependencyViolation" }
        // A route to the NAT gateway turns blackhole once it is gone.
        #expect(shell.run("subnet create 10.50.2.0/24 --vpc open --az us-east-1a --private --nat $NAT --as Q\nnat delete $NAT --yes") == 0)
        let q = try #require(shell.session.variables["Q"])
        let tables = try Network.routeTables(vpc, cloud)
        #expect(tables.governing(q)?.defaultRoute?.State == "blackhole")
    }
}
