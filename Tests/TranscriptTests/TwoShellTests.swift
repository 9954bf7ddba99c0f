import Foundation
import Testing

/// Two bgsh processes on one deployment, under `sim pace` so that waits take wall time.
@Suite struct TwoShellTests {
    /// A fresh state with lib/web-setup.bgsh run on it (and `then`, if given).
    static func webService(then more: String = "") throws -> (dir: String, state: String) {
        let dir = try StoreTests.folder()
        let state = dir + "/sim.db"
        let setup = try String(contentsOfFile: TranscriptTests.folder + "/lib/web-setup.bgsh", encoding: .utf8)
        try (setup + "\n" + more).write(toFile: dir + "/setup.bgsh", atomically: true, encoding: .utf8)
        #expect(try StoreTests.run([dir + "/setup.bgsh"], state: state).status == 0)
        return (dir, state)
    }

    /// Starts a process with its stdout and stderr on one pipe, not waiting for it.
    static func start(_ executable: String, _ arguments: [String], home: String) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ["HOME": home, "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        return (process, out)
    }

    @Test func aSecondShellRollsBackACanaryTheFirstIsWaitingOn() throws {
        let (dir, state) = try Self.webService()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A virtual minute per wall second: green's health checks take 2.5 s, the canary 5 s.
        #expect(try StoreTests.run(["-c", "sim pace 60"], state: state).status == 0)

        let (first, out) = try Self.start(TranscriptTests.binary, ["--state", state, "-c", "cluster web; service web; deploy --image nginx:1.28 --strategy canary:10%:5m --wait"], home: dir)

        // Wait until the canary has shifted, then roll back from the second shell.
        var shifted = false
        for _ in 0..<100 where !shifted {
            Thread.sleep(forTimeInterval: 0.2)
            let status = try StoreTests.run(["--output", "json", "-c", "cluster web; service web; status"], state: state)
            let green = (try? StoreTests.json(status.stdout))?["green"] as? [String: Any]
            shifted = (green?["weight"] as? Double) == 10
        }
        #expect(shifted, "the canary reached 10%")
        #expect(first.isRunning, "the first shell is still waiting on the canary's 5 minutes")
        let rollback = try StoreTests.run(["-c", "cluster web; service web; rollback --yes"], state: state)
        #expect(rollback.status == 0, "\(rollback.stderr)")

        first.waitUntilExit()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(first.terminationStatus == 4, "the waiting shell ends with 4: \(printed)")
        #expect(printed.contains("ended rolled back"))
        let after = try StoreTests.run(["-c", "sim pace instant; cluster web; service web; assert deployment == rolled-back; assert weight blue == 100%; assert tasks blue == 2"], state: state)
        #expect(after.status == 0, "\(after.stderr)")
    }

    /// Two shells deploy one service at the same moment: exactly one deployment starts; the other
    /// is refused naming it, and the service has one green task set.
    @Test func twoDeploysAtOnceStartExactlyOneDeployment() throws {
        let (dir, state) = try Self.webService()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for round in 0..<4 {
            // Both start together (a barrier file), so their reads and creates interleave.
            let gate = dir + "/go-\(round)"
            var shells: [(Process, Pipe)] = []
            for image in ["nginx:1.28", "nginx:1.29"] {
                shells.append(try Self.start("/bin/sh", ["-c", "while [ ! -e \(gate) ]; do :; done; exec \"$0\" --state \"$1\" -c \"$2\"", TranscriptTests.binary, state,
                                                         "cluster web; service web; deploy --image \(image) --strategy manual"], home: dir))
            }
            Thread.sleep(forTimeInterval: 0.3)
            FileManager.default.createFile(atPath: gate, contents: nil)
            var started = 0
            var texts: [String] = []
            for (shell, out) in shells {
                shell.waitUntilExit()
                let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                texts.append(text)
                if shell.terminationStatus == 0 { started += 1 } else {
                    #expect(text.contains("at the same moment") || text.contains("promote or roll it back before starting another"), "\(text)")
                }
            }
            #expect(started == 1, "exactly one deploy starts: \(texts)")
            let check = try StoreTests.run(["--output", "json", "-c", "cluster web; service web; service describe"], state: state)
            let service = (try? StoreTests.json(check.stdout))?["services"] as? [[String: Any]]
            let active = (service?.first?["taskSets"] as? [[String: Any]])?.filter { $0["status"] as? String == "ACTIVE" } ?? []
            #expect(active.count == 1, "one green task set: \(check.stdout)")
            let rollback = try StoreTests.run(["-c", "cluster web; service web; rollback --yes"], state: state)
            #expect(rollback.status == 0, "\(rollback.stderr)")
        }
    }

    /// `status --watch` follows a manual deployment until it ends, with no timeout of its own;
    /// while it waits on an operator under `sim pace instant` it moves no virtual time.
    @Test func statusWatchFollowsAManualDeploymentWithoutRacingTheClock() throws {
        let (dir, state) = try Self.webService(then: "deploy --image nginx:1.28\nwait healthy\n")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let clock = { try StoreTests.run(["-c", "sim clock"], state: state).stdout }
        let before = try clock()

        let (watcher, out) = try Self.start(TranscriptTests.binary, ["--state", state, "-c", "cluster web; service web; status --watch"], home: dir)
        Thread.sleep(forTimeInterval: 2.0)
        #expect(watcher.isRunning, "a manual deployment waits on the operator: the watch has no timeout")
        #expect(try clock() == before, "the idle watch moved the virtual clock")
        #expect(try StoreTests.run(["-c", "cluster web; service web; shift 50%"], state: state).status == 0)
        Thread.sleep(forTimeInterval: 1.0)
        #expect(try StoreTests.run(["-c", "cluster web; service web; promote"], state: state).status == 0)
        watcher.waitUntilExit()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(watcher.terminationStatus == 0, "\(printed)")
        #expect(printed.contains("[blue 50 | green 50]"), "the watch saw the shift: \(printed)")
        #expect(printed.contains("deployment d-1 succeeded"), "and followed it to the end: \(printed)")
    }
}
