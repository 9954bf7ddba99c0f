import Testing
import BGSHSyntax

@Suite struct LiteralTests {
    @Test(arguments: [
        ("0%", 0), ("10%", 100), ("100%", 1000), ("12.5%", 125), ("0.1%", 1), ("007%", 70),
    ])
    func percentages(text: String, tenths: Int) throws {
        let p = try Percentage.parse(text, allowsSign: false).get()
        #expect(p.tenths == tenths)
        #expect(p.sign == .absolute)
    }

    @Test(arguments: ["150%", "10", "10 %", "%", "1.25%", "-5%", "+5%", "ten%", "1e2%", "", "100.1%", "12.%", ".5%", "99999999999999999999%"])
    func badPercentages(text: String) {
        #expect(throws: LiteralError.self) { try Percentage.parse(text, allowsSign: false).get() }
    }

    @Test func relativePercentages() throws {
        #expect(try Percentage.parse("+5%", allowsSign: true).get() == Percentage(tenths: 50, sign: .plus))
        #expect(try Percentage.parse("-12.5%", allowsSign: true).get() == Percentage(tenths: 125, sign: .minus))
        #expect(Percentage(tenths: 125, sign: .minus).description == "-12.5%")
    }

    @Test(arguments: [
        ("30s", 30), ("5m", 300), ("1h", 3600), ("1h30m", 5400), ("2m30s", 150), ("0s", 0), ("1h0m5s", 3605),
    ])
    func durations(text: String, seconds: Int) throws {
        #expect(try Duration.parse(text).get().seconds == seconds)
        #expect(try Duration.parse(Duration(seconds: seconds).description).get().seconds == seconds)
    }

    @Test(arguments: ["5parsecs", "-1m", "5", "m", "", "1m1h", "5mm", "1.5m", "5 m", "1d", "9999999999s"])
    func badDurations(text: String) {
        #expect(throws: LiteralError.self) { try Duration.parse(text).get() }
    }
}
