import Foundation
import Testing

/// The simulator's store under abuse, through the real binary: processes killed mid-write, and
/// several processes writing one state file at once.
@Suite struct StoreTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func bgsh(_ arguments: [String], state: String, wait: Bool = true) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TranscriptTests.binary)
        process.arguments = ["--state", state] + arguments
        process.environment = ["HOME": (state as NSString).deletingLastPathComponent, "PATH": "/usr/bin:/bin"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if wait { process.waitUntilExit() }
        return process
    }

    static func run(_ arguments: [String], state: String) throws -> Run {
        try ShellCompletionTests.run(TranscriptTests.binary, ["--state", state] + arguments,
                                     environment: ["HOME": (state as NSString).deletingLastPathComponent, "PATH": "/usr/bin:/bin"])
    }

    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "bgsh-store-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A state is consistent when it loads and every subnet's VPC and every target group's VPC exist.
    static func checkConsistent(_ state: String) throws -> (vpcs: Int, clusters: Int) {
        let vpcs = try run(["--output", "json", "-c", "vpc list"], state: state)
        #expect(vpcs.status == 0, "the state loads after a kill: \(vpcs.stderr)")
        let vpcIds = Set(((try json(vpcs.stdout))["Vpcs"] as? [[String: Any]] ?? []).compactMap { $0["VpcId"] as? String })
        let subnets = try run(["--output", "json", "-c", "subnet list"], state: state)
        for subnet in (try json(subnets.stdout))["Subnets"] as? [[String: Any]] ?? [] {
            #expect(vpcIds.contains(subnet["VpcId"] as? String ?? ""), "subnet \(subnet["SubnetId"] ?? "") has no VPC")
        }
        let groups = try run(["--output", "json", "-c", "tg list"], state: state)
        for group in (try json(groups.stdout))["TargetGroups"] as? [[String: Any]] ?? [] {
            #expect(vpcIds.contains(group["VpcId"] as? String ?? ""), "target group \(group["TargetGroupName"] ?? "") has no VPC")
        }
        let clusters = try run(["--output", "text", "-c", "cluster list"], state: state)
        #expect(clusters.status == 0)
        return (vpcIds.count, clusters.stdout.split(separator: "\n").count)
    }

    @Test func killedAtRandomPointsTheStateLoadsAndRerunCompletes() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let runbook = dir + "/mutate.bgsh"
        var text = ""
        for n in 0..<30 {
            text += "vpc create 10.\(n).0.0/16 --name v\(n) --as V\n"
            text += "subnet create 10.\(n).1.0/24 --vpc $V --az us-east-1a\n"
            text += "tg create tg\(n) --vpc $V\n"
            text += "cluster create c\(n)\n"
        }
        try text.write(toFile: runbook, atomically: true, encoding: .utf8)

        // How long a whole run takes, to spread the kills over it.
        let started = Date()
        #expect(try Self.run([runbook], state: dir + "/timing.db").status == 0)
        let full = max(0.05, Date().timeIntervalSince(started))

        var seed: UInt64 = 0x5EED
        for trial in 0..<50 {
            let state = dir + "/trial\(trial).db"
            let process = try Self.bgsh([runbook], state: state, wait: false)
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let delay = full * Double((seed >> 33) % 1000) / 1000
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            _ = try Self.checkConsistent(state)
            // Re-running the runbook on what the kill left completes it.
            let rerun = try Self.run([runbook], state: state)
            #expect(rerun.status == 0, "trial \(trial): \(rerun.stderr)")
            let (vpcs, clusters) = try Self.checkConsistent(state)
            #expect(vpcs == 30, "trial \(trial): \(vpcs) VPCs")
            #expect(clusters == 30, "trial \(trial): \(clusters) clusters")
        }
    }

    @Test func fourProcessesOnOneStateLoseNothing() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let state = dir + "/shared.db"
        #expect(try Self.run(["-c", "cluster list"], state: state).status == 0)  // create the schema once
        var processes: [Process] = []
        for p in 0..<4 {
            var text = ""
            for n in 0..<25 {
                text += "cluster create p\(p)-c\(n)\n"
                text += "vpc create 10.\(p).\(n).0/24 --name p\(p)-v\(n)\n"
            }
            let runbook = dir + "/p\(p).bgsh"
            try text.write(toFile: runbook, atomically: true, encoding: .utf8)
            processes.append(try Self.bgsh([runbook], state: state, wait: false))
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let clusters = try Self.run(["--output", "text", "-c", "cluster list"], state: state)
        #expect(Set(clusters.stdout.split(separator: "\n")).count == 100)
        let vpcs = try Self.run(["--output", "json", "-c", "vpc list"], state: state)
        let ids = ((try Self.json(vpcs.stdout))["Vpcs"] as? [[String: Any]] ?? []).compactMap { $0["VpcId"] as? String }
        #expect(ids.count == 100)
        #expect(Set(ids).count == 100, "every VPC got its own id")
    }
}
