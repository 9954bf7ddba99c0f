import Foundation
import Testing

/// `--dry-run` is one gate around the cloud: the blue-green verbs run their real code and print
/// the real calls, and nothing changes — no weight, no tag, no task set, no clock.
@Suite struct DryRunTests {
    @Test func theVerbsPrintTheirRealCallsAndChangeNothing() throws {
        let dir = try StoreTests.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let state = dir + "/sim.db"
        let setup = try String(contentsOfFile: TranscriptTests.folder + "/lib/web-setup.bgsh", encoding: .utf8)
        try (setup + "\ndeploy --image nginx:1.28 --strategy canary:10%:5m\nwait healthy\n").write(toFile: dir + "/setup.bgsh", atomically: true, encoding: .utf8)
        #expect(try StoreTests.run([dir + "/setup.bgsh"], state: state).status == 0)
        let before = try StoreTests.run(["--output", "json", "-c", "cluster web; service web; status; sim clock"], state: state)

        let dry = try StoreTests.run(["--dry-run", "-c", "cluster web; service web; shift 50%; hold; resume; promote; rollback --yes; wait done; status --watch; sleep 10m"], state: state)
        #expect(dry.status == 0, "\(dry.stderr)")
        let lines = dry.stdout.split(separator: "\n").map(String.init)
        let calls = lines.filter { $0.hasPrefix("dry-run: ") }.map { String($0.dropFirst(9).prefix { $0 != " " }) }
        #expect(calls == ["elbv2:ModifyListener", "ecs:TagResource", "ecs:TagResource", "elbv2:ModifyListener", "ecs:UpdateServicePrimaryTaskSet",
                          "ecs:TagResource", "elbv2:ModifyListener", "ecs:DeleteTaskSet", "ecs:TagResource", "wait", "status", "sleep"], "\(dry.stdout)")
        #expect(lines.contains { $0.hasPrefix("dry-run: elbv2:ModifyListener {") && $0.contains("\"Weight\":50") }, "the shift's real request: \(dry.stdout)")

        let after = try StoreTests.run(["--output", "json", "-c", "cluster web; service web; status; sim clock"], state: state)
        #expect(after.stdout == before.stdout, "a dry run changed the deployment or moved the clock")

        let deploy = try StoreTests.run(["--dry-run", "--output", "json", "-c", "cluster web; service web; rollback --yes"], state: state)
        for line in deploy.stdout.split(separator: "\n") where line.contains("dryRun") {
            let object = try StoreTests.json(String(line))
            #expect(object["dryRun"] is String && object["input"] is [String: Any], "one JSON object a line: \(line)")
        }
    }
}
