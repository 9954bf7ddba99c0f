import AWSModel
import PropertyBased
import Testing

typealias Tag = AWSModel.Tag

/// ECS's tag rules (botocore's model), which AWS enforces and moto does not: the simulator
/// refuses what AWS refuses, and bgsh's own `bgsh:*` tags always pass.
@Suite struct TagLimitTests {
    @Test func encodedValuesPassAndReadBack() async {
        // Letters, digits, the allowed punctuation, and what tags cannot hold (%, commas, =, é, emoji).
        let pieces: [String] = ["a", "Z", "7", " ", "_", ".", ":", "/", "=", "+", "-", "@", "%", ",", "é", "🙂", "\u{0}", "=2", "=25"]
        let texts = Gen.int(in: 0...(pieces.count - 1)).map { pieces[$0] }.array(of: 0...40).map { $0.joined() }
        await propertyCheck(count: 500, input: texts) { text in
            let encoded = Tag.encodedValue(text)
            #expect(Tag.violation([Tag(key: "k", value: encoded)]) == nil || encoded.count > Tag.maxValueLength)
            #expect(Tag.decodedValue(encoded) == text)
        }
        #expect(Tag.encodedValue("canary:10%:5m") == "canary:10=25:5m")
        #expect(Tag.decodedValue("linear:10:1m") == "linear:10:1m")
    }

    @Test(arguments: [
        (Tag(key: "bgsh:deploy-strategy", value: "canary:10%:5m"), "'%'"),
        (Tag(key: "history", value: "d-1:succeeded,d-2:rolled-back"), "','"),
        (Tag(key: "long", value: String(repeating: "a", count: 257)), "longer than 256"),
        (Tag(key: String(repeating: "k", count: 129), value: "v"), "1 to 128"),
    ])
    func theSimulatorRefusesWhatAWSRefuses(_ tag: Tag, _ reason: String) throws {
        let h = try Harness()
        #expect(h.run("cluster create c\nservice list") == 0)
        let cloud = try h.session.cloud()
        var input = CreateServiceInput(cluster: "c", serviceName: "s")
        input.desiredCount = 0
        input.deploymentController = DeploymentController(type: "EXTERNAL")
        let arn = try cloud.createService(input).service.serviceArn ?? ""
        let error = #expect(throws: AWSError.self) { try cloud.tagResource(TagResourceInput(resourceArn: arn, tags: [tag])) }
        #expect(error?.code == "InvalidParameterException")
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
        let many = (0..<51).map { Tag(key: "k\($0)", value: "v") }
        #expect(throws: AWSError.self) { try cloud.tagResource(TagResourceInput(resourceArn: arn, tags: many)) }
    }

    /// Twelve canary deployments (a % in each strategy, a growing history): every tag passes, the
    /// history keeps the last 10 within 256 characters, and `deployments` still reads it.
    @Test func manyDeploymentsStayWithinTheLimits() throws {
        let h = try Harness()
        #expect(h.run("source \(Harness.root)/Tests/TranscriptTests/Transcripts/lib/web-setup.bgsh") == 0, "\(h.out.stderr)")
        for i in 0..<12 {
            #expect(h.run("cluster web; service web; deploy --image nginx:1.\(i) --strategy canary:10%:1m --wait") == 0, "\(h.out.stderr.suffix(300))")
        }
        let service = try h.session.cloud().describeServices(DescribeServicesInput(cluster: "web", services: ["web"])).services.first
        #expect(Tag.violation(service?.tags ?? []) == nil)
        let history = Tag.value(of: "bgsh:deploy-history", in: service?.tags) ?? ""
        #expect(history.split(separator: ",").count == 10)
        #expect(Tag.value(of: "bgsh:deploy-strategy", in: service?.tags) == "canary:10%:1m")
        #expect(h.run("deployments") == 0)
        #expect(h.out.stdout.contains("d-12"))
    }
}
