/// Amazon CloudWatch, the alarm operations bgsh uses and the metric reads of canary analysis.
public protocol CloudWatchAPI {
    func putMetricAlarm(_ input: PutMetricAlarmInput) throws
    func describeAlarms(_ input: DescribeAlarmsInput) throws -> DescribeAlarmsOutput
    func deleteAlarms(_ input: DeleteAlarmsInput) throws
    /// GetMetricData: several metrics' datapoints over a window, one call.
    func getMetricData(_ input: GetMetricDataInput) throws -> GetMetricDataOutput
}

/// A metric by namespace, name and dimensions (botocore's `Metric`).
public struct CloudWatchMetric: Codable, Hashable, Sendable {
    public var Namespace: String
    public var MetricName: String
    public var Dimensions: [Dimension]
    public init(Namespace: String, MetricName: String, Dimensions: [Dimension]) {
        self.Namespace = Namespace
        self.MetricName = MetricName
        self.Dimensions = Dimensions
    }
}

public struct MetricStat: Codable, Hashable, Sendable {
    public var Metric: CloudWatchMetric
    /// Seconds: 1, 5, 10, 20, 30 or a multiple of 60.
    public var Period: Int
    /// Sum, Average, SampleCount, Minimum, Maximum, or a percentile like p99.
    public var Stat: String
    public init(Metric: CloudWatchMetric, Period: Int, Stat: String) {
        self.Metric = Metric
        self.Period = Period
        self.Stat = Stat
    }
}

public struct MetricDataQuery: Codable, Hashable, Sendable {
    /// Lower-case letters, digits and _, starting with a lower-case letter.
    public var Id: String
    public var MetricStat: MetricStat?
    public var ReturnData: Bool?
    public init(Id: String, MetricStat: MetricStat?) {
        self.Id = Id
        self.MetricStat = MetricStat
    }
}

public struct GetMetricDataInput: Codable, Hashable, Sendable {
    public var MetricDataQueries: [MetricDataQuery]
    /// Seconds since the epoch.
    public var StartTime: Double
    public var EndTime: Double
    public var NextToken: String?
    /// TimestampDescending (the default) or TimestampAscending.
    public var ScanBy: String?
    public init(MetricDataQueries: [MetricDataQuery], StartTime: Double, EndTime: Double, ScanBy: String? = nil) {
        self.MetricDataQueries = MetricDataQueries
        self.StartTime = StartTime
        self.EndTime = EndTime
        self.ScanBy = ScanBy
    }
}

public struct MetricDataResult: Codable, Hashable, Sendable {
    public var Id: String?
    public var Label: String?
    public var Timestamps: [Double]?
    public var Values: [Double]?
    /// Complete, InternalError, PartialData, Forbidden.
    public var StatusCode: String?
    public init(Id: String?, Label: String?, Timestamps: [Double]?, Values: [Double]?, StatusCode: String?) {
        self.Id = Id
        self.Label = Label
        self.Timestamps = Timestamps
        self.Values = Values
        self.StatusCode = StatusCode
    }
}

public struct GetMetricDataOutput: Codable, Hashable, Sendable {
    public var MetricDataResults: [MetricDataResult]?
    public var NextToken: String?
    public init(MetricDataResults: [MetricDataResult]?, NextToken: String? = nil) {
        self.MetricDataResults = MetricDataResults
        self.NextToken = NextToken
    }
}

public struct Dimension: Codable, Hashable, Sendable {
    public var Name: String
    public var Value: String
    public init(Name: String, Value: String) { self.Name = Name; self.Value = Value }

    /// The dimensions ALB publishes a target group's metrics under, together: LoadBalancer
    /// (`app/NAME/ID`) and TargetGroup (`targetgroup/NAME/ID`), the ends of their ARNs.
    public static func alb(loadBalancerArn: String, targetGroupArn: String) -> [Dimension] {
        [Dimension(Name: "LoadBalancer", Value: loadBalancerArn.range(of: ":loadbalancer/").map { String(loadBalancerArn[$0.upperBound...]) } ?? loadBalancerArn),
         Dimension(Name: "TargetGroup", Value: targetGroupArn.components(separatedBy: ":").last ?? "")]
    }
}

public struct MetricAlarm: Codable, Hashable, Sendable {
    public var AlarmName: String?
    public var AlarmArn: String?
    public var AlarmDescription: String?
    public var StateValue: String?
    public var StateReason: String?
    public var StateUpdatedTimestamp: Double?
    public var MetricName: String?
    public var Namespace: String?
    public var Statistic: String?
    public var Dimensions: [Dimension]?
    public var Period: Int?
    public var EvaluationPeriods: Int?
    public var Threshold: Double?
    public var ComparisonOperator: String?
    public var TreatMissingData: String?
    public var ActionsEnabled: Bool?
    /// What the alarm notifies in each state (DescribeAlarms always lists them, empty or not).
    public var OKActions: [String]?
    public var AlarmActions: [String]?
    public var InsufficientDataActions: [String]?
    public init() {}
}

public struct PutMetricAlarmInput: Codable, Hashable, Sendable {
    public var AlarmName: String
    public var AlarmDescription: String?
    public var MetricName: String?
    public var Namespace: String?
    public var Statistic: String?
    public var Dimensions: [Dimension]?
    public var Period: Int?
    public var EvaluationPeriods: Int
    public var Threshold: Double?
    public var ComparisonOperator: String
    public var TreatMissingData: String?
    public init(AlarmName: String, MetricName: String?, Namespace: String?, Statistic: String?, Dimensions: [Dimension]?,
                Period: Int?, EvaluationPeriods: Int, Threshold: Double?, ComparisonOperator: String, TreatMissingData: String?) {
        self.AlarmName = AlarmName
        self.MetricName = MetricName
        self.Namespace = Namespace
        self.Statistic = Statistic
        self.Dimensions = Dimensions
        self.Period = Period
        self.EvaluationPeriods = EvaluationPeriods
        self.Threshold = Threshold
        self.ComparisonOperator = ComparisonOperator
        self.TreatMissingData = TreatMissingData
    }
}

public struct DescribeAlarmsInput: Codable, Hashable, Sendable {
    public var AlarmNames: [String]?
    /// The page to read (the NextToken of the one before).
    public var NextToken: String?
    public init(AlarmNames: [String]? = nil) { self.AlarmNames = AlarmNames }
}

public struct DescribeAlarmsOutput: Codable, Hashable, Sendable {
    public var MetricAlarms: [MetricAlarm]
    public var CompositeAlarms: [String]
    /// Set when there are more pages (DescribeAlarms answers 50 at a time).
    public var NextToken: String?
    public init(MetricAlarms: [MetricAlarm]) { self.MetricAlarms = MetricAlarms; self.CompositeAlarms = [] }
}

public struct DeleteAlarmsInput: Codable, Hashable, Sendable {
    public var AlarmNames: [String]
    public init(AlarmNames: [String]) { self.AlarmNames = AlarmNames }
}

extension CloudWatchAPI {
    /// Every metric alarm of a DescribeAlarms, all pages.
    public func describeAllAlarms(_ input: DescribeAlarmsInput = DescribeAlarmsInput()) throws -> [MetricAlarm] {
        var input = input
        return try allPages { token in
            input.NextToken = token
            let page = try describeAlarms(input)
            return (page.MetricAlarms, page.NextToken)
        }
    }
}
