import PropertyBased
import Testing
@testable import BGSHAnalysis

/// The analysis's statistics against scipy and numpy on fixed samples (recorded here: scipy 1.17.1,
/// `mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)` and
/// `np.median(np.subtract.outer(x, y))`), and their properties.
@Suite struct StatisticsTests {
    static let cases: [(String, [Double], [Double], u: Double, p: Double, shift: Double)] = [
        ("no ties", [0.31, 0.42, 0.29, 0.55, 0.61, 0.48, 0.39, 0.52], [0.21, 0.33, 0.25, 0.28, 0.30, 0.19, 0.27, 0.35, 0.24],
         67.0, 0.003336940507398089, 0.18),
        ("ties", [1, 2, 2, 3, 3, 3, 4, 5], [2, 3, 3, 4, 4, 5, 5, 5, 6, 6], 17.5, 0.0460083062252684, -1.5),
        ("shifted", [120, 135, 128, 150, 142, 160, 138, 155, 149, 131, 144, 152], [100, 112, 98, 105, 110, 99, 108, 103, 111, 97, 106, 101],
         144.0, 3.6584553538971e-05, 39.0),
    ]

    @Test(arguments: cases.indices)
    func mannWhitneyAgreesWithScipy(_ i: Int) throws {
        let c = Self.cases[i]
        let test = try #require(MannWhitney.test(c.1, c.2))
        #expect(test.u == c.u, "\(c.0)")
        #expect(abs(test.pValue - c.p) < 1e-12 * max(1, c.p) + 1e-15, "\(c.0): \(test.pValue) vs \(c.p)")
        #expect(abs(test.shift - c.shift) < 1e-12, "\(c.0): Hodges–Lehmann \(test.shift) vs \(c.shift)")
        #expect(test.lower <= test.shift && test.shift <= test.upper)
    }

    @Test func theNormalQuantileIsExact() {
        #expect(abs(Statistics.normalQuantile(0.99) - 2.3263478740408408) < 1e-12)
        #expect(abs(Statistics.normalQuantile(0.975) - 1.959963984540054) < 1e-12)
        #expect(abs(Statistics.normalQuantile(0.5)) < 1e-15)
        #expect(abs(Statistics.normalQuantile(0.001) + 3.090232306167813) < 1e-10)
    }

    @Test func ranksAverageTies() {
        #expect(Statistics.ranks([3, 1, 3, 2]) == [3.5, 1, 3.5, 2])
        #expect(Statistics.median([4, 1, 3, 2]) == 2.5)
        #expect(Statistics.withoutOutliers([1, 2, 3, 4, 5, 6, 7, 8, 100, .nan]) == [1, 2, 3, 4, 5, 6, 7, 8])
    }

    /// Identical samples pass; a green clearly shifted (by half its level or more, samples within
    /// ±5 % of it) is high or low, in the direction asked only; a wider confidence never narrows
    /// the interval.
    @Test func judgingHasTheRightDirection() async {
        await propertyCheck(count: 100, input: Gen.double(in: 50...500), Gen.double(in: -0.05...0.05).array(of: 8...30), Gen.double(in: 1.5...4)) { level, noise, factor in
            let blue = noise.map { level * (1 + $0) }
            #expect(Judge.classify(green: blue, blue: blue) == .pass)
            let green = blue.map { $0 * factor }
            #expect(Judge.classify(green: green, blue: blue, direction: .increase) == .high)
            #expect(Judge.classify(green: green, blue: blue, direction: .decrease) == .pass)
            #expect(Judge.classify(green: blue.map { $0 / factor }, blue: blue, direction: .either) == .low)
            if let narrow = MannWhitney.test(green, blue, confidence: 0.9), let wide = MannWhitney.test(green, blue, confidence: 0.99) {
                #expect(wide.lower <= narrow.lower && wide.upper >= narrow.upper)
            }
        }
    }

    @Test func theScoreAndTheVerdict() {
        let pass = Judge.Result(name: "latency", classification: .pass)
        let high = Judge.Result(name: "error-rate", classification: .high)
        #expect(Judge.score([pass, pass, pass, high]) == 75)
        #expect(Judge.verdict([pass, pass, pass, high]) == .marginal)
        #expect(Judge.verdict([pass]) == .pass)
        #expect(Judge.verdict([high]) == .fail)
        #expect(Judge.verdict([Judge.Result(name: "latency", classification: .nodata)]) == .inconclusive)
        let critical = Judge.Result(name: "error-rate", classification: .high, isCritical: true)
        #expect(Judge.score(Array(repeating: pass, count: 9) + [critical]) == 0, "a critical metric that fails fails the run")
        #expect(Judge.classify(green: [], blue: [1, 2]) == .nodata)
    }
}
