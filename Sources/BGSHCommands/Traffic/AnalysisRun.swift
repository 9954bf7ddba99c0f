import BGSHSyntax
import AWSModel
import BGSHAnalysis
import BGSHCore
import BGSHDeploy
import Foundation

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

    /// The plan the options give (`analysis run`'s and `deploy --analysis`'s, the same options),
    /// checked: whole-minute samples, and a bound on every SPEC for the threshold judge.
    /// - Parameter count: the fewest samples a verdict needs (deploy's `--analysis-count`).
    static func plan(_ specs: [AnalysisSpec], _ invocation: Invocation, at argument: String, count: Int = 1) throws -> AnalysisPlan {
        let interval = invocation.duration("analysis-interval")?.seconds ?? 60
        guard interval >= 60, interval % 60 == 0 else {
            throw invocation.failure("--analysis-interval must be whole minutes: the load balancer publishes per minute", at: "analysis-interval")
        }
        let plan = AnalysisPlan(specs: specs, judge: invocation.string("judge"), interval: interval,
                                confidence: invocation.percentage("confidence").map { Double($0.tenths) / 1000 } ?? 0.98,
                                pass: Double(invocation.integer("pass") ?? 90), marginal: Double(invocation.integer("marginal") ?? 75),
                                failureLimit: invocation.integer("failure-limit") ?? 0, inconclusiveLimit: invocation.integer("inconclusive-limit") ?? 0,
                                count: count)
        if plan.judge == "threshold", let unbounded = specs.first(where: { $0.bound == nil }) {
            throw invocation.failure("--judge threshold needs a bound on every SPEC; '\(unbounded.text)' has none (write it like \(unbounded.metricName)<=blue*1.2), or --judge compare", at: argument)
        }
        return plan
    }

    static func run(_ invocation: Invocation) throws {
        let specs = invocation.strings("SPEC").compactMap { try? AnalysisSpec.parse($0).get() }
        guard !specs.isEmpty else { throw invocation.failure("analysis run needs a SPEC: error-rate, latency[:pNN] or healthy-hosts", at: "SPEC") }
        let plan = try Self.plan(specs, invocation, at: "SPEC")
        let (judge, interval) = (plan.judge, plan.interval)
        let count = invocation.integer("analysis-count") ?? 5
        let view = try DeployContext.act(invocation) { try DeployContext.controller(invocation).observe() }
        guard view.state.isActive, let blue = view.blue, let green = view.green else {
            throw invocation.failure("no deployment in progress: analysis compares green with blue while both run (state \(view.state.rawValue))")
        }
        let cloud = try invocation.cloud()
        let service = try Resolve.service(invocation.session.service ?? "", invocation, at: nil)
        guard let lb = try ServiceTags(service.tags)?.productionLoadBalancer(cloud) else {
            throw invocation.failure("the service's production listener is gone: nothing publishes its metrics")
        }
        let outcome = try plan.evaluate(cloud, loadBalancer: lb, blueTG: blue.targetGroupArn, greenTG: green.targetGroupArn,
                                        from: view.now - Double(interval * count), to: view.now)
        let rows = outcome.rows.map { row -> [String] in
            let word = row.classification == .pass ? "pass" : row.classification == .nodata ? "no data" : "fail (\(row.classification.rawValue))"
            return [row.spec.text, AnalysisPlan.Outcome.format(row.blue, row.spec), AnalysisPlan.Outcome.format(row.green, row.spec), "\(row.blueSamples)/\(row.greenSamples)", word]
        }
        let json = outcome.rows.map { row in
            JSONValue.object(["spec": .string(row.spec.text), "blue": row.blue.map(JSONValue.number) ?? .null, "green": row.green.map(JSONValue.number) ?? .null,
                              "result": .string(row.classification.rawValue), "critical": .bool(row.spec.isCritical)])
        }
        let verdict = outcome.verdict, score = outcome.score
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
}

/// `analysis show [SPEC…]`: the per-minute samples a verdict rests on, blue's and green's, of the
/// deployment's own analysis (`deploy --analysis`) or of the SPECs given, over the window the
/// next verdict will judge (since the last step, or the last five minutes).
struct AnalysisShow: Command {
    static let spec = CommandSpec(
        ["analysis", "show"], group: .blueGreen,
        summary: "the per-minute samples behind a verdict: blue's and green's, oldest first",
        arguments: [ArgumentSpec("SPEC", .analysisSpec, optional: true, variadic: true, help: "the metrics (default: the deployment's --analysis)")],
        examples: [Example("analysis show", "the samples the next gate will judge"), Example("analysis show latency:p99 error-rate", "those two metrics")],
        scope: .service)

    static func run(_ invocation: Invocation) throws {
        let view = try DeployContext.act(invocation) { try DeployContext.controller(invocation).observe() }
        guard view.state.isActive, let blue = view.blue, let green = view.green else {
            throw invocation.failure("no deployment in progress: there are samples only while both colours run (state \(view.state.rawValue))")
        }
        let service = try Resolve.service(invocation.session.service ?? "", invocation, at: nil)
        let tag = { (key: String) in Tag.value(of: key, in: service.tags) }
        var specs = invocation.strings("SPEC").compactMap { try? AnalysisSpec.parse($0).get() }
        let plan = tag(DeploymentTags.analysis).flatMap(AnalysisPlan.init(encoded:))
        if specs.isEmpty { specs = plan?.specs ?? [] }
        guard !specs.isEmpty else {
            throw invocation.failure("the deployment has no --analysis: name the metrics (`analysis show latency:p99 error-rate`)", at: "SPEC")
        }
        let since = [tag(DeploymentTags.stepAt), tag(DeploymentTags.judgedAt)].compactMap { $0.flatMap(Double.init) }.max() ?? view.now - 300
        let start = min(since, view.now - 60)
        let cloud = try invocation.cloud()
        guard let lb = try ServiceTags(service.tags)?.productionLoadBalancer(cloud) else {
            throw invocation.failure("the service's production listener is gone: nothing publishes its metrics")
        }
        let samples = try AnalysisSamples.read(cloud, loadBalancer: lb, blueTG: blue.targetGroupArn, greenTG: green.targetGroupArn, specs: specs,
                                               from: start, to: view.now, period: plan?.interval ?? 60)
        var rows: [[String]] = []
        var json: [String: JSONValue] = [:]
        for spec in specs {
            for (colour, values) in [("blue", samples.blue[spec.metricName] ?? []), ("green", samples.green[spec.metricName] ?? [])] {
                rows.append([spec.metricName, colour, String(values.count), values.map { AnalysisPlan.Outcome.format($0, spec) }.joined(separator: " ")])
                json[spec.metricName + "." + colour] = .array(values.map(JSONValue.number))
            }
        }
        invocation.session.show(View(json: .object(json), table: Table(headers: ["METRIC", "COLOUR", "SAMPLES", "VALUES (oldest first)"], rows: rows),
                                     text: rows.map { $0.joined(separator: " ") }))
        invocation.session.out.writeError("samples since \(isoSeconds(start)), one a \(Duration.format(seconds: Double(plan?.interval ?? 60)))\n")
    }
}
