import Foundation
import Testing

/// The launch and the shell's context on the aws backend, through the real binary.
@Suite struct ConfigurationTests {
    func env(_ home: String, _ extra: [String: String] = [:]) -> [String: String] {
        var e = ["HOME": home, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "NO_COLOR": "1",
                 "AWS_CONFIG_FILE": home + "/config", "AWS_SHARED_CREDENTIALS_FILE": home + "/credentials",
                 "AWS_EC2_METADATA_DISABLED": "true"]
        for (k, v) in extra { e[k] = v }
        return e
    }

    @Test func noCredentialsIsStatusThreeBeforeAnyCall() throws {
        let home = try temporaryFolder()
        // An endpoint nothing listens on: were a call made, it would say "cannot reach", not this.
        let ran = try run(bgshBinary, ["--backend", "aws", "--region", "eu-west-1", "--endpoint-url", "http://127.0.0.1:9", "-c", "echo before; cluster list; echo after"],
                          environment: env(home))
        #expect(ran.status == 3)
        #expect(ran.out == "before\n")
        #expect(ran.err.contains("no AWS credentials"), "\(ran.err)")
    }

    @Test func noRegionIsStatusThree() throws {
        let home = try temporaryFolder()
        let ran = try run(bgshBinary, ["--backend", "aws", "--endpoint-url", "http://127.0.0.1:9", "-c", "cluster list"],
                          environment: env(home, ["AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b"]))
        #expect(ran.status == 3)
        #expect(ran.err.contains("no AWS region"), "\(ran.err)")
    }

    @Test func plainHTTPToAnotherHostIsRefused() throws {
        let home = try temporaryFolder()
        let ran = try run(bgshBinary, ["--backend", "aws", "--region", "eu-west-1", "--endpoint-url", "http://example.com", "-c", "cluster list"],
                          environment: env(home, ["AWS_ACCESS_KEY_ID": "a", "AWS_SECRET_ACCESS_KEY": "b"]))
        #expect(ran.status == 3)
        #expect(ran.err.contains("only over https"), "\(ran.err)")
    }

    @Test func aProfileNamesTheRegionAndProfileSwitchesItAndTheContext() throws {
        let home = try temporaryFolder()
        let endpoint = try Moto.endpoint
        try """
        [profile blue]
        region = ap-northeast-2
        endpoint_url = \(endpoint)
        [profile green]
        region = ap-southeast-2
        endpoint_url = \(endpoint)
        """.write(toFile: home + "/config", atomically: true, encoding: .utf8)
        try "[blue]\naws_access_key_id = AKBLUE\naws_secret_access_key = s\n[green]\naws_access_key_id = AKGREEN\naws_secret_access_key = s\n"
            .write(toFile: home + "/credentials", atomically: true, encoding: .utf8)
        let tag = String(UUID().uuidString.prefix(6)).lowercased()
        let ran = try run(bgshBinary, ["--backend", "aws", "--profile", "blue", "--output", "json", "-c",
                                       "cluster create p\(tag); cluster p\(tag); context; profile green; context; profile"],
                          environment: env(home))
        #expect(ran.status == 0, "\(ran.err)")
        // Each `context` prints one JSON document over several lines.
        var contexts: [[String: Any]] = []
        var document: [Substring]?
        for line in ran.out.split(separator: "\n") {
            if line == "{" { document = [line] } else if document != nil { document?.append(line) }
            if line == "}", let lines = document {
                if let object = try? JSONSerialization.jsonObject(with: Data(lines.joined(separator: "\n").utf8)) as? [String: Any],
                   object["backend"] != nil { contexts.append(object) }
                document = nil
            }
        }
        #expect(contexts.count == 2, "\(ran.out)")
        #expect(contexts.first?["backend"] as? String == "aws:blue")
        #expect(contexts.first?["region"] as? String == "ap-northeast-2")
        #expect(contexts.first?["cluster"] as? String == "p\(tag)")
        #expect(contexts.first?["account"] as? String == "123456789012")
        // The switch: the other profile's region, and the cluster (of the other account) cleared.
        #expect(contexts.last?["backend"] as? String == "aws:green")
        #expect(contexts.last?["region"] as? String == "ap-southeast-2")
        #expect(contexts.last?["cluster"] is NSNull)
        #expect(ran.out.hasSuffix("green\n"))
        let missing = try run(bgshBinary, ["--backend", "aws", "--profile", "blue", "-c", "profile nope"], environment: env(home))
        #expect(missing.status == 3)
        #expect(missing.err.contains("'nope' is not in"), "\(missing.err)")
    }
}
