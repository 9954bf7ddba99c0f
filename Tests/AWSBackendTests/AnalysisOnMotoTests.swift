import AWSModel
import BGSHAnalysis
import BGSHDeploy
import Foundation
import Testing

/// Canary analysis through the aws backend: a known series put into moto's CloudWatch with the
/// aws CLI (PutMetricData) is read back by GetMetricData with the ALB's dimensions and judged.
/// moto answers percentiles with a 500, so this reads the Sums (error-rate) it does answer.
@Suite struct AnalysisOnMotoTests {
    @Test func aGreenWithMore5xxFailsItsBoundThroughGetMetricData() throws {
        let home = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: home) }
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        let lb = "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/an-\(tag)/50dc6c495c0c9188"
        let blue = "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/blue-\(tag)/73e2d6bc24d8a067"
        let green = "arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/green-\(tag)/6d0ecf831eec9f09"
        let now = (Date().timeIntervalSince1970 / 60).rounded(.down) * 60
        for (tg, errors) in [(blue, 0), (green, 50)] {
            var data: [[String: Any]] = []
            for minute in 1...5 {
                let dimensions = Dimension.alb(loadBalancerArn: lb, targetGroupArn: tg).map { ["Name": $0.Name, "Value": $0.Value] }
                let at = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: now - Double(minute * 60)))
                data.append(["MetricName": "RequestCount", "Dimensions": dimensions, "Timestamp": at, "Value": 1000, "Unit": "Count"])
                data.append(["MetricName": "HTTPCode_Target_5XX_Count", "Dimensions": dimensions, "Timestamp": at, "Value": errors, "Unit": "Count"])
            }
            let json = String(decoding: try JSONSerialization.data(withJSONObject: data), as: UTF8.self)
            _ = try awsCLI(["cloudwatch", "put-metric-data", "--namespace", "AWS/ApplicationELB", "--metric-data", json], region: "us-west-2", home: home)
        }
        let cloud = try Moto.cloud(region: "us-west-2")
        let plan = AnalysisPlan(specs: [try AnalysisSpec.parse("error-rate<=blue+1%").get()], judge: nil)
        let outcome = try plan.evaluate(cloud, loadBalancer: lb, blueTG: blue, greenTG: green, from: now - 600, to: now + 60)
        let row = try #require(outcome.rows.first)
        #expect(row.blue == 0 && abs((row.green ?? 0) - 0.05) < 1e-9, "\(outcome.summary)")
        #expect(outcome.verdict == .fail)
        let lenient = try AnalysisPlan(specs: [AnalysisSpec.parse("error-rate<=blue+10%").get()], judge: nil)
            .evaluate(cloud, loadBalancer: lb, blueTG: blue, greenTG: green, from: now - 600, to: now + 60)
        #expect(lenient.verdict == .pass)
    }
}
