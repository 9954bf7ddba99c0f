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
        #expect(c.complete(before: "", partial: "s").candidates == ["service", "set", "sg", "sim", "sleep", "source", "subnet"])
        #expect(c.complete(before: "sim ", partial: "").candidates == ["advance", "clock", "fail", "pace", "reset"])
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
        #expect(c.complete(before: "cluster describe ", partial: "--").candidates == ["--as", "--get", "--help"])
        #expect(c.complete(before: "cluster describe --get x ", partial: "--").candidates == ["--as", "--help"])
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
