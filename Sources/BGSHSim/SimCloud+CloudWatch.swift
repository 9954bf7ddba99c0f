import AWSModel

extension SimCloud {
    static let alarmKind = "cw.alarm"

    public func putMetricAlarm(_ input: PutMetricAlarmInput) throws {
        guard !input.AlarmName.isEmpty, input.AlarmName.count <= 255 else {
            throw AWSError("ValidationError", "AlarmName must be 1-255 characters")
        }
        let operators = ["GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold"]
        guard operators.contains(input.ComparisonOperator) else {
            throw AWSError("ValidationError", "Value '\(input.ComparisonOperator)' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: [\(operators.joined(separator: ", "))]")
        }
        guard input.EvaluationPeriods >= 1 else {
            throw AWSError("ValidationError", "EvaluationPeriods must be at least 1")
        }
        if let period = input.Period, period < 10 || (period > 30 && period % 60 != 0) {
            throw AWSError("InvalidParameterValue", "The parameter Period must be 10, 20, 30 or a multiple of 60.")
        }
        // CloudWatch: a period of 10, 20 or 30 seconds (high resolution) or a multiple of 60.
        let period = input.Period ?? 60
        guard [10, 20, 30].contains(period) || (period >= 60 && period % 60 == 0) else {
            throw AWSError("InvalidParameterValue", "The parameter Period must be 10, 20, 30 or a multiple of 60.")
        }
        try write("PutMetricAlarm") { tx in
            let existing = try tx.get(MetricAlarm.self, region: region, kind: SimCloud.alarmKind, id: input.AlarmName)
            var alarm = MetricAlarm()
            alarm.AlarmName = input.AlarmName
            alarm.AlarmArn = arn("cloudwatch", "alarm:\(input.AlarmName)")
            alarm.AlarmDescription = input.AlarmDescription
            // AWS: a new alarm starts in INSUFFICIENT_DATA; updating one keeps its state.
            alarm.StateValue = existing?.StateValue ?? "INSUFFICIENT_DATA"
            alarm.StateReason = existing?.StateReason ?? "Unchecked: Initial alarm creation"
            let stamp = try now(tx)
            alarm.StateUpdatedTimestamp = existing?.StateUpdatedTimestamp ?? stamp
            alarm.MetricName = input.MetricName
            alarm.Namespace = input.Namespace
            alarm.Statistic = input.Statistic
            alarm.Dimensions = input.Dimensions
            alarm.Period = input.Period
            alarm.EvaluationPeriods = input.EvaluationPeriods
            alarm.Threshold = input.Threshold
            alarm.ComparisonOperator = input.ComparisonOperator
            alarm.TreatMissingData = input.TreatMissingData ?? "missing"
            alarm.ActionsEnabled = true
            alarm.OKActions = []
            alarm.AlarmActions = []
            alarm.InsufficientDataActions = []
            try tx.put(alarm, region: region, kind: SimCloud.alarmKind, id: input.AlarmName, name: input.AlarmName)
        }
    }

    public func describeAlarms(_ input: DescribeAlarmsInput) throws -> DescribeAlarmsOutput {
        try read("DescribeAlarms") { tx in
            var all = try tx.all(MetricAlarm.self, region: region, kind: SimCloud.alarmKind)
            if let names = input.AlarmNames { all = all.filter { names.contains($0.AlarmName ?? "") } }
            // Alarms are evaluated when read, on the virtual clock, from the recorded ALB metrics.
            let now = try now(tx)
            all = try all.map { try evaluate($0, tx, now: now) }
            // AWS: 50 alarms a page (MaxRecords' default).
            return try SimPaging.page(all.sorted { ($0.AlarmName ?? "") < ($1.AlarmName ?? "") }, nextToken: input.NextToken,
                                      maxResults: nil, limit: 50) { items, next in
                var page = DescribeAlarmsOutput(MetricAlarms: items)
                page.NextToken = next
                return page
            }
        }
    }

    public func deleteAlarms(_ input: DeleteAlarmsInput) throws {
        try write("DeleteAlarms") { tx in
            for name in input.AlarmNames where try tx.get(MetricAlarm.self, region: region, kind: SimCloud.alarmKind, id: name) == nil {
                throw AWSError("ResourceNotFound", "Alarm \(name) does not exist")
            }
            for name in input.AlarmNames { try tx.delete(region: region, kind: SimCloud.alarmKind, id: name) }
        }
    }
}
