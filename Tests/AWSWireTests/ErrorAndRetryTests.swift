import AWSModel
import AWSWire
import Foundation
import Testing

@Suite struct ErrorAndRetryTests {
    static func answer(_ status: Int, _ body: String, _ headers: [String: String] = [:]) -> (HTTPRequest) throws -> HTTPResponse {
        { _ in HTTPResponse(status: status, headers: headers, body: Array(body.utf8)) }
    }

    /// Each protocol's error body, as AWS (and moto) send it, becomes AWSError with AWS's code.
    @Test(arguments: [
        ("ecs", 400, #"{"__type": "ServiceNotFoundException", "message": "Service not found."}"#, [String: String](), "ServiceNotFoundException", "Service not found."),
        ("ecs", 400, #"{"__type": "com.amazonaws.ecs#ClusterNotFoundException:http://internal", "Message": "Cluster not found."}"#, [:], "ClusterNotFoundException", "Cluster not found."),
        ("codedeploy", 400, #"{"message": "No application found"}"#, ["x-amzn-errortype": "ApplicationDoesNotExistException:"], "ApplicationDoesNotExistException", "No application found"),
        ("cloudwatch", 404, #"{"__type": "GraniteServiceVersion20100801#ResourceNotFound", "message": "no alarm"}"#, ["x-amzn-query-error": "ResourceNotFound;Sender"], "ResourceNotFound", "no alarm"),
        ("elbv2", 400, "<ErrorResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"><Error><Type>Sender</Type><Code>LoadBalancerNotFound</Code><Message>One or more load balancers not found</Message></Error><RequestId>x</RequestId></ErrorResponse>", [:], "LoadBalancerNotFound", "One or more load balancers not found"),
        ("ec2", 400, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>InvalidSubnetID.NotFound</Code><Message>The subnet ID 'subnet-x' does not exist</Message></Error></Errors><RequestID>r</RequestID></Response>", [:], "InvalidSubnetID.NotFound", "The subnet ID 'subnet-x' does not exist"),
    ])
    func errorsDecode(service: String, status: Int, body: String, headers: [String: String], code: String, message: String) throws {
        let t = ScriptedTransport([ErrorAndRetryTests.answer(status, body, headers)])
        let cloud = try scriptedBackend(t).cloud(region: "us-east-1")
        let error = #expect(throws: AWSError.self) {
            switch service {
            case "ecs": _ = try cloud.describeClusters(DescribeClustersInput(clusters: ["x"]))
            case "codedeploy": _ = try cloud.getApplication(GetApplicationInput(applicationName: "x"))
            case "cloudwatch": _ = try cloud.describeAlarms(DescribeAlarmsInput(AlarmNames: ["x"]))
            case "elbv2": _ = try cloud.describeLoadBalancers(DescribeLoadBalancersInput(Names: ["x"]))
            default: _ = try cloud.describeSubnets(DescribeSubnetsRequest(SubnetIds: ["subnet-x"]))
            }
        }
        #expect(error?.code == code)
        #expect(error?.message == message)
        #expect(error?.statusCode == status)
        #expect(t.sent.count == 1, "a client error is never retried")
    }

    @Test func throttlingIsRetriedWithBackoff() throws {
        let t = ScriptedTransport([
            ErrorAndRetryTests.answer(400, #"{"__type": "ThrottlingException", "message": "Rate exceeded"}"#),
            ErrorAndRetryTests.answer(400, #"{"__type": "TooManyRequestsException", "message": "slow"}"#),
            ErrorAndRetryTests.answer(200, #"{"clusterArns": ["arn:c"]}"#),
        ])
        let backend = scriptedBackend(t)
        let waits = WaitLog()
        backend.context.sleep = { seconds, _ in waits.add(seconds); return true }
        let out = try backend.cloud(region: "us-east-1").listClusters(ListClustersInput())
        #expect(out.clusterArns == ["arn:c"])
        #expect(t.sent.count == 3)
        // Full jitter of 1 s, then 2 s (random fixed at 0.5).
        #expect(waits.all == [0.5, 1.0])
    }

    @Test func aHTMLFiveHundredIsNeverRetried() throws {
        let html = "<!doctype html><html><head><title>500 Internal Server Error</title></head><body>NotImplemented</body></html>"
        let t = ScriptedTransport([ErrorAndRetryTests.answer(500, html, ["content-type": "text/html"])])
        let error = #expect(throws: AWSError.self) {
            _ = try scriptedBackend(t).cloud(region: "us-east-1").stopDeployment(StopDeploymentInput(deploymentId: "d", autoRollbackEnabled: true))
        }
        #expect(error?.code == NonAWSAnswer.code)
        #expect(error?.message.contains("500 Internal Server Error") == true)
        #expect(t.sent.count == 1)
    }

    @Test func anAWSShapedFiveHundredIsRetriedForAReadAndStopsAtMaxAttempts() throws {
        let t = ScriptedTransport([ErrorAndRetryTests.answer(500, #"{"__type": "ServerException", "message": "Internal"}"#)])
        let error = #expect(throws: AWSError.self) {
            _ = try scriptedBackend(t, variables: ["AWS_MAX_ATTEMPTS": "4"]).cloud(region: "us-east-1").listClusters(ListClustersInput())
        }
        #expect(error?.code == "ServerException")
        #expect(t.sent.count == 4)
    }

    @Test func aCreateWithoutATokenIsLookedForBeforeItIsSentAgain() throws {
        // The answer of CreateRepository is lost (the connection breaks); DescribeRepositories finds it made.
        let t = ScriptedTransport([
            { _ in throw WireTransportError(kind: .reset, message: "connection reset by peer") },
            ErrorAndRetryTests.answer(200, #"{"repositories": [{"repositoryName": "web", "repositoryArn": "arn:aws:ecr:us-east-1:1:repository/web"}]}"#),
        ])
        let out = try scriptedBackend(t).cloud(region: "us-east-1").createRepository(CreateRepositoryRequest(repositoryName: "web"))
        #expect(out.repository.repositoryName == "web")
        #expect(t.sent.map { $0.header("X-Amz-Target") ?? "" } == [
            "AmazonEC2ContainerRegistry_V20150921.CreateRepository", "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories",
        ])
    }

    @Test func aCreateThatDidNotHappenIsSentAgainAfterTheLook() throws {
        let t = ScriptedTransport([
            { _ in throw WireTransportError(kind: .timeout, message: "timed out") },
            ErrorAndRetryTests.answer(400, #"{"__type": "RepositoryNotFoundException", "message": "not found"}"#),
            ErrorAndRetryTests.answer(200, #"{"repository": {"repositoryName": "web"}}"#),
        ])
        let out = try scriptedBackend(t).cloud(region: "us-east-1").createRepository(CreateRepositoryRequest(repositoryName: "web"))
        #expect(out.repository.repositoryName == "web")
        #expect(t.sent.count == 3)
    }

    @Test func aRefusedConnectionIsRetriedThenReportedAsUnreachable() throws {
        let t = ScriptedTransport([{ _ in throw WireTransportError(kind: .connect, message: "Connection refused") }])
        let error = #expect(throws: BackendUnavailable.self) {
            _ = try scriptedBackend(t).cloud(region: "us-east-1").listClusters(ListClustersInput())
        }
        #expect(error?.message.contains("cannot reach ecs") == true)
        #expect(t.sent.count == 3)
    }

    @Test func plainHTTPIsRefusedExceptToLoopback() throws {
        let t = ScriptedTransport(body: "{}")
        for (url, allowed) in [("http://127.0.0.1:5000", true), ("http://localhost:1", true), ("http://[::1]:9", true),
                               ("https://ecs.example.com", true), ("http://10.0.0.5:5000", false), ("http://ecs.amazonaws.com", false)] {
            var env = ["AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b", "AWS_EC2_METADATA_DISABLED": "true"]
            env["AWS_ENDPOINT_URL"] = url
            let backend = AWSBackend(environment: AWSEnvironment(variables: env, readFile: { _ in nil }), flags: AWSFlags(region: "us-east-1"), transport: t)
            let cloud = try backend.cloud(region: "us-east-1")
            if allowed {
                #expect(throws: Never.self, "\(url)") { _ = try cloud.listClusters(ListClustersInput()) }
            } else {
                #expect(throws: BackendUnavailable.self, "\(url)") { _ = try cloud.listClusters(ListClustersInput()) }
            }
        }
        #expect(t.sent.allSatisfy { !$0.url.contains("10.0.0.5") && !$0.url.contains("ecs.amazonaws.com") })
    }

    @Test func debugLinesNeverCarrySecrets() throws {
        let t = ScriptedTransport(body: #"{"clusterArns": []}"#)
        let backend = scriptedBackend(t, variables: ["AWS_SESSION_TOKEN": "TOKEN-SECRET", "AWS_SECRET_ACCESS_KEY": "KEY-SECRET"])
        let lines = WaitLog()
        backend.context.debugLog = { lines.addLine($0) }
        _ = try backend.cloud(region: "us-east-1").listClusters(ListClustersInput())
        #expect(lines.lines.count == 1)
        #expect(lines.lines[0].hasPrefix("aws ecs ListClusters https://ecs.us-east-1.amazonaws.com 200 attempt 1 "))
        #expect(!lines.lines[0].contains("SECRET") && !lines.lines[0].contains("Signature"))
        #expect(t.sent[0].header("X-Amz-Security-Token") == "TOKEN-SECRET")
    }
}

/// Collects what a test's closures report.
final class WaitLog: @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [Double] = []
    private var text: [String] = []
    func add(_ w: Double) { lock.lock(); waits.append(w); lock.unlock() }
    func addLine(_ l: String) { lock.lock(); text.append(l); lock.unlock() }
    var all: [Double] { lock.lock(); defer { lock.unlock() }; return waits }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return text }
}
