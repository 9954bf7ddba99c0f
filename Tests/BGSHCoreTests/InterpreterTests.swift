import BGSHSyntax
import Testing
@testable import BGSHCore

@Suite struct InterpreterTests {
    @Test func variablesExpandFromSessionThenEnvironment() throws {
        let shell = try Harness()
        #expect(shell.run("echo $GREETING\nset GREETING hello there\necho \"$GREETING\" ${MISSING:-fallback} '$GREETING'") == 0)
        #expect(shell.out.stdout == "hi\nhello there fallback $GREETING\n")
    }

    @Test func statusAndLastResult() throws {
        let shell = try Harness()
        shell.run("on-error continue\ncluster nope\necho $?\ncluster create web --as ARN\necho $_ $ARN\necho $?")
        #expect(shell.out.stdout.hasPrefix("1\n"))
        #expect(shell.out.stdout.contains("arn:aws:ecs:us-east-1:123456789012:cluster/web arn:aws:ecs:us-east-1:123456789012:cluster/web\n0\n"))
    }

    @Test func syntaxErrorsAreFoundBeforeAnythingRuns() throws {
        let shell = try Harness()
        let before = try shell.state()
        #expect(shell.run("cluster create a\ncluster create b --bogus\nclustr") == 2)
        #expect(shell.out.stdout.isEmpty)
        #expect(shell.out.stderr.components(separatedBy: "\n").filter { $0.contains("error:") }.count == 2, "every error, not just the first")
        #expect(try shell.state() == before)
    }

    @Test func stopModeStopsAtTheFirstFailure() throws {
        let shell = try Harness()
        #expect(shell.run("echo one\ncluster nope\necho two") == 1)
        #expect(shell.out.stdout == "one\n")
    }

    @Test func continueModeKeepsTheLastFailure() throws {
        let shell = try Harness()
        #expect(shell.run("on-error continue\ncluster nope\necho two\necho $UNDEF\necho three") == 1)
        #expect(shell.out.stdout == "two\nthree\n")
    }

    @Test func exitGivesItsCode() throws {
        let shell = try Harness()
        #expect(shell.run("echo a; exit 7; echo b") == 7)
        #expect(shell.out.stdout == "a\n")
    }

    @Test func exitInASourcedFileLeavesEverything() throws {
        let shell = try Harness()
        shell.write("inner.bgsh", "echo in\nexit 5\necho never\n")
        #expect(shell.run("source inner.bgsh\necho after") == 5)
        #expect(shell.out.stdout == "in\n")
    }

    @Test func positionalArguments() throws {
        let shell = try Harness()
        shell.session.positional = ["blue", "green tg"]
        #expect(shell.run("echo $# $1 \"$2\" ${3:-none}") == 0)
        #expect(shell.out.stdout == "2 blue green tg none\n")
    }

    @Test func sourceResolvesAgainstTheSourcingFile() throws {
        let shell = try Harness()
        try FileManagerHelper.makeDirectory(shell.folder + "/lib")
        shell.write("lib/a.bgsh", "source b.bgsh\n")
        shell.write("lib/b.bgsh", "echo from b\n")
        #expect(shell.run("source lib/a.bgsh") == 0)
        #expect(shell.out.stdout == "from b\n")
    }

    @Test func regionClearsClusterAndService() throws {
        let shell = try Harness()
        #expect(shell.run("cluster create c1\ncluster c1\nregion eu-west-1\ncontext") == 0)
        #expect(shell.session.cluster == nil)
        #expect(shell.session.region == "eu-west-1")
        #expect(shell.run("cluster c1") == 1, "clusters belong to a region")
        #expect(shell.out.stderr.contains("cluster 'c1' not found in eu-west-1"))
    }

