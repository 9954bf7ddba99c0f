import AWSModel

/// One minute of one ALB metric of one target group.
struct SimDatapoint: Codable {
    var dimension: String
    var metric: String
    var minute: Double
    var sum: Double
}

extension SimCloud {
    static let datapointKind = "cw.datapoint"

    /// `targetgroup/NAME/HEX`: how CloudWatch names a target group.
    static func dimension(ofTargetGroup arn: String) -> String { arn.components(separatedBy: ":").last ?? arn }

    /// `app/NAME/HEX`: how CloudWatch names an application load balancer.
    static func dimension(ofLoadBalancer arn: String) -> String {
        arn.range(of: ":loadbalancer/").map { String(arn[$0.upperBound...]) } ?? arn
    }

    /// A metric's whole dimension set as one key. CloudWatch matches an alarm's dimensions to a
    /// metric's exactly: ALB publishes per-target-group metrics under LoadBalancer and
    /// TargetGroup together, so an alarm with TargetGroup alone gets no data.
    static func dimensionKey(_ dimensions: [Dimension]) -> String {
        dimensions.map { "\($0.Name)=\($0.Value)" }.sorted().joined(separator: "|")
    }

    func record(_ tx: SimStore.Transaction, dimension: String, metric: String, value: Double, at now: Double) throws {
        let minute = (now / 60).rounded(.down) * 60
        let id = "\(dimension)|\(metric)|\(Int(minute))"
        var point = try tx.get(SimDatapoint.self, region: region, kind: SimCloud.datapointKind, id: id)
            ?? SimDatapoint(dimension: dimension, metric: metric, minute: minute, sum: 0)
        point.sum += value
        try tx.put(point, region: region, kind: SimCloud.datapointKind, id: id, name: dimension)
    }

    /// Adds a round of response times to the minute's histogram of a group.
    func recordLatency(_ tx: SimStore.Transaction, dimension: String, _ round: SimLatencyHistogram, at now: Double) throws {
        let minute = (now / 60).rounded(.down) * 60
        let id = "\(dimension)|\(Int(minute))"
        var histogram = try tx.get(SimLatencyHistogram.self, region: region, kind: SimLatencyHistogram.kind, id: id)
            ?? SimLatencyHistogram(dimension: dimension, minute: minute)
        for (index, n) in round.counts { histogram.counts[index, default: 0] += n }
        histogram.sum += round.sum
        histogram.count += round.count
        try tx.put(histogram, region: region, kind: SimLatencyHistogram.kind, id: id, name: dimension)
    }

