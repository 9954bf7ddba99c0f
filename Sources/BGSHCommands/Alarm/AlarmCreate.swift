import AWSModel
import BGSHCore
import BGSHDeploy

/// `alarm create NAME --tg TG …`: PutMetricAlarm on that target group's ALB metric.
struct AlarmCreate: Command {
    static let spec = CommandSpec(
        ["alarm", "create"], group: .resources,
        summary: "create a CloudWatch alarm on a target group's ALB metric (PutMetricAlarm)",
        arguments: [ArgumentSpec("NAME", .string, help: "the alarm's name")],
        options: [.option("tg", .resource(.targetGroup), valueName: "TG", required: true, help: "the target group it watches"),
                  .option("metric", .choice(["HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count", "TargetResponseTime", "UnHealthyHostCount", "RequestCount"]),
                          valueName: "METRIC", help: "default HTTPCode_Target_5XX_Count"),
                  .option("threshold", .integer(0...1_000_000), valueName: "N", required: true, help: "the alarm fires at N or more in a period"),
                  .option("period", .duration, valueName: "DURATION", help: "default 1m"),
                  .option("evaluation-periods", .integer(1...100), valueName: "N", help: "default 1"),
                  .option("lb", .resource(.loadBalancer), valueName: "LB", help: "the load balancer in front of the group (default: the one it is behind, or the service's production listener's)"),
                  CommonOptions.as],
        examples: [Example("alarm create green-5xx --tg green-tg --threshold 5", "fires when green answers 5 or more 5xx in a minute")],
        isMutating: true)

    static func run(_ invocation: Invocation) throws {
        let name = invocation.string("NAME") ?? ""
        guard let tgReference = invocation.string("tg") else { throw invocation.failure("alarm create needs --tg TG") }
        guard let threshold = invocation.integer("threshold") else { throw invocation.failure("alarm create needs --threshold N") }
        let tg = try Resolve.targetGroup(tgReference, invocation, at: "tg")
        let period = invocation.duration("period")?.seconds ?? 60
        guard [10, 20, 30].contains(period) || (period >= 60 && period % 60 == 0) else {
            throw invocation.failure("--period must be 10s, 20s, 30s or whole minutes (CloudWatch's periods)", at: "period")
        }
        // ALB publishes a target group's metrics under LoadBalancer (app/NAME/HEX) and
        // TargetGroup (targetgroup/NAME/HEX) together; an alarm on TargetGroup alone gets no data.
        let lbArn = try loadBalancer(for: tg, invocation)
        let dimensions = Dimension.alb(loadBalancerArn: lbArn, targetGroupArn: tg.TargetGroupArn ?? "")
        let metric = invocation.string("metric") ?? "HTTPCode_Target_5XX_Count"
        let input = PutMetricAlarmInput(AlarmName: name, MetricName: metric, Namespace: "AWS/ApplicationELB",
                                        Statistic: metric == "TargetResponseTime" ? "Average" : "Sum",
                                        Dimensions: dimensions, Period: period,
                                        EvaluationPeriods: invocation.integer("evaluation-periods") ?? 1, Threshold: Double(threshold),
                                        ComparisonOperator: "GreaterThanOrEqualToThreshold", TreatMissingData: "notBreaching")
        let cloud = try invocation.cloud()
        if let existing = try cloud.describeAlarms(DescribeAlarmsInput(AlarmNames: [name])).MetricAlarms.first {
            var differences: [String] = []
            if existing.Dimensions != input.Dimensions { differences.append("another target group") }
            if existing.MetricName != input.MetricName { differences.append("metric \(existing.MetricName ?? "")") }
            if existing.Threshold != input.Threshold { differences.append("threshold \(Int(existing.Threshold ?? 0))") }
            if existing.Period != input.Period || existing.EvaluationPeriods != input.EvaluationPeriods { differences.append("another period") }
            guard differences.isEmpty else {
                throw invocation.failure("alarm '\(name)' exists with \(differences.joined(separator: ", ")): delete it first or pick another name", at: "NAME")
            }
            invocation.produce(existing.AlarmArn ?? "")
            return
        }
        guard try invocation.mutate("cloudwatch:PutMetricAlarm", input, { try cloud.putMetricAlarm(input) }) != nil else {
            invocation.produce("arn:aws:cloudwatch:\(invocation.session.region):123456789012:alarm:dryrun-\(name)")
            return
        }
        invocation.produce(try cloud.describeAlarms(DescribeAlarmsInput(AlarmNames: [name])).MetricAlarms.first?.AlarmArn ?? "")
    }

    /// The load balancer whose metrics name the group: `--lb`, else the one the group is behind,
    /// else (a green not yet behind a listener) that of the production listener of the current
    /// cluster's service that uses the group; with none, refused with the reason.
    static func loadBalancer(for tg: TargetGroup, _ invocation: Invocation) throws -> String {
        if let reference = invocation.string("lb") {
            let lb = try Resolve.loadBalancer(reference, invocation, at: "lb")
            if let behind = tg.LoadBalancerArns, !behind.isEmpty, !behind.contains(lb.LoadBalancerArn ?? "") {
                throw invocation.failure("target group \(tg.TargetGroupName ?? "") is behind another load balancer, not \(lb.LoadBalancerName ?? reference)", at: "lb")
            }
            return lb.LoadBalancerArn ?? ""
        }
        if let behind = tg.LoadBalancerArns?.first { return behind }
        let cloud = try invocation.cloud()
        if let cluster = invocation.session.cluster {
            let names = try ResourceNames.all(.service, in: invocation.session)
            var start = 0
            while start < names.count {
                let services = try cloud.describeServices(DescribeServicesInput(cluster: cluster, services: Array(names[start..<min(names.count, start + 10)]))).services
                for service in services {
                    guard let tags = ServiceTags(service.tags), [tags.blueTargetGroup, tags.greenTargetGroup].contains(tg.TargetGroupArn ?? "") else { continue }
                    if let lb = try tags.productionLoadBalancer(cloud) { return lb }
                }
                start += 10
            }
        }
        throw invocation.failure("target group \(tg.TargetGroupName ?? "") is behind no load balancer yet, and no service of the current cluster uses it: "
                                 + "ALB publishes its metrics per load balancer, so name the one it will be behind with --lb LB", at: "tg")
    }
}
