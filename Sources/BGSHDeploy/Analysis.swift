import AWSModel
import BGSHAnalysis
import Foundation

/// Both colours' per-minute samples of the metrics some SPECs need, read with one
/// GetMetricData call: the data plumbing, apart from the judging (BGSHAnalysis).
public struct AnalysisSamples {
    /// Per metric name (`error-rate`, `latency:p99`, `healthy-hosts`): blue's and green's samples.
    public var blue: [String: [Double]] = [:]
    public var green: [String: [Double]] = [:]
    /// The window's totals, for error-rate's aggregate (5xx over requests).
    public var totals: [String: (requests: Double, errors: Double)] = [:]

    public static func read(_ cloud: any Cloud, loadBalancer: String, blueTG: String, greenTG: String, specs: [AnalysisSpec],
                     from start: Double, to end: Double, period: Int) throws -> AnalysisSamples {
        var queries: [MetricDataQuery] = []
        func add(_ id: String, _ tg: String, _ metric: String, _ stat: String) {
            let dimensions = Dimension.alb(loadBalancerArn: loadBalancer, targetGroupArn: tg)
            queries.append(MetricDataQuery(Id: id, MetricStat: MetricStat(Metric: CloudWatchMetric(Namespace: "AWS/ApplicationELB", MetricName: metric, Dimensions: dimensions),
                                                                          Period: period, Stat: stat)))
        }
        for (side, tg) in [("b", blueTG), ("g", greenTG)] {
            add(side + "_req", tg, "RequestCount", "Sum")
            add(side + "_5xx", tg, "HTTPCode_Target_5XX_Count", "Sum")
            add(side + "_hosts", tg, "HealthyHostCount", "Minimum")
            for p in Set(specs.compactMap { spec -> Int? in if case .latency(let p) = spec.metric { return p }; return nil }) {
                add(side + "_p\(p)", tg, "TargetResponseTime", "p\(p)")
            }
        }
        let results = try cloud.getMetricData(GetMetricDataInput(MetricDataQueries: queries, StartTime: start, EndTime: end, ScanBy: "TimestampAscending")).MetricDataResults ?? []
        var series: [String: [Double: Double]] = [:]
        for result in results {
            series[result.Id ?? ""] = Dictionary(zip(result.Timestamps ?? [], result.Values ?? []), uniquingKeysWith: { a, _ in a })
        }
        var samples = AnalysisSamples()
        for (side, key) in [("b", "blue"), ("g", "green")] {
            let requests = series[side + "_req"] ?? [:], errors = series[side + "_5xx"] ?? [:]
            var values: [String: [Double]] = [:]
            // Each minute with requests is one error-rate sample.
            values["error-rate"] = requests.keys.sorted().compactMap { t in requests[t].flatMap { $0 > 0 ? (errors[t] ?? 0) / $0 : nil } }
            values["healthy-hosts"] = (series[side + "_hosts"] ?? [:]).sorted { $0.key < $1.key }.map(\.value)
            for (id, points) in series where id.hasPrefix(side + "_p") {
                values["latency:" + id.dropFirst(2)] = points.sorted { $0.key < $1.key }.map(\.value)
            }
            samples.totals[key] = (requests.values.reduce(0, +), errors.values.reduce(0, +))
            if key == "blue" { samples.blue = values } else { samples.green = values }
        }
        return samples
    }

    /// A colour's value of a metric over the window: the error rate of all its requests; the
    /// median of the per-minute latencies; the fewest healthy hosts. Nil without data.
    public func value(_ spec: AnalysisSpec, _ colour: String) -> Double? {
        switch spec.metric {
        case .errorRate:
            guard let total = totals[colour], total.requests > 0 else { return nil }
            return total.errors / total.requests
        case .latency:
            let points = (colour == "blue" ? blue : green)[spec.metricName] ?? []
            return points.isEmpty ? nil : Statistics.median(points)
        case .healthyHosts:
            return ((colour == "blue" ? blue : green)[spec.metricName] ?? []).min()
        }
    }
}

