import Foundation

/// One target group's TargetResponseTime in one minute, as a histogram: counts in buckets 10 %
/// wide from 1 ms (so a percentile is within 5 % of the value drawn), with the sum and count for
/// the Average. CloudWatch keeps percentiles of the raw values; this is close enough for a
/// judge that compares per-minute samples.
struct SimLatencyHistogram: Codable {
    var dimension: String
    var minute: Double
    /// Bucket index → requests; bucket i holds [1 ms × 1.1^i, 1 ms × 1.1^(i+1)).
    var counts: [Int: Int] = [:]
    var sum: Double = 0
    var count: Int = 0

    static let kind = "cw.latency"
    static let base = 0.001, growth = 1.1

    mutating func add(_ seconds: Double) {
        let index = max(0, Int((log(max(seconds, SimLatencyHistogram.base) / SimLatencyHistogram.base) / log(SimLatencyHistogram.growth)).rounded(.down)))
        counts[index, default: 0] += 1
        sum += seconds
        count += 1
    }

    /// The p-th percentile (0–100), the geometric middle of the bucket that holds it.
    func percentile(_ p: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = max(1, Int((p / 100 * Double(count)).rounded(.up)))
        var seen = 0
        for index in counts.keys.sorted() {
            seen += counts[index] ?? 0
            if seen >= rank {
                return SimLatencyHistogram.base * pow(SimLatencyHistogram.growth, Double(index) + 0.5)
            }
        }
        return nil
    }
}

/// The simulator's response times: log-normal around a median of 40 ms with a p99 of 120 ms
/// (COMMANDS.md's baseline), plus a group's `sim fail --latency`, drawn from a generator seeded
/// by the state, so a run replays exactly.
struct SimLatencyModel {
    static let median = 0.040
    /// ln(p99 / median) / z(0.99).
    static let sigma = log(0.120 / 0.040) / 2.3263478740408408

    private var seed: UInt64

    init(seed: UInt64) { self.seed = seed &* 0xD1B5_4A32_D192_ED03 | 1 }

    mutating func uniform() -> Double {
        seed = seed &* 6364136223846793005 &+ 1442695040888963407
        return (Double(seed >> 11) + 0.5) / Double(1 << 53)
    }

    /// One request's response time, in seconds.
    mutating func draw(extra: Double) -> Double {
        // Box–Muller: one standard normal from two uniforms.
        let z = (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
        return SimLatencyModel.median * exp(SimLatencyModel.sigma * z) + extra
    }
}
