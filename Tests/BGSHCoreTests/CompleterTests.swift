import BGSHCommands
import Foundation
import Testing
@testable import BGSHCore

@Suite struct CompleterTests {
    func completer(_ shell: Harness) -> Completer {
        Completer(table: Harness.table, session: shell.session, baseDirectory: shell.folder)
    }

    @Test func commandWords() throws {
        let shell = try Harness()
        let c = completer(shell)
        #expect(c.complete(before: "", partial: "cl").candidates == ["cluster"])
        #expect(c.complete(before: "", partial: "s").candidates == ["service", "set", "sg", "shift", "sim", "sleep", "source", "status", "subnet"])
        #expect(c.complete(before: "sim ", partial: "").candidates == ["advance", "clock", "fail", "heal", "load", "pace", "push", "reset", "traffic"])
        #expect(c.complete(before: "codedeploy group ", partial: "").candidates == ["create", "delete"])
        #expect(c.complete(before: "echo a; ", partial: "ex").candidates == ["exit"])
    }

    @Test func subcommandsAndFirstArgument() throws {
        let shell = try Harness()
        shell.run("cluster create ECS-BlueGreenCluster\ncluster create dev")
        let c = completer(shell)
        #expect(c.complete(before: "cluster ", partial: "").candidates == ["ECS-BlueGreenCluster", "create", "delete", "describe", "dev", "list"])
        #expect(c.complete(before: "cluster ", partial: "E").candidates == ["ECS-BlueGreenCluster"])
        #expect(c.complete(before: "cluster ", partial: "de").candidates == ["delete", "describe", "dev"])
        #expect(c.complete(before: "cluster describe ", partial: "d").candidates == ["dev"])
    }

    @Test func flagsAndTheirValues() throws {
        let shell = try Harness()
        let c = completer(shell)
        #expect(c.complete(before: "cluster describe ", partial: "--").candidates == ["--as", "--get", "--help", "--output"])
        #expect(c.complete(before: "cluster describe --get x ", partial: "--").candidates == ["--as", "--help", "--output"])
        #expect(c.complete(before: "output ", partial: "j").candidates == ["json"])
        #expect(c.complete(before: "on-error ", partial: "").candidates == ["continue", "stop"])
        shell.session.variables["ARN"] = "x"
        #expect(c.complete(before: "cluster create x --as ", partial: "A").candidates == ["ARN"])
        #expect(c.complete(before: "cluster create x ", partial: "--as=A").candidates == ["--as=ARN"])
    }

    @Test func variables() throws {
        let shell = try Harness()
        shell.session.variables = ["VPC": "v", "VERSION": "2"]
        let c = completer(shell)
        #expect(c.complete(before: "echo ", partial: "$V").candidates == ["$VERSION", "$VPC"])
        #expect(c.complete(before: "echo ", partial: "${VP").candidates == ["${VPC}"])
    }

    @Test func filesWithExtensions() throws {
        let shell = try Harness()
        try FileManager.default.createDirectory(atPath: shell.folder + "/runbooks", withIntermediateDirectories: true)
        shell.write("runbooks/deploy.bgsh", "")
        shell.write("runbooks/notes.txt", "")
        shell.write("setup.bgsh", "")
        let c = completer(shell)
        #expect(c.complete(before: "source ", partial: "r").candidates == ["runbooks/"])
        #expect(c.complete(before: "source ", partial: "r").appendsSpace == false)
        #expect(c.complete(before: "source ", partial: "runbooks/").candidates == ["runbooks/deploy.bgsh"])
        #expect(c.complete(before: "source ", partial: "se").candidates == ["setup.bgsh"])
    }

    @Test func nothingAfterAnOpenQuoteOrUnknownCommand() throws {
        let shell = try Harness()
        let c = completer(shell)
        #expect(c.complete(before: "echo 'abc ", partial: "").candidates == [])
        #expect(c.complete(before: "nosuch ", partial: "").candidates == [])
    }
}

@Suite struct ResourceCompletionTests {
    @Test func everyResourceKindCompletesFromTheBackend() throws {
        let shell = try Harness()
        try shell.runSeed()
        let c = Completer(table: Harness.table, session: shell.session, baseDirectory: shell.folder)
        #expect(c.complete(before: "listener create --lb my-ecs-alb --port 8080 --forward ", partial: "").candidates == ["blue-tg", "green-tg"])
        #expect(c.complete(before: "service create x --listener ", partial: "my").candidates == ["my-ecs-alb:80"])
        #expect(c.complete(before: "service ", partial: "my").candidates == ["myBGService"])
        #expect(c.complete(before: "service create x --taskdef ", partial: "").candidates == ["ecs-bg-task-def-v1"])
        #expect(c.complete(before: "ecr delete ", partial: "").candidates == ["ecs-demo-app"])
        #expect(c.complete(before: "vpc delete ", partial: "my").candidates == ["my-ecs-vpc"])
        let subnets = c.complete(before: "lb create x --subnets ", partial: "").candidates
        #expect(subnets.count == 2)
        let second = c.complete(before: "lb create x --subnets ", partial: subnets[0] + ",").candidates
        #expect(second == [subnets[0] + "," + subnets[1]], "a list completes its next element, without repeating the first")
        #expect(c.complete(before: "tg health ", partial: "gr").candidates == ["green-tg"])
    }

    /// The cache is kept per scope: switching cluster or region never offers the other's names.
    @Test func theCacheIsKeptPerRegionAndCluster() throws {
        let shell = try Harness()
        #expect(shell.run("cluster create a; cluster create b; region eu-west-1; cluster create c; region us-east-1") == 0)
        let c = Completer(table: Harness.table, session: shell.session, baseDirectory: shell.folder)
        #expect(c.complete(before: "cluster delete ", partial: "").candidates == ["a", "b"])
        #expect(shell.run("region eu-west-1") == 0)
        #expect(c.complete(before: "cluster delete ", partial: "").candidates == ["c"])
        #expect(shell.run("region us-east-1; cluster create d") == 0)
        #expect(c.complete(before: "cluster delete ", partial: "").candidates == ["a", "b", "d"])
    }
}