    func route(_ tx: SimStore.Transaction, listenerArn: String, requests: Int) throws -> [TrafficResult] {
        guard let listener = try tx.get(Listener.self, region: region, kind: SimCloud.listenerKind, id: listenerArn) else {
            throw AWSError("ListenerNotFound", "Listener '\(listenerArn)' not found")
        }
        var weights: [(String, Int)] = []
        for action in listener.DefaultActions ?? [] {
            for tuple in action.ForwardConfig?.TargetGroups ?? [] { weights.append((tuple.TargetGroupArn, tuple.Weight ?? 1)) }
        }
        let total = weights.reduce(0) { $0 + $1.1 }
        guard total > 0 else { throw AWSError("ValidationError", "the listener forwards nowhere (all weights are 0)") }
        let now = try now(tx)
        // A seeded generator: the same state gives the same split.
        var seed = UInt64(try tx.nextNumber("traffic")) &* 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Double(seed >> 11) / Double(1 << 53)
        }
        var results: [String: TrafficResult] = [:]
        var healthy: [String: Bool] = [:]
        for (arn, _) in weights {
            let tg = try requireTargetGroup(tx, arn)
            healthy[arn] = try targetsWithHealth(tx, tg, at: now).contains { $0.health.State == "healthy" }
            results[arn] = TrafficResult(targetGroupArn: arn, requests: 0, errors: 0)
        }
        // Keyed once per group even if a listener (made elsewhere) names one twice.
        let rates = try Dictionary(weights.map { ($0.0, Double(try tx.meta("faults.rate." + $0.0) ?? "0") ?? 0) }, uniquingKeysWith: { a, _ in a })
        let slower = try Dictionary(weights.map { ($0.0, (Double(try tx.meta("faults.latency." + $0.0) ?? "0") ?? 0) / 1000) }, uniquingKeysWith: { a, _ in a })
        // Response times from a generator of their own, so the split above stays as it was.
        var latency = SimLatencyModel(seed: seed)
        var times: [String: SimLatencyHistogram] = [:]
        for _ in 0..<requests {
            var pick = next() * Double(total)
            var chosen = weights[0].0
            for (arn, weight) in weights {
                if pick < Double(weight) { chosen = arn; break }
                pick -= Double(weight)
            }
            results[chosen]?.requests += 1
            // No healthy target: the load balancer answers 503 itself; else the target may fail.
            if healthy[chosen] != true || next() * 1000 < (rates[chosen] ?? 0) { results[chosen]?.errors += 1 }
            // Only requests a target answered have a TargetResponseTime (the 503s above are the LB's).
            if healthy[chosen] == true {
                times[chosen, default: SimLatencyHistogram(dimension: "", minute: 0)].add(latency.draw(extra: slower[chosen] ?? 0))
            }
        }
        for result in results.values {
            let dimension = SimCloud.dimensionKey([Dimension(Name: "LoadBalancer", Value: SimCloud.dimension(ofLoadBalancer: listener.LoadBalancerArn ?? "")),
                                                   Dimension(Name: "TargetGroup", Value: SimCloud.dimension(ofTargetGroup: result.targetGroupArn))])
            try record(tx, dimension: dimension, metric: "RequestCount", value: Double(result.requests), at: now)
            let metric = healthy[result.targetGroupArn] == true ? "HTTPCode_Target_5XX_Count" : "HTTPCode_ELB_5XX_Count"
            try record(tx, dimension: dimension, metric: metric, value: Double(result.errors), at: now)
            if let answered = times[result.targetGroupArn] { try recordLatency(tx, dimension: dimension, answered, at: now) }
        }
        return weights.compactMap { results[$0.0] }
    }

    /// An alarm's state at `now` from the datapoints of its last evaluation periods: ALARM when
    /// every one of them breaches, OK otherwise (missing data counts as not breaching).
    func evaluate(_ alarm: MetricAlarm, _ tx: SimStore.Transaction, now: Double) throws -> MetricAlarm {
        guard let dimensions = alarm.Dimensions, alarm.Namespace == "AWS/ApplicationELB", let metric = alarm.MetricName,
              let threshold = alarm.Threshold else { return alarm }
        let dimension = SimCloud.dimensionKey(dimensions)
        let period = Double(alarm.Period ?? 60)
        let points = try tx.find(SimDatapoint.self, region: region, kind: SimCloud.datapointKind, name: dimension).filter { $0.metric == metric }
        guard !points.isEmpty else { return alarm }
        var alarm = alarm
        var breaching = true
        for k in 0..<max(1, alarm.EvaluationPeriods ?? 1) {
            let end = now - Double(k) * period, start = end - period
            let sum = points.filter { $0.minute + 60 > start && $0.minute <= end }.reduce(0) { $0 + $1.sum }
            let breach: Bool
            switch alarm.ComparisonOperator ?? "GreaterThanOrEqualToThreshold" {
            case "GreaterThanThreshold": breach = sum > threshold
            case "LessThanThreshold": breach = sum < threshold
            case "LessThanOrEqualToThreshold": breach = sum <= threshold
            default: breach = sum >= threshold
            }
            if !breach { breaching = false }
        }
        let state = breaching ? "ALARM" : "OK"
        if state != alarm.StateValue {
            alarm.StateValue = state
            alarm.StateReason = breaching ? "Threshold Crossed: \(metric) >= \(Int(threshold))" : "Threshold not crossed"
            alarm.StateUpdatedTimestamp = now
        }
        return alarm
    }
}
