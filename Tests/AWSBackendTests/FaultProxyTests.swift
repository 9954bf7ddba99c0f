import AWSModel
import AWSWire
import Foundation
import Testing

/// Support/fault_proxy.py in front of moto: what bgsh retries, what it never retries, and that no
/// resource is made twice when an answer is lost (counted through the aws CLI afterwards).
final class FaultProxy {
    let process = Process()
    let folder: String
    let endpoint: String

    init(plan: [[String: Any]]) throws {
        folder = try temporaryFolder()
        try JSONSerialization.data(withJSONObject: plan).write(to: URL(fileURLWithPath: folder + "/plan.json"))
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot + "/Tests/AWSBackendTests/Support/fault_proxy.py", "--upstream", try Moto.endpoint,
                             "--plan", folder + "/plan.json", "--log", folder + "/log", "--port-file", folder + "/port", "--max-seconds", "120"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var port: String?
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: folder + "/port", encoding: .utf8) { port = text; break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        guard let port else { process.terminate(); throw CLIFailed(message: "the fault proxy did not start") }
        endpoint = "http://127.0.0.1:" + port
    }

    deinit {
        // SIGKILL: a child of a test thread inherits its blocked signals, so SIGTERM would wait
        // for the proxy's own time limit. The proxy keeps nothing that needs a clean exit.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The requests it saw: operation, fault applied, clientToken.
    var log: [(operation: String, fault: String?, token: String?)] {
        let text = (try? String(contentsOfFile: folder + "/log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let doc = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return (doc["operation"] as? String ?? "", doc["fault"] as? String, doc["clientToken"] as? String)
        }
    }

    func count(_ operation: String) -> Int { log.filter { $0.operation == operation }.count }

    /// bgsh on the aws backend through the proxy.
    func bgsh(_ commands: String, home: String, region: String) throws -> Ran {
        var env = try Moto.environment(home: home)
        env["AWS_ENDPOINT_URL"] = endpoint
        return try run(bgshBinary, ["--backend", "aws", "--region", region, "-c", commands], environment: env)
    }
}

@Suite struct FaultProxyTests {
    let region = "eu-central-1"

    @Test func throttlingIsRetriedAndTheClusterIsMadeOnce() throws {
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        let proxy = try FaultProxy(plan: [["operation": "CreateCluster", "fault": "throttle", "times": 2]])
        let home = try temporaryFolder()
        let ran = try proxy.bgsh("cluster create c\(tag)", home: home, region: region)
        #expect(ran.status == 0, "\(ran.err)")
        #expect(proxy.log.filter { $0.operation == "CreateCluster" }.map(\.fault) == ["throttle", "throttle", nil])
        let arns = try awsCLI(["ecs", "list-clusters"], region: region, home: home)["clusterArns"] as? [String] ?? []
        #expect(arns.filter { $0.hasSuffix("/c\(tag)") }.count == 1)
    }

    @Test func anAWSShapedFiveHundredIsRetried() throws {
        let proxy = try FaultProxy(plan: [["operation": "ListClusters", "fault": "aws500", "times": 1]])
        let ran = try proxy.bgsh("cluster list", home: try temporaryFolder(), region: region)
        #expect(ran.status == 0, "\(ran.err)")
        #expect(proxy.log.filter { $0.operation == "ListClusters" }.map(\.fault) == ["aws500", nil])
    }

    @Test func anHTMLFiveHundredIsNeverRetried() throws {
        let proxy = try FaultProxy(plan: [["operation": "ListClusters", "fault": "html500", "times": 5]])
        let ran = try proxy.bgsh("cluster list", home: try temporaryFolder(), region: region)
        #expect(ran.status == 1)
        #expect(ran.err.contains("not an AWS error") && ran.err.contains("500 Internal Server Error"), "\(ran.err)")
        #expect(proxy.count("ListClusters") == 1)
    }

    @Test func aSlowAnswerIsWaitedFor() throws {
        let proxy = try FaultProxy(plan: [["operation": "ListClusters", "fault": "slow", "times": 1]])
        let ran = try proxy.bgsh("cluster list", home: try temporaryFolder(), region: region)
        #expect(ran.status == 0, "\(ran.err)")
        #expect(proxy.count("ListClusters") == 1)
    }

    @Test func aConnectionDroppedBeforeMotoIsRetriedAndMakesOneRepository() throws {
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        let proxy = try FaultProxy(plan: [["operation": "CreateRepository", "fault": "drop", "times": 1]])
        let home = try temporaryFolder()
        let ran = try proxy.bgsh("ecr create r\(tag)", home: home, region: region)
        #expect(ran.status == 0, "\(ran.err)")
        #expect(proxy.log.filter { $0.operation == "CreateRepository" }.map(\.fault) == ["drop", nil])
        let repos = try awsCLI(["ecr", "describe-repositories"], region: region, home: home)["repositories"] as? [[String: Any]] ?? []
        #expect(repos.filter { $0["repositoryName"] as? String == "r\(tag)" }.count == 1)
    }

    @Test func aLostAnswerOfACreateWithoutATokenIsFoundNotMadeAgain() throws {
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        let proxy = try FaultProxy(plan: [["operation": "CreateRepository", "fault": "lose", "times": 1],
                                          ["operation": "CreateVpc", "fault": "lose", "times": 1]])
        let home = try temporaryFolder()
        let ran = try proxy.bgsh("ecr create r\(tag); vpc create 10.77.0.0/16 --name v\(tag)", home: home, region: region)
        #expect(ran.status == 0, "\(ran.err)")
        // Each was sent once; the look afterwards (by name, by the bgsh:token tag) found it made.
        #expect(proxy.count("CreateRepository") == 1)
        #expect(proxy.count("CreateVpc") == 1)
        let repos = try awsCLI(["ecr", "describe-repositories"], region: region, home: home)["repositories"] as? [[String: Any]] ?? []
        #expect(repos.filter { $0["repositoryName"] as? String == "r\(tag)" }.count == 1)
        let vpcs = try awsCLI(["ec2", "describe-vpcs", "--filters", "Name=tag:Name,Values=v\(tag)"], region: region, home: home)["Vpcs"] as? [Any] ?? []
        #expect(vpcs.count == 1)
    }

    /// A describe that failed for another reason than "not found" is never taken for "absent".
    @Test func aDescribeThatFailsIsNotTakenToMeanAbsent() throws {
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        let proxy = try FaultProxy(plan: [["operation": "DescribeRepositories", "fault": "throttle", "times": 10]])
        let ran = try proxy.bgsh("ecr create r\(tag)", home: try temporaryFolder(), region: region)
        #expect(ran.status == 1)
        #expect(ran.err.contains("ThrottlingException"), "\(ran.err)")
        #expect(proxy.count("DescribeRepositories") == 3)
        #expect(proxy.count("CreateRepository") == 0)
    }

    /// moto ignores clientToken, so what is checked is what AWS relies on: the same token resent.
    @Test func aLostAnswerOfACreateWithATokenIsResentWithTheSameToken() throws {
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        let proxy = try FaultProxy(plan: [["operation": "CreateService", "fault": "lose", "times": 1]])
        var env = try Moto.environment(home: "/nonexistent")
        env["AWS_ENDPOINT_URL"] = proxy.endpoint
        let backend = AWSBackend(environment: AWSEnvironment(variables: env, readFile: { _ in nil }), flags: AWSFlags(region: region))
        backend.context.sleep = { _, _ in true }
        let cloud = try backend.cloud(region: region)
        _ = try cloud.createCluster(CreateClusterInput(clusterName: "t\(tag)"))
        var input = CreateServiceInput(cluster: "t\(tag)", serviceName: "s\(tag)")
        input.desiredCount = 0
        input.deploymentController = DeploymentController(type: "EXTERNAL")
        _ = try? cloud.createService(input)
        let tokens = proxy.log.filter { $0.operation == "CreateService" }.compactMap(\.token)
        #expect(tokens.count == 2)
        #expect(Set(tokens).count == 1)
    }
}
