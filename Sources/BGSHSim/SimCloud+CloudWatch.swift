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

extension SimCloud {
    /// GetMetricData over the ALB metrics the simulator publishes (per minute, only where
    /// requests flowed; HealthyHostCount from the targets' health): Sum, SampleCount, Average,
    /// Minimum, Maximum, and pNN of TargetResponseTime, aggregated over the query's period.
    public func getMetricData(_ input: GetMetricDataInput) throws -> GetMetricDataOutput {
        guard !input.MetricDataQueries.isEmpty, input.MetricDataQueries.count <= 500 else {
            throw AWSError("InvalidParameterValue", "The MetricDataQueries must hold 1 to 500 queries")
        }
        guard input.EndTime > input.StartTime else {
            throw AWSError("InvalidParameterValue", "The parameter StartTime must be less than the parameter EndTime.")
        }
        for query in input.MetricDataQueries {
            guard let first = query.Id.unicodeScalars.first, ("a"..."z").contains(first),
                  query.Id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
                throw AWSError("ValidationError", "The value \(query.Id) for parameter MetricDataQueries.member.Id is not valid: it must start with a lower-case letter and hold letters, digits and _")
            }
            guard let stat = query.MetricStat else {
                throw AWSError("InvalidParameterValue", "bgsh's simulator answers MetricStat queries only (no Expression)")
            }
            guard [1, 5, 10, 20, 30].contains(stat.Period) || (stat.Period > 0 && stat.Period % 60 == 0) else {
                throw AWSError("InvalidParameterValue", "The parameter MetricDataQueries.member.MetricStat.Period must be 1, 5, 10, 20, 30, or a multiple of 60.")
            }
        }
        return try read("GetMetricData") { tx in
            try GetMetricDataOutput(MetricDataResults: input.MetricDataQueries.map { query in
                try metricData(tx, query.Id, query.MetricStat!, from: input.StartTime, to: input.EndTime, ascending: input.ScanBy == "TimestampAscending")
            })
        }
    }

    func metricData(_ tx: SimStore.Transaction, _ id: String, _ stat: MetricStat, from start: Double, to end: Double, ascending: Bool) throws -> MetricDataResult {
        let metric = stat.Metric
        let dimension = SimCloud.dimensionKey(metric.Dimensions)
        let period = Double(max(60, stat.Period))
        var buckets: [Double: [Double]] = [:]          // period start → the minutes' values (counts)
        var histograms: [Double: SimLatencyHistogram] = [:]
        func periodStart(_ minute: Double) -> Double { (minute / period).rounded(.down) * period }
        guard metric.Namespace == "AWS/ApplicationELB" else {
            return MetricDataResult(Id: id, Label: metric.MetricName, Timestamps: [], Values: [], StatusCode: "Complete")
        }
        switch metric.MetricName {
        case "TargetResponseTime":
            for h in try tx.find(SimLatencyHistogram.self, region: region, kind: SimLatencyHistogram.kind, name: dimension)
            where h.minute >= start && h.minute < end {
                var merged = histograms[periodStart(h.minute)] ?? SimLatencyHistogram(dimension: dimension, minute: periodStart(h.minute))
                for (index, n) in h.counts { merged.counts[index, default: 0] += n }
                merged.sum += h.sum
                merged.count += h.count
                histograms[periodStart(h.minute)] = merged
            }
        case "HealthyHostCount", "UnHealthyHostCount":
            // Published every minute while the group has targets: their health at the minute's end.
            guard let tgName = metric.Dimensions.first(where: { $0.Name == "TargetGroup" })?.Value,
                  let tg = try tx.all(TargetGroup.self, region: region, kind: SimCloud.targetGroupKind)
                    .first(where: { SimCloud.dimension(ofTargetGroup: $0.TargetGroupArn ?? "") == tgName }) else { break }
            var minute = (start / 60).rounded(.up) * 60
            let last = min(end, try now(tx))
            while minute + 60 <= last {
                let states = try targetsWithHealth(tx, tg, at: minute + 59).map(\.health.State)
                if !states.isEmpty {
                    let healthy = Double(states.filter { $0 == "healthy" }.count)
                    buckets[periodStart(minute), default: []].append(metric.MetricName == "HealthyHostCount" ? healthy : Double(states.count) - healthy)
                }
                minute += 60
            }
        default:
            for point in try tx.find(SimDatapoint.self, region: region, kind: SimCloud.datapointKind, name: dimension)
            where point.metric == metric.MetricName && point.minute >= start && point.minute < end {
                buckets[periodStart(point.minute), default: []].append(point.sum)
            }
        }
        var points: [(Double, Double)] = []
        if metric.MetricName == "TargetResponseTime" {
            for (at, h) in histograms where h.count > 0 {
                let value: Double?
                switch stat.Stat {
                case "Average": value = h.sum / Double(h.count)
                case "SampleCount": value = Double(h.count)
                case "Sum": value = h.sum
                case "Minimum": value = h.percentile(0)
                case "Maximum": value = h.percentile(100)
                default: value = stat.Stat.hasPrefix("p") ? Double(stat.Stat.dropFirst()).flatMap { h.percentile($0) } : nil
                }
                if let value { points.append((at, value)) }
            }
        } else {
            for (at, values) in buckets where !values.isEmpty {
                switch stat.Stat {
                case "Sum": points.append((at, values.reduce(0, +)))
                case "SampleCount": points.append((at, Double(values.count)))
                case "Average": points.append((at, values.reduce(0, +) / Double(values.count)))
                case "Minimum": points.append((at, values.min() ?? 0))
                case "Maximum": points.append((at, values.max() ?? 0))
                default: break  // percentiles of counts: CloudWatch has none either
                }
            }
        }
        points.sort { ascending ? $0.0 < $1.0 : $0.0 > $1.0 }
        return MetricDataResult(Id: id, Label: metric.MetricName, Timestamps: points.map(\.0), Values: points.map(\.1), StatusCode: "Complete")
    }
}
