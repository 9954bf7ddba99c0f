import Foundation

/// The Mann-Whitney U test of two independent samples (green against blue): is one
/// stochastically larger? With ties handled as average ranks, and the normal approximation with
/// tie and continuity corrections, as scipy's `mannwhitneyu(x, y, method="asymptotic")`.
public struct MannWhitney: Sendable, Equatable {
    /// U of the first sample (scipy's `statistic`): pairs where it is larger, ties counting half.
    public var u: Double
    /// The two-sided p-value.
    public var pValue: Double
    /// The Hodges–Lehmann estimate of the shift first − second: the median of all pairwise differences.
    public var shift: Double
    /// The distribution-free confidence interval for that shift at the confidence asked.
    public var lower: Double
    public var upper: Double

    /// Tests `x` against `y` at `confidence` (0.98: the interval holds 98 % of the time).
    /// - Returns: nil when either sample is empty.
    public static func test(_ x: [Double], _ y: [Double], confidence: Double = 0.98) -> MannWhitney? {
        let n1 = x.count, n2 = y.count
        guard n1 > 0, n2 > 0 else { return nil }
        let ranks = Statistics.ranks(x + y)
        let r1 = ranks.prefix(n1).reduce(0, +)
        let u1 = r1 - Double(n1 * (n1 + 1)) / 2
        let u2 = Double(n1 * n2) - u1
        let n = Double(n1 + n2)
        let mu = Double(n1 * n2) / 2
        // Tie correction: Σ(t³ − t) over groups of equal values.
        var counts: [Double: Int] = [:]
        for v in x + y { counts[v, default: 0] += 1 }
        let ties = counts.values.reduce(0.0) { $0 + Double($1 * $1 * $1 - $1) }
        let variance = Double(n1 * n2) / 12 * ((n + 1) - ties / (n * (n - 1)))
        let p: Double
        if variance <= 0 {
            p = 1  // every value equal: nothing tells the samples apart
        } else {
            let z = (max(u1, u2) - mu - 0.5) / variance.squareRoot()
            p = min(1, 2 * Statistics.normalSurvival(z))
        }
        let differences = x.flatMap { a in y.map { b in a - b } }.sorted()
        let shift = Statistics.median(differences)
        // The k-th smallest and largest differences bound the shift (Lehmann; no tie correction).
        let zAlpha = Statistics.normalQuantile(1 - (1 - confidence) / 2)
        let m = Double(n1 * n2)
        let k = Int((m / 2 - zAlpha * (m * (n + 1) / 12).squareRoot()).rounded(.down))
        let index = min(max(k, 0), differences.count - 1)
        return MannWhitney(u: u1, pValue: p, shift: shift,
                           lower: differences[index], upper: differences[differences.count - 1 - index])
    }
}

/// Small pure helpers: ranks, median, quantiles, the normal distribution.
public enum Statistics {
    /// 1-based ranks, ties given their average rank.
    public static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, values[order[j + 1]] == values[order[i]] { j += 1 }
            let average = Double(i + j) / 2 + 1
            for k in i...j { ranks[order[k]] = average }
            i = j + 1
        }
        return ranks
    }

    /// The median (the mean of the middle two of an even count); 0 for none.
    public static func median(_ values: [Double]) -> Double {
        quantile(values, 0.5)
    }

    /// The q-quantile by linear interpolation between order statistics (numpy's default).
    public static func quantile(_ values: [Double], _ q: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let position = q * Double(sorted.count - 1)
        let low = Int(position.rounded(.down)), high = min(low + 1, sorted.count - 1)
        return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }

    /// P(Z > z) for a standard normal Z.
    public static func normalSurvival(_ z: Double) -> Double {
        0.5 * erfc(z / 2.0.squareRoot())
    }

    /// The z with P(Z ≤ z) = p (Acklam's rational approximation, refined by one Newton step).
    public static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "a probability strictly between 0 and 1")
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let low = 0.02425
        var x: Double
        if p < low {
            let q = (-2 * log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - low {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * log(1 - p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        let e = 0.5 * erfc(-x / 2.0.squareRoot()) - p
        let u = e * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        x -= u / (1 + x * u / 2)
        return x
    }

    /// Without the values more than `factor` interquartile ranges outside the quartiles (Kayenta's
    /// outlier removal, factor 3), and without NaNs.
    public static func withoutOutliers(_ values: [Double], factor: Double = 3) -> [Double] {
        let clean = values.filter { !$0.isNaN }
        guard clean.count >= 4 else { return clean }
        let q1 = quantile(clean, 0.25), q3 = quantile(clean, 0.75), spread = q3 - q1
        return clean.filter { $0 >= q1 - factor * spread && $0 <= q3 + factor * spread }
    }
}
