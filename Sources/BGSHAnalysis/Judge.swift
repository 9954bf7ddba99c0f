/// Kayenta's way of judging a canary (NetflixACAJudge): per metric, green's samples against
/// blue's with a Mann-Whitney U test and a tolerance band; a score over the metrics; a verdict.
/// Pure: no backend, no clock; the samples come from whoever read them.
public enum Judge {
    /// Which way is worse for a metric (latency and error rate: up).
    public enum Direction: String, Sendable, CaseIterable { case increase, decrease, either }

    /// One metric's outcome.
    public enum Classification: String, Sendable, Equatable {
        /// Green is not worse than blue beyond the band.
        case pass
        /// Green is higher (worse when the direction is increase or either).
        case high
        /// Green is lower (worse when the direction is decrease or either).
        case low
        /// A side has no samples (after outliers are removed): inconclusive.
        case nodata
    }

    /// Classifies green against blue: NaNs and outliers out; identical samples pass; otherwise the
    /// confidence interval of the shift against ±tolerance × |the Hodges–Lehmann estimate of blue's
    /// level| (Kayenta: band = tolerance × |estimate|). A shift only counts in the worse direction.
    public static func classify(green: [Double], blue: [Double], direction: Direction = .increase,
                                confidence: Double = 0.98, tolerance: Double = 0.25) -> Classification {
        let g = Statistics.withoutOutliers(green), b = Statistics.withoutOutliers(blue)
        guard !g.isEmpty, !b.isEmpty else { return .nodata }
        if g.sorted() == b.sorted() { return .pass }
        guard let test = MannWhitney.test(g, b, confidence: confidence) else { return .nodata }
        let band = tolerance * abs(Statistics.median(b))
        if test.lower > band, direction != .decrease { return .high }
        if test.upper < -band, direction != .increase { return .low }
        return .pass
    }

    /// A metric's result as the score counts it.
    public struct Result: Sendable, Equatable {
        public var name: String
        public var classification: Classification
        public var isCritical: Bool
        public init(name: String, classification: Classification, isCritical: Bool = false) {
            self.name = name
            self.classification = classification
            self.isCritical = isCritical
        }
    }

    /// The run's verdict.
    public enum Verdict: String, Sendable, Equatable { case pass, marginal, fail, inconclusive }

    /// The score (0–100): passing metrics over those with data; 0 when a critical metric did not
    /// pass; nil when no metric had data.
    public static func score(_ results: [Result]) -> Double? {
        let judged = results.filter { $0.classification != .nodata }
        guard !judged.isEmpty else { return nil }
        if results.contains(where: { $0.isCritical && $0.classification != .pass }) { return 0 }
        return Double(judged.filter { $0.classification == .pass }.count) / Double(judged.count) * 100
    }

    /// Pass at `pass` or above, marginal at `marginal` or above, else fail; no data, inconclusive.
    public static func verdict(_ results: [Result], pass: Double = 90, marginal: Double = 75) -> Verdict {
        guard let score = score(results) else { return .inconclusive }
        if score >= pass { return .pass }
        return score >= marginal ? .marginal : .fail
    }
}
