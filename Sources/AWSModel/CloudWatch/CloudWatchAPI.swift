/// Amazon CloudWatch, the alarm operations bgsh uses.
public protocol CloudWatchAPI {
    func putMetricAlarm(_ input: PutMetricAlarmInput) throws
    func describeAlarms(_ input: DescribeAlarmsInput) throws -> DescribeAlarmsOutput
    func deleteAlarms(_ input: DeleteAlarmsInput) throws
}

public struct Dimension: Codable, Hashable, Sendable {
    public var Name: String
    public var Value: String
    public init(Name: String, Value: String) { self.Name = Name; self.Value = Value }
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
