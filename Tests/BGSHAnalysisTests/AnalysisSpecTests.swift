import Testing
@testable import BGSHAnalysis

/// The SPEC grammar of COMMANDS.md's "Canary analysis".
@Suite struct AnalysisSpecTests {
    @Test func theContractsExamplesRead() throws {
        let plain = try AnalysisSpec.parse("error-rate").get()
        #expect(plain.metric == .errorRate && plain.bound == nil && !plain.isCritical)
        let absolute = try AnalysisSpec.parse("latency:p99<300ms").get()
        #expect(absolute.metric == .latency(percentile: 99) && absolute.bound?.comparison == .less && absolute.bound?.reference == .absolute(0.3))
        let relative = try AnalysisSpec.parse("!error-rate<=blue+0.5%").get()
        #expect(relative.isCritical && relative.bound?.comparison == .lessOrEqual && relative.bound?.reference == .bluePlus(0.005))
        let factor = try AnalysisSpec.parse("latency:p99<=blue*1.2").get()
        #expect(factor.bound?.reference == .blueTimes(1.2))
        #expect(try AnalysisSpec.parse("latency").get().metric == .latency(percentile: 99))
        #expect(try AnalysisSpec.parse("healthy-hosts>=2").get().bound?.reference == .absolute(2))
        #expect(try AnalysisSpec.parse("error-rate<1%").get().holds(green: 0.009, blue: nil) == true)
        #expect(try AnalysisSpec.parse("latency:p90<=blue*1.2").get().holds(green: 0.13, blue: 0.1) == false)
        #expect(try AnalysisSpec.parse("latency:p90<=blue*1.2").get().holds(green: 0.13, blue: nil) == nil)
    }

    @Test(arguments: [
        ("errors", "'errors' is not a metric"),
        ("latency:p95", "'latency:p95' is not a metric"),
        ("error-rate<1", "'1' is not a bound for error-rate: write it like 1%"),
        ("latency<300", "write it like 300ms"),
        ("error-rate<=blue*", "write it like blue*1.2"),
        ("error-rate<=blue+x%", "write it like blue+0.5%"),
        ("error-rate<=green", "write it like 1%"),
        ("error-rate<200%", "write it like 1%"),
    ])
    func aWrongSpecSaysWhatWouldBeRight(_ text: String, _ expected: String) {
        guard case .failure(let error) = AnalysisSpec.parse(text) else { Issue.record("\(text) read"); return }
        #expect(error.message.contains(expected), "\(error.message)")
    }
}
