import AWSModel
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

/// The prompt fits 80 columns with room to type, shortening long names, never the backend; a
/// production profile's backend is red.
@Suite struct PromptTests {
    final class NamedBackend: Backend {
        let displayName: String
        init(_ name: String) { displayName = name }
        func cloud(region: String) throws -> any Cloud { throw BackendUnavailable("none") }
        var emulator: (any EmulatorControl)? { nil }
        func accountId() throws -> String { "123456789012" }
    }

    @Test func longNamesAreShortenedNotTheBackend() {
        let session = Session(backend: NamedBackend("aws:payments-staging"), region: "ap-southeast-2", out: CapturedOutput(), environment: [:], isInteractive: true, workingDirectory: "/")
        session.cluster = "payments-blue-green-cluster-production-eu"
        session.service = "checkout-web-frontend-service-v2"
        let prompt = session.prompt(status: " [blue 90 | green 10]")
        #expect(prompt.count <= 80, "\(prompt)")
        #expect(prompt.hasPrefix("bgsh[aws:payments-staging] ap-southeast-2/"))
        #expect(prompt.hasSuffix(" [blue 90 | green 10]> ") && prompt.contains("…"))
        session.cluster = "web"
        #expect(session.prompt == "bgsh[aws:payments-staging] ap-southeast-2/web> ")
    }

    @Test func theContractsPromptIsLeftWhole() {
        let session = Session(backend: NamedBackend("sim"), region: "us-east-1", out: CapturedOutput(), environment: [:], isInteractive: true, workingDirectory: "/")
        session.cluster = "ECS-BlueGreenCluster"
        session.service = "myBGService"
        #expect(session.prompt == "bgsh[sim] us-east-1/ECS-BlueGreenCluster/myBGService> ")
        let baking = session.prompt(status: " [green 100 | blue ends in 1m51s]")
        #expect(baking.count <= 80 && baking.contains("/ECS-B…uster/myBGService"), "\(baking)")
    }

    @Test func aProductionBackendIsRed() {
        let session = Session(backend: NamedBackend("aws:prod-admin"), region: "us-east-1", out: CapturedOutput(), environment: [:], isInteractive: true, workingDirectory: "/")
        #expect(session.prompt == "bgsh[aws:prod-admin] us-east-1> ", "no colour unless it is on")
        session.usesColor = true
        #expect(session.prompt == "bgsh[\u{1}\u{1B}[1;31m\u{1}aws:prod-admin\u{1}\u{1B}[0m\u{1}] us-east-1> ")
    }
}
