import AWSModel
import Foundation
import Testing
@testable import BGSHCore

/// `record start`/`stop` (a runbook from a session that replays as-is), the journal, and
/// `history` numbered as the errors are (issue 10).
@Suite struct RecordTests {
    @Test func aRecordedSessionReplaysToTheSameState() throws {
        let shell = try Harness(interactive: true)
        let i = shell.interpreter
        i.runInteractive("cluster create web")
        i.runInteractive("cluster web")
        i.runInteractive("set IMG nginx:1.27")
        i.runInteractive("record start rollout.bgsh")
        i.runInteractive("taskdef register --family web --container web --image $IMG \\\n  --port 80")
        i.runInteractive("clustr list")
        i.runInteractive("cluster create other --as OTHER")
        i.runInteractive("echo $OTHER")
        i.runInteractive("history")
        i.runInteractive("record stop")
        #expect(shell.out.stderr.contains("recorded 3 commands to \(shell.folder)/rollout.bgsh (1 that failed left in as comments)"))
        let text = try String(contentsOfFile: shell.folder + "/rollout.bgsh", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0].hasPrefix("# Recorded by bgsh (sim) on "))
        #expect(Array(lines[1...]) == [
            "region us-east-1", "cluster web", "set IMG nginx:1.27",
            "taskdef register --family web --container web --image $IMG \\", "  --port 80",
            "# failed (status 2), left out:", "#   clustr list",
            "cluster create other --as OTHER", "echo $OTHER", "",
        ])
        // Replayed on a fresh simulator after the same start (the cluster), it makes the same.
        let replay = try Harness()
        #expect(replay.run("cluster create web") == 0)
        #expect(replay.run(text, name: "rollout.bgsh") == 0)
        for h in [shell, replay] {
            let cloud = try h.session.cloud()
            #expect(try ResourceNames.clusters(cloud).sorted() == ["other", "web"])
            #expect(try cloud.listAllTaskDefinitionFamilies() == ["web"])
            #expect(try cloud.describeTaskDefinition(DescribeTaskDefinitionInput(taskDefinition: "web")).taskDefinition.containerDefinitions?.first?.image == "nginx:1.27")
        }
    }

    @Test func recordRefusesWhatItCannotDo() throws {
        let shell = try Harness(interactive: true)
        shell.write("taken.bgsh", "cluster list\n")
        #expect(shell.run("record stop") == 1)
        #expect(shell.out.stderr.contains("not recording: `record start FILE.bgsh` begins one"))
        #expect(shell.run("record start taken.bgsh") == 1)
        #expect(shell.out.stderr.contains("taken.bgsh exists: give another name, or --force to replace it"))
        #expect(try String(contentsOfFile: shell.folder + "/taken.bgsh", encoding: .utf8) == "cluster list\n", "left as it was")
        #expect(shell.run("record start no/such/folder/x.bgsh") == 1)
        #expect(shell.out.stderr.contains("cannot write"))
        #expect(shell.run("record start new.bgsh\nrecord start again.bgsh") == 1)
        #expect(shell.out.stderr.contains("already recording to \(shell.folder)/new.bgsh"))
    }

    @Test func eachInteractiveCommandIsJournaledWithoutSecrets() throws {
        let shell = try Harness(interactive: true)
        shell.session.journalDirectory = shell.folder + "/journal"
        shell.interpreter.runInteractive("set DB_PASSWORD hunter2")
        shell.interpreter.runInteractive("cluster create web")
        shell.interpreter.runInteractive("cluster describe nope")
        let files = try FileManager.default.contentsOfDirectory(atPath: shell.folder + "/journal")
        #expect(files.count == 1 && files[0].hasSuffix(".jsonl"))
        let lines = try String(contentsOfFile: shell.folder + "/journal/" + files[0], encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(!lines.joined().contains("hunter2") && lines[0].contains("set DB_PASSWORD ***"))
        let made = try JSONValue.parse(String(lines[1]))
        #expect(made.field("command") == .string("cluster create web") && made.field("status") == .number(0) && made.field("backend") == .string("sim"))
        #expect(made.field("arns") == .array([.string("arn:aws:ecs:us-east-1:123456789012:cluster/web")]))
        #expect(try JSONValue.parse(String(lines[2])).field("status") == .number(1))
    }

    @Test func historyNumbersThisSessionAsItsErrorsAre() throws {
        let shell = try Harness(interactive: true)
        shell.session.historyProvider = { ["earlier one"] }
        shell.session.earlierHistoryCount = 1
        let i = shell.interpreter
        i.runInteractive("cluster create web")
        i.runInteractive("cluster describe \\\n  --nope")
        #expect(shell.out.stderr.contains("<stdin>:3:"), "the error is located on the entry's second line")
        i.runInteractive("history")
        #expect(shell.out.stdout.hasSuffix("    ·  earlier one\n    1  cluster create web\n    2  cluster describe \\\n         --nope\n    4  history\n"))
    }
}
