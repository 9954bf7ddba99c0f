import AWSModel
import Testing

/// The simulator answers in AWS's page sizes, so a listing that reads only its first page is
/// caught here before it loses items on AWS.
@Suite struct PaginationTests {
    @Test func alarmListReadsEveryPage() throws {
        let h = try Harness()
        var lines = ["vpc create 10.0.0.0/16 --name v --as VPC", "tg create t --vpc $VPC --port 80",
                     "subnet create 10.0.1.0/24 --vpc $VPC --az us-east-1a --as S1", "subnet create 10.0.2.0/24 --vpc $VPC --az us-east-1b --as S2",
                     "lb create l --subnets $S1,$S2", "listener create --lb l --port 80 --forward t"]
        for i in 0..<61 { lines.append("alarm create a\(i) --tg t --threshold 5") }
        lines.append("alarm list")
        #expect(h.run(lines.joined(separator: "\n")) == 0, "\(h.out.stderr)")
        let cloud = try h.session.cloud()
        #expect(try cloud.describeAlarms(DescribeAlarmsInput()).MetricAlarms.count == 50)
        #expect(try cloud.describeAllAlarms().count == 61)
        #expect(h.out.stdout.contains("a60 ") && h.out.stdout.contains("a0 "))
    }

    @Test func ecrListReadsEveryPage() throws {
        let h = try Harness()
        #expect(h.run((0..<105).map { "ecr create r\($0)" }.joined(separator: "\n") + "\noutput text\necr list") == 0, "\(h.out.stderr)")
        let names = h.out.stdout.split(separator: "\n").filter { $0.hasPrefix("r") && !$0.contains(":") }
        #expect(Set(names).count == 105)
    }
}
