import BGSHAnalysis
import Testing
@testable import BGSHDeploy

/// The plan a deployment keeps in its tag: read back as written, and its limits counted.
@Suite struct AnalysisPlanTests {
    @Test func thePlanReadsBackAsWritten() throws {
        let plan = AnalysisPlan(specs: [try AnalysisSpec.parse("!error-rate<=blue+0.5%").get(), try AnalysisSpec.parse("latency:p90").get()],
                                judge: "compare", interval: 120, confidence: 0.95, pass: 80, marginal: 60, failureLimit: 2, inconclusiveLimit: 1)
        let back = try #require(AnalysisPlan(encoded: plan.encoded))
        #expect(back == plan)
        #expect(AnalysisPlan(encoded: "compare|60|0.98|90|75|") == nil, "no SPEC: not a plan")
        #expect(AnalysisPlan(specs: [try AnalysisSpec.parse("error-rate<1%").get()], judge: nil).judge == "threshold")
        #expect(AnalysisPlan(specs: [try AnalysisSpec.parse("error-rate").get()], judge: nil).judge == "compare")
    }

    @Test func limitsCountFailuresAndInconclusiveVerdictsApart() {
        let plan = AnalysisPlan(specs: [], judge: "compare", failureLimit: 1, inconclusiveLimit: 0)
        var counts = "0 0"
        #expect(plan.withinLimits(.pass, counts: &counts) && counts == "0 0")
        #expect(plan.withinLimits(.fail, counts: &counts) && counts == "1 0")
        #expect(!plan.withinLimits(.fail, counts: &counts) && counts == "2 0")
        #expect(!plan.withinLimits(.inconclusive, counts: &counts) && counts == "2 1")
        #expect(AnalysisPlan.describe(counts: counts) == "2 failed, 1 inconclusive")
    }
}
