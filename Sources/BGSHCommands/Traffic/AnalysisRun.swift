import BGSHSyntax
import AWSModel
import BGSHAnalysis
import BGSHCore
import BGSHDeploy
import Foundation

/// Both colours' per-minute samples of the metrics some SPECs need, read with one
/// GetMetricData call: the data plumbing, apart from the judging (BGSHAnalysis).
struct AnalysisSamples {
    /// Per metric name (`error-rate`, `latency:p99`, `healthy-hosts`): blue's and green's samples.
    var blue: [String: [Double]] = [:]
    var green: [String: [Double]] = [:]
    /// The window's totals, for error-rate's aggregate (5xx over requests).
    var totals: [String: (requests: Double, errors: Double)] = [:]

    static func read(_ cloud: any Cloud, loadBalancer: String, blueTG: String, greenTG: String, specs: [AnalysisSpec],
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
    func value(_ spec: AnalysisSpec, _ colour: String) -> Double? {
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

/// `analysis run SPEC… [--judge threshold|compare] …`: green judged against blue now, on the
/// load balancer's per-target-group metrics of the last interval × count.
struct AnalysisRun: Command {
    static let spec = CommandSpec(
        ["analysis", "run"], group: .blueGreen,
        summary: "judge green against blue now on the load balancer's metrics (error rate, latency, healthy hosts)",
        arguments: [ArgumentSpec("SPEC", .analysisSpec, variadic: true, help: "error-rate, latency[:p50|:p90|:p99], healthy-hosts, with a bound (<1%, <=blue*1.2) or not; ! for critical")],
        options: [.option("judge", .choice(["threshold", "compare"]), valueName: "JUDGE", help: "the bounds alone, or a Mann-Whitney test of green against blue (default: threshold when every SPEC has a bound)"),
                  .option("analysis-interval", .duration, valueName: "T", help: "one sample's length (whole minutes; default 1m)"),
                  .option("analysis-count", .integer(1...1440), valueName: "N", help: "how many samples back from now (default 5)"),
                  .option("confidence", .percentage(allowsSign: false), valueName: "P%", help: "compare's confidence (default 98%)"),
                  .option("pass", .integer(0...100), valueName: "N", help: "the score that passes (default 90)"),
                  .option("marginal", .integer(0...100), valueName: "N", help: "the score below pass that is marginal, not failed (default 75)")],
        examples: [Example("analysis run error-rate<1% latency:p99<=blue*1.2", "green's error rate under 1 %, its p99 within 1.2 × blue's"),
                   Example("analysis run !error-rate latency:p99 --judge compare", "Kayenta's way: green's samples against blue's")],
        scope: .service)

    static func run(_ invocation: Invocation) throws {
        let specs = invocation.strings("SPEC").compactMap { try? AnalysisSpec.parse($0).get() }
        guard !specs.isEmpty else { throw invocation.failure("analysis run needs a SPEC: error-rate, latency[:pNN] or healthy-hosts", at: "SPEC") }
        let judge = invocation.string("judge") ?? (specs.allSatisfy { $0.bound != nil } ? "threshold" : "compare")
        if judge == "threshold", let unbounded = specs.first(where: { $0.bound == nil }) {
            throw invocation.failure("--judge threshold needs a bound on every SPEC; '\(unbounded.text)' has none (write it like \(unbounded.metricName)<=blue*1.2), or --judge compare", at: "SPEC")
        }
        let interval = invocation.duration("analysis-interval")?.seconds ?? 60
        guard interval >= 60, interval % 60 == 0 else {
            throw invocation.failure("--analysis-interval must be whole minutes: the load balancer publishes per minute", at: "analysis-interval")
        }
        let count = invocation.integer("analysis-count") ?? 5
        let view = try DeployContext.act(invocation) { try DeployContext.controller(invocation).observe() }
        guard view.state.isActive, let blue = view.blue, let green = view.green else {
            throw invocation.failure("no deployment in progress: analysis compares green with blue while both run (state \(view.state.rawValue))")
        }
        let cloud = try invocation.cloud()
        let service = try Resolve.service(invocation.session.service ?? "", invocation, at: nil)
        guard let listener = ServiceTags(service.tags)?.listener,
              let lb = try cloud.describeListeners(DescribeListenersInput(ListenerArns: [listener])).Listeners.first?.LoadBalancerArn else {
            throw invocation.failure("the service's production listener is gone: nothing publishes its metrics")
        }
        let samples = try AnalysisSamples.read(cloud, loadBalancer: lb, blueTG: blue.targetGroupArn, greenTG: green.targetGroupArn, specs: specs,
                                               from: view.now - Double(interval * count), to: view.now, period: interval)
        let confidence = (invocation.percentage("confidence").map { Double($0.tenths) / 1000 }) ?? 0.98
        var rows: [[String]] = []
        var results: [Judge.Result] = []
        var json: [JSONValue] = []
        for spec in specs {
            let b = samples.value(spec, "blue"), g = samples.value(spec, "green")
            let classification: Judge.Classification
            if judge == "threshold" {
                switch g.map({ spec.holds(green: $0, blue: b) }) {
                case true?: classification = .pass
                case false?: classification = spec.metric.worse == .decrease ? .low : .high
                default: classification = .nodata
                }
            } else {
                classification = Judge.classify(green: samples.green[spec.metricName] ?? [], blue: samples.blue[spec.metricName] ?? [],
                                                direction: spec.metric.worse, confidence: confidence)
            }
            results.append(Judge.Result(name: spec.text, classification: classification, isCritical: spec.isCritical))
            let word = classification == .pass ? "pass" : classification == .nodata ? "no data" : "fail (\(classification.rawValue))"
            rows.append([spec.text, format(b, spec), format(g, spec), "\((samples.blue[spec.metricName] ?? []).count)/\((samples.green[spec.metricName] ?? []).count)", word])
            json.append(.object(["spec": .string(spec.text), "blue": b.map(JSONValue.number) ?? .null, "green": g.map(JSONValue.number) ?? .null,
                                 "result": .string(classification.rawValue), "critical": .bool(spec.isCritical)]))
        }
        let pass = Double(invocation.integer("pass") ?? 90), marginal = Double(invocation.integer("marginal") ?? 75)
        let verdict = Judge.verdict(results, pass: pass, marginal: marginal)
        let score = Judge.score(results)
        invocation.session.show(View(json: .object(["judge": .string(judge), "verdict": .string(verdict.rawValue), "score": score.map(JSONValue.number) ?? .null,
                                                   "windowSeconds": .number(Double(interval * count)), "metrics": .array(json)]),
                                     table: Table(headers: ["SPEC", "BLUE", "GREEN", "SAMPLES", "RESULT"], rows: rows), text: [verdict.rawValue]))
        let scored = score.map { " (score \(Int($0.rounded())))" } ?? ""
        let line = "analysis (\(judge), last \(Duration.format(seconds: Double(interval * count)))): \(verdict.rawValue)\(scored)"
        guard verdict == .pass else {
            let why = verdict == .inconclusive ? ": no data for green or blue in the window (is traffic flowing? `sim traffic N` on the simulator)" : ""
            throw invocation.failure(line + why)
        }
        invocation.session.out.writeError(line + "\n")
    }

    static func format(_ value: Double?, _ spec: AnalysisSpec) -> String {
        guard let value else { return "-" }
        switch spec.metric {
        case .errorRate: return String(format: "%.2f%%", value * 100)
        case .latency: return "\(Int((value * 1000).rounded()))ms"
        case .healthyHosts: return String(Int(value))
        }
    }
}
