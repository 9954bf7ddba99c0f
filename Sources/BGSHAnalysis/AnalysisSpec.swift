/// One SPEC of `deploy --analysis` and `analysis run` (COMMANDS.md, "Canary analysis"): a metric
/// of the load balancer's per-target-group ones, optionally a bound, absolute or relative to blue;
/// a leading `!` makes it critical.
///
///     error-rate                 latency:p99<300ms          !error-rate<=blue+0.5%
///     latency<=blue*1.2          healthy-hosts>=2
public struct AnalysisSpec: Sendable, Equatable, CustomStringConvertible {
    /// What is measured.
    public enum Metric: Sendable, Equatable {
        /// HTTPCode_Target_5XX_Count / RequestCount, a fraction.
        case errorRate
        /// TargetResponseTime's pNN, in seconds.
        case latency(percentile: Int)
        /// HealthyHostCount.
        case healthyHosts

        /// Which way is worse.
        public var worse: Judge.Direction {
            if case .healthyHosts = self { return .decrease }
            return .increase
        }
    }

    /// `<`, `<=`, `>`, `>=`.
    public enum Comparison: String, Sendable, CaseIterable { case lessOrEqual = "<=", greaterOrEqual = ">=", less = "<", greater = ">" }

    /// What green's value is compared with: a number, or blue's value plus or times one.
    public enum Reference: Sendable, Equatable {
        case absolute(Double)
        case bluePlus(Double)
        case blueTimes(Double)
    }

    public var metric: Metric
    public var isCritical: Bool
    public var bound: (comparison: Comparison, reference: Reference)?
    /// As written.
    public var text: String

    public static func == (a: AnalysisSpec, b: AnalysisSpec) -> Bool {
        a.metric == b.metric && a.isCritical == b.isCritical && a.text == b.text
            && a.bound?.comparison == b.bound?.comparison && a.bound?.reference == b.bound?.reference
    }

    public var description: String { text }

    /// The metric's name as typed (`latency:p99`).
    public var metricName: String {
        switch metric {
        case .errorRate: return "error-rate"
        case .latency(let p): return "latency:p\(p)"
        case .healthyHosts: return "healthy-hosts"
        }
    }

    /// Reads a SPEC.
    /// - Returns: the spec, or what is wrong with it (a sentence that says what would be right).
    public static func parse(_ text: String) -> Result<AnalysisSpec, AnalysisSpecError> {
        var rest = Substring(text)
        let critical = rest.hasPrefix("!")
        if critical { rest = rest.dropFirst() }
        let comparison = Comparison.allCases.compactMap { c in rest.range(of: c.rawValue).map { (c, $0) } }
            .min { $0.1.lowerBound < $1.1.lowerBound || ($0.1.lowerBound == $1.1.lowerBound && $0.0.rawValue.count > $1.0.rawValue.count) }
        let metricText = comparison.map { String(rest[..<$0.1.lowerBound]) } ?? String(rest)
        let metric: Metric
        switch metricText {
        case "error-rate": metric = .errorRate
        case "latency": metric = .latency(percentile: 99)
        case "latency:p50": metric = .latency(percentile: 50)
        case "latency:p90": metric = .latency(percentile: 90)
        case "latency:p99": metric = .latency(percentile: 99)
        case "healthy-hosts": metric = .healthyHosts
        default:
            return .failure(AnalysisSpecError("'\(metricText)' is not a metric: error-rate, latency[:p50|:p90|:p99] or healthy-hosts"))
        }
        var spec = AnalysisSpec(metric: metric, isCritical: critical, bound: nil, text: text)
        guard let (op, range) = comparison else { return .success(spec) }
        let valueText = String(rest[range.upperBound...])
        let reference: Reference
        if valueText.hasPrefix("blue") {
            let after = valueText.dropFirst(4)
            if after.isEmpty {
                reference = .bluePlus(0)
            } else if after.hasPrefix("*") {
                guard let factor = Double(after.dropFirst()), factor > 0, factor.isFinite else {
                    return .failure(AnalysisSpecError("'\(valueText)' is not blue times a number: write it like blue*1.2"))
                }
                reference = .blueTimes(factor)
            } else if after.hasPrefix("+") || after.hasPrefix("-") {
                guard let amount = quantity(String(after.dropFirst()), for: metric) else {
                    return .failure(AnalysisSpecError("'\(valueText)' is not blue plus an amount: write it like \(example(metric, relative: true))"))
                }
                reference = .bluePlus(after.hasPrefix("-") ? -amount : amount)
            } else {
                return .failure(AnalysisSpecError("'\(valueText)' is not relative to blue: write blue, blue+AMOUNT or blue*FACTOR"))
            }
        } else {
            guard let amount = quantity(valueText, for: metric) else {
                return .failure(AnalysisSpecError("'\(valueText)' is not a bound for \(spec.metricName): write it like \(example(metric, relative: false))"))
            }
            reference = .absolute(amount)
        }
        spec.bound = (op, reference)
        return .success(spec)
    }

    /// A value in the metric's unit: a percentage for error-rate (`0.5%` is 0.005), a duration
    /// for latency (`300ms`, `0.3s`), a count for healthy-hosts.
    static func quantity(_ text: String, for metric: Metric) -> Double? {
        func number(_ s: Substring) -> Double? { Double(s).flatMap { $0.isFinite && $0 >= 0 ? $0 : nil } }
        switch metric {
        case .errorRate:
            guard text.hasSuffix("%"), let n = number(text.dropLast()), n <= 100 else { return nil }
            return n / 100
        case .latency:
            if text.hasSuffix("ms") { return number(text.dropLast(2)).map { $0 / 1000 } }
            if text.hasSuffix("s") { return number(text.dropLast()) }
            return nil
        case .healthyHosts:
            return Int(text).flatMap { $0 >= 0 ? Double($0) : nil }
        }
    }

    static func example(_ metric: Metric, relative: Bool) -> String {
        switch metric {
        case .errorRate: return relative ? "blue+0.5%" : "1%"
        case .latency: return relative ? "blue+50ms" : "300ms"
        case .healthyHosts: return relative ? "blue-1" : "2"
        }
    }

    /// Whether green's value keeps the bound (nil without a bound, or when it needs blue's and
    /// there is none).
    public func holds(green: Double, blue: Double?) -> Bool? {
        guard let (op, reference) = bound else { return nil }
        let limit: Double
        switch reference {
        case .absolute(let v): limit = v
        case .bluePlus(let v): guard let blue else { return nil }; limit = blue + v
        case .blueTimes(let v): guard let blue else { return nil }; limit = blue * v
        }
        switch op {
        case .less: return green < limit
        case .lessOrEqual: return green <= limit
        case .greater: return green > limit
        case .greaterOrEqual: return green >= limit
        }
    }
}

/// Why a SPEC is not one.
public struct AnalysisSpecError: Error, Sendable, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}