    @Test func clusterLifecycle() throws {
        let shell = try Harness()
        #expect(shell.run("""
            cluster create ECS-BlueGreenCluster --as C
            cluster create ECS-BlueGreenCluster
            assert exists cluster ECS-BlueGreenCluster
            cluster ECS-BlueGreenCluster
            cluster
            cluster describe --get status
            cluster delete ECS-BlueGreenCluster
            cluster list
            """) == 0)
        #expect(shell.out.stdout == """
            arn:aws:ecs:us-east-1:123456789012:cluster/ECS-BlueGreenCluster
            arn:aws:ecs:us-east-1:123456789012:cluster/ECS-BlueGreenCluster
            ECS-BlueGreenCluster
            ACTIVE
            deleted cluster ECS-BlueGreenCluster
            NAME  STATUS  SERVICES  RUNNING  PENDING

            """)
        #expect(shell.session.cluster == nil, "deleting the current cluster unselects it")
    }

    @Test func jsonOutputIsTheAwsDocument() throws {
        let shell = try Harness()
        #expect(shell.run("cluster create a\noutput json\ncluster list\ncluster describe a") == 0)
        let text = shell.out.stdout
        #expect(text.contains("\"clusterArns\": [\n        \"arn:aws:ecs:us-east-1:123456789012:cluster/a\"\n    ]"))
        #expect(text.contains("\"failures\": []"))
        #expect(text.contains("\"clusterName\": \"a\""))
    }

    @Test func textOutputIsBare() throws {
        let shell = try Harness()
        #expect(shell.run("cluster create a\ncluster create b\noutput text\ncluster list") == 0)
        #expect(shell.out.stdout.hasSuffix("a\nb\n"))
    }

    @Test func dryRunChangesNothingAndGivesPlaceholders() throws {
        let shell = try Harness()
        shell.session.isDryRun = true
        let before = try shell.state()
        #expect(shell.run("cluster create x --as X\necho $X") == 0)
        #expect(shell.out.stdout == """
            dry-run: ecs:CreateCluster {"clusterName":"x"}
            arn:aws:ecs:us-east-1:123456789012:cluster/dryrun-x
            arn:aws:ecs:us-east-1:123456789012:cluster/dryrun-x

            """)
        #expect(try shell.state() == before)
    }

    @Test func dryRunDeleteChangesNothing() throws {
        let shell = try Harness()
        shell.run("cluster create x")
        shell.session.isDryRun = true
        let before = try shell.state()
        #expect(shell.run("cluster delete x") == 0)
        #expect(shell.out.stdout.hasSuffix("dry-run: ecs:DeleteCluster {\"cluster\":\"arn:aws:ecs:us-east-1:123456789012:cluster/x\"}\n"))
        #expect(try shell.state() == before)
    }

    @Test func deleteAsksOnATerminalAndNoMeansNo() throws {
        let shell = try Harness(interactive: true)
        shell.interpreter.runInteractive("cluster create x")
        var asked: [String] = []
        shell.session.confirm = { asked.append($0); return false }
        let before = try shell.state()
        shell.interpreter.runInteractive("cluster delete x")
        #expect(asked == ["delete cluster x? [y/N] "])
        #expect(try shell.state() == before)
        shell.interpreter.runInteractive("cluster delete x --yes")
        #expect(asked.count == 1)
        #expect(shell.out.stdout.hasSuffix("deleted cluster x\n"))
    }

    @Test func interactiveErrorsShowACaretAndKeepGoing() throws {
        let shell = try Harness(interactive: true)
        shell.interpreter.runInteractive("clustr list")
        shell.interpreter.runInteractive("echo still here")
        #expect(shell.out.stderr == "<stdin>:1:1: error: unknown command 'clustr' (did you mean 'cluster'?); type help for the list\n  clustr list\n  ^~~~~~\n")
        #expect(shell.out.stdout == "still here\n")
        #expect(shell.session.lastStatus == 0)
    }

    @Test func sleepMovesTheVirtualClock() throws {
        let shell = try Harness()
        let start = try shell.backend.now()
        #expect(shell.run("sleep 1h30m") == 0)
        #expect(try shell.backend.now() == start + 5400)
    }

    @Test func helpComesFromTheSpec() throws {
        let shell = try Harness()
        #expect(shell.run("help cluster create\ncluster create --help") == 0)
        let page = Help.page(Harness.table.command(at: ["cluster", "create"])!.spec)
        #expect(shell.out.stdout == page + page)
        #expect(page.hasPrefix("usage: cluster create NAME [--as NAME] [--output FORMAT]\n"))
    }

    @Test func needsMoreInputForOpenQuotesAndContinuations() throws {
        let shell = try Harness(interactive: true)
        #expect(shell.interpreter.needsMoreInput("echo 'abc"))
        #expect(shell.interpreter.needsMoreInput("echo abc \\"))
        #expect(!shell.interpreter.needsMoreInput("echo 'abc'"))
        #expect(!shell.interpreter.needsMoreInput("clustr"))
    }

    @Test func historyComesFromTheProvider() throws {
        let shell = try Harness()
        shell.session.historyProvider = { ["one", "two", "three"] }
        #expect(shell.run("history 2") == 0)
        #expect(shell.out.stdout == "    2  two\n    3  three\n")
    }
}

enum FileManagerHelper {
    static func makeDirectory(_ path: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
}

import Foundation