/// How a deployment's steps are judged (`deploy --analysis`, `analysis run`): the SPECs, the
/// judge and its settings. Kept on the service in one tag, so every bgsh that drives the
/// deployment judges it the same way.
public struct AnalysisPlan: Sendable, Equatable {
    public var specs: [AnalysisSpec]
    /// `threshold` (the bounds) or `compare` (Mann-Whitney of green's samples against blue's).
    public var judge: String
    /// One sample's length, seconds (whole minutes).
    public var interval: Int
    public var confidence: Double
    public var pass: Double
    public var marginal: Double
    /// How many failed (inconclusive) verdicts are judged again before the last one counts.
    public var failureLimit: Int
    public var inconclusiveLimit: Int
    /// The fewest samples a verdict needs from each colour (`--analysis-count`); with fewer a
    /// metric has no data. A first shift gated on the test listener waits this many intervals.
    public var count: Int

    public init(specs: [AnalysisSpec], judge: String?, interval: Int = 60, confidence: Double = 0.98, pass: Double = 90, marginal: Double = 75,
                failureLimit: Int = 0, inconclusiveLimit: Int = 0, count: Int = 1) {
        self.count = max(1, count)
        self.specs = specs
        self.judge = judge ?? (specs.allSatisfy { $0.bound != nil } ? "threshold" : "compare")
        self.interval = interval
        self.confidence = confidence
        self.pass = pass
        self.marginal = marginal
        self.failureLimit = failureLimit
        self.inconclusiveLimit = inconclusiveLimit
    }

    /// One line for a tag: `compare|60|0.98|90|75|0|0|1|error-rate<1% latency:p99`.
    public var encoded: String {
        "\(judge)|\(interval)|\(confidence)|\(pass)|\(marginal)|\(failureLimit)|\(inconclusiveLimit)|\(count)|" + specs.map(\.text).joined(separator: " ")
    }

    /// Whether `encoded` fits a service tag's value (encoded as tags are).
    public var fitsInTag: Bool { Tag.encodedValue(encoded).count <= Tag.maxValueLength }

    /// Reads `encoded` back; nil when it is not one.
    public init?(encoded: String) {
        var parts = encoded.split(separator: "|", maxSplits: 8, omittingEmptySubsequences: false).map(String.init)
        // A plan written before --analysis-count has no count: 1.
        if parts.count == 9, Int(parts[7]) == nil { parts = encoded.split(separator: "|", maxSplits: 7, omittingEmptySubsequences: false).map(String.init) }
        if parts.count == 8 { parts.insert("1", at: 7) }
        guard parts.count == 9, let interval = Int(parts[1]), let confidence = Double(parts[2]), let pass = Double(parts[3]), let marginal = Double(parts[4]),
              let failures = Int(parts[5]), let inconclusive = Int(parts[6]), let count = Int(parts[7]) else { return nil }
        let specs = parts[8].split(separator: " ").compactMap { try? AnalysisSpec.parse(String($0)).get() }
        guard !specs.isEmpty else { return nil }
        self.init(specs: specs, judge: parts[0], interval: interval, confidence: confidence, pass: pass, marginal: marginal,
                  failureLimit: failures, inconclusiveLimit: inconclusive, count: count)
    }

    /// `1 failed, 0 inconclusive` of a counts tag ("1 0").
    public static func describe(counts: String) -> String {
        let parts = counts.split(separator: " ")
        return parts.count == 2 ? "\(parts[0]) failed, \(parts[1]) inconclusive" : counts
    }

    /// Counts a verdict against the limits: true when it is within them (judge again), false when
    /// it is the one that counts. `counts` is "FAILED INCONCLUSIVE" so far, updated.
    public func withinLimits(_ verdict: Judge.Verdict, counts: inout String) -> Bool {
        let parts = counts.split(separator: " ").compactMap { Int($0) }
        var failed = parts.count == 2 ? parts[0] : 0, inconclusive = parts.count == 2 ? parts[1] : 0
        defer { counts = "\(failed) \(inconclusive)" }
        switch verdict {
        case .pass: return true
        case .fail: failed += 1; return failed <= failureLimit
        case .marginal, .inconclusive: inconclusive += 1; return inconclusive <= inconclusiveLimit
        }
    }

