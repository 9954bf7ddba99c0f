import Testing
@testable import BGSHCore
@testable import BGSHCommands

/// `help CMD`'s usage: lines of at most 80 columns, broken between options, never inside one.
@Suite struct HelpLayoutTests {
    @Test func usageLinesBreakBetweenOptionsOnly() {
        for spec in CommandTable.standard.specs {
            let lines = spec.usageLines()
            #expect(lines.allSatisfy { $0.count <= 80 }, "\(spec.name): \(lines)")
            let words = lines.joined(separator: " ").split(separator: " ").filter { !$0.isEmpty }.joined(separator: " ")
            #expect(words == "usage: " + spec.usage, "\(spec.name): the same words in the same order")
            // No option split across lines: every line after the first starts with one.
            for line in lines.dropFirst() {
                let first = line.drop { $0 == " " }
                #expect(first.hasPrefix("[") || first.hasPrefix("--") || first.first?.isUppercase == true, "\(spec.name): \(line)")
            }
        }
    }

    @Test func requiredOptionsAreMarked() throws {
        let page = Help.page(try #require(CommandTable.standard.command(at: ["subnet", "create"])).spec)
        #expect(page.contains("--vpc VPC --az AZ") || page.contains("--az AZ"))
        #expect(page.contains("(options without [ ] are required)"))
    }
}