    /// One metric's line of a verdict.
    public struct Row: Sendable {
        public var spec: AnalysisSpec
        public var blue: Double?
        public var green: Double?
        public var blueSamples: Int
        public var greenSamples: Int
        public var classification: Judge.Classification
    }

    /// A verdict with what it rests on.
    public struct Outcome: Sendable {
        public var verdict: Judge.Verdict
        public var score: Double?
        public var rows: [Row]

        /// Every metric's classification, green's and blue's values, in the plan's order:
        /// `high 386ms 123ms / pass 0.10% 0.12%` (what `status` shows beside the summary).
        public var encodedRows: String {
            let text = rows.map { "\($0.classification.rawValue) \(Self.format($0.green, $0.spec)) \(Self.format($0.blue, $0.spec))" }.joined(separator: " / ")
            return Tag.encodedValue(text).count <= Tag.maxValueLength ? text : ""  // too many metrics for a tag: the summary alone
        }

        /// Text cut to what a tag's value holds once encoded (a summary of many failing metrics).
        public static func fitting(_ text: String) -> String {
            var text = text
            while Tag.encodedValue(text).count > Tag.maxValueLength { text = String(text.dropLast(8)) + "..." }
            return text
        }

        /// `fail (score 50): latency:p99<=blue*1.2 green 386ms, blue 123ms`: the metrics that did not pass.
        public var summary: String {
            let failing = rows.filter { $0.classification != .pass }.map { row in
                "\(row.spec.text) \(row.classification == .nodata ? "no data" : "green \(Self.format(row.green, row.spec)), blue \(Self.format(row.blue, row.spec))")"
            }
            return "\(verdict.rawValue)\(score.map { " (score \(Int($0.rounded())))" } ?? "")" + (failing.isEmpty ? "" : ": " + failing.joined(separator: "; "))
        }

        public static func format(_ value: Double?, _ spec: AnalysisSpec) -> String {
            guard let value else { return "-" }
            switch spec.metric {
            case .errorRate: return String(format: "%.2f%%", value * 100)
            case .latency: return "\(Int((value * 1000).rounded()))ms"
            case .healthyHosts: return String(Int(value))
            }
        }
    }

    /// Judges green against blue over [start, end): one GetMetricData call for every metric.
    public func evaluate(_ cloud: any Cloud, loadBalancer: String, blueTG: String, greenTG: String, from start: Double, to end: Double) throws -> Outcome {
        let samples = try AnalysisSamples.read(cloud, loadBalancer: loadBalancer, blueTG: blueTG, greenTG: greenTG, specs: specs,
                                               from: start, to: end, period: interval)
        var rows: [Row] = []
        for spec in specs {
            let b = samples.value(spec, "blue"), g = samples.value(spec, "green")
            let enough = min((samples.blue[spec.metricName] ?? []).count, (samples.green[spec.metricName] ?? []).count) >= count
            let classification: Judge.Classification
            if !enough {
                classification = .nodata  // fewer samples than --analysis-count asks for
            } else if judge == "threshold" {
                switch g.map({ spec.holds(green: $0, blue: b) }) {
                case true?: classification = .pass
                case false?: classification = spec.metric.worse == .decrease ? .low : .high
                default: classification = .nodata
                }
            } else {
                classification = Judge.classify(green: samples.green[spec.metricName] ?? [], blue: samples.blue[spec.metricName] ?? [],
                                                direction: spec.metric.worse, confidence: confidence)
            }
            rows.append(Row(spec: spec, blue: b, green: g, blueSamples: (samples.blue[spec.metricName] ?? []).count,
                            greenSamples: (samples.green[spec.metricName] ?? []).count, classification: classification))
        }
        let results = rows.map { Judge.Result(name: $0.spec.text, classification: $0.classification, isCritical: $0.spec.isCritical) }
        return Outcome(verdict: Judge.verdict(results, pass: pass, marginal: marginal), score: Judge.score(results), rows: rows)
    }
}
