import BGSHSyntax
import Foundation
import Testing
@testable import BGSHCore

/// One bad input: the runbook, the status it must end with, where the error must point, and a
/// piece of the message.
struct BadInput: CustomTestStringConvertible, Sendable {
    var text: String
    var status: Int32
    var line: Int
    var column: Int
    var message: String
    var testDescription: String { text.count > 60 ? String(text.prefix(60)) + "…" : text }
}

@Suite struct BadInputTests {
    static let cases: [BadInput] = [
        BadInput(text: "echo 'abc", status: 2, line: 1, column: 6, message: "unterminated single quote"),
        BadInput(text: "echo \"abc", status: 2, line: 1, column: 6, message: "unterminated double quote"),
        BadInput(text: "echo abc \\", status: 2, line: 1, column: 10, message: "continues a line"),
        BadInput(text: "clustr list", status: 2, line: 1, column: 1, message: "unknown command 'clustr' (did you mean 'cluster'?)"),
        BadInput(text: "cluster list --foo", status: 2, line: 1, column: 14, message: "unknown flag '--foo'"),
        BadInput(text: "cluster create x --ass y", status: 2, line: 1, column: 18, message: "(did you mean '--as'?)"),
        BadInput(text: "cluster create", status: 2, line: 1, column: 15, message: "needs NAME"),
        BadInput(text: "sleep 5parsecs", status: 2, line: 1, column: 7, message: "'5parsecs' is not a duration"),
        BadInput(text: "echo ok\nanalysis run error-rate latency:p95", status: 2, line: 2, column: 25, message: "'latency:p95' is not a metric"),
        BadInput(text: "analysis run error-rate<1", status: 2, line: 1, column: 14, message: "write it like 1%"),
        BadInput(text: "sleep -1m", status: 2, line: 1, column: 7, message: "negative"),
        BadInput(text: "pct 150%", status: 2, line: 1, column: 5, message: "out of range"),
        BadInput(text: "pct 10 %", status: 2, line: 1, column: 5, message: "'10' is not a percentage"),
        BadInput(text: "pct 12.55%", status: 2, line: 1, column: 5, message: "more than one decimal"),
        BadInput(text: "echo $UNDEFINED", status: 1, line: 1, column: 6, message: "undefined variable 'UNDEFINED'"),
        BadInput(text: "set GREET x\necho $GRET", status: 1, line: 2, column: 6, message: "(did you mean '$GREET'?)"),
        BadInput(text: "source missing.bgsh", status: 1, line: 1, column: 8, message: "cannot read 'missing.bgsh'"),
        BadInput(text: "source t.bgsh", status: 1, line: 1, column: 8, message: "source recursion"),
        BadInput(text: "cluster nope", status: 1, line: 1, column: 9, message: "cluster 'nope' not found"),
        BadInput(text: "cluster prdo", status: 1, line: 1, column: 9, message: "(did you mean 'prod'?)"),
        BadInput(text: "exit notanumber", status: 2, line: 1, column: 6, message: "'notanumber' is not a whole number"),
        BadInput(text: "exit 300", status: 2, line: 1, column: 6, message: "out of range"),
        BadInput(text: "echo ${X", status: 2, line: 1, column: 6, message: "unterminated '${'"),
        BadInput(text: "set 1x y", status: 2, line: 1, column: 5, message: "not a variable name"),
        BadInput(text: "output yaml", status: 2, line: 1, column: 8, message: "'yaml' is not one of table, json, text"),
        BadInput(text: "cluster create a b", status: 2, line: 1, column: 18, message: "unexpected 'b'"),
        BadInput(text: "cluster create x --as", status: 2, line: 1, column: 18, message: "--as needs a value"),
        BadInput(text: "region mars-1", status: 2, line: 1, column: 8, message: "'mars-1' is not one of"),
        BadInput(text: "on-error sometimes", status: 2, line: 1, column: 10, message: "is not one of stop, continue"),
        BadInput(text: "cluster create bad/name", status: 1, line: 1, column: 1, message: "InvalidParameterException"),
        BadInput(text: "cluster describe nope", status: 1, line: 1, column: 18, message: "cluster 'nope' not found"),
        BadInput(text: "cluster delete nope", status: 1, line: 1, column: 16, message: "cluster 'nope' not found"),
        BadInput(text: "unset NEVER", status: 1, line: 1, column: 7, message: "no session variable 'NEVER'"),
        BadInput(text: "assert exists cluster nope", status: 1, line: 1, column: 1, message: "assertion failed"),
        BadInput(text: "set X z\nassert $X == y", status: 1, line: 2, column: 1, message: "$X is 'z', expected 'y'"),
        BadInput(text: "assert wieght blue == 10%", status: 2, line: 1, column: 8, message: "unknown condition"),
        BadInput(text: "assert weight green == 100x", status: 2, line: 1, column: 24, message: "not a share of traffic"),
        BadInput(text: "set P 150\nassert weight green == $P", status: 1, line: 2, column: 24, message: "not a share of traffic"),
        BadInput(text: "assert tasks blue >= -1", status: 2, line: 1, column: 22, message: "not a number of tasks"),
        BadInput(text: "deploy --strategy linear:0%:1m", status: 2, line: 1, column: 19, message: "between 0% and 100%"),
        BadInput(text: "set S canary:10%:5parsecs\ndeploy --strategy $S", status: 1, line: 2, column: 19, message: "is not a duration"),
        BadInput(text: "listener create --port 80 --forward x", status: 2, line: 1, column: 38, message: "needs --lb LB"),
        BadInput(text: "history 0", status: 2, line: 1, column: 9, message: "out of range"),
        BadInput(text: "echo a\u{01}b", status: 2, line: 1, column: 7, message: "control character U+0001"),
        BadInput(text: "--foo", status: 2, line: 1, column: 1, message: "unknown command '--foo'"),
        BadInput(text: "'cluster' list", status: 2, line: 1, column: 1, message: "written as plain text"),
        BadInput(text: "cluster describe prod --get nosuchfield", status: 1, line: 1, column: 29, message: "no field 'nosuchfield'"),
        BadInput(text: "sleep 5m --force", status: 2, line: 1, column: 10, message: "'sleep' takes no flags"),
        BadInput(text: "cluster create x --as=1bad", status: 2, line: 1, column: 18, message: "not a variable name"),
        BadInput(text: "set X 150%\npct $X", status: 1, line: 2, column: 5, message: "out of range"),
        BadInput(text: "help nosuch", status: 1, line: 1, column: 6, message: "no help for 'nosuch'"),
        BadInput(text: "cluster list --no-foo", status: 2, line: 1, column: 14, message: "unknown flag '--no-foo'"),
        BadInput(text: "echo fine\n\nclustr", status: 2, line: 3, column: 1, message: "unknown command"),
        BadInput(text: "echo $3", status: 1, line: 1, column: 6, message: "$3 is not set"),
        BadInput(text: "echo $_", status: 1, line: 1, column: 6, message: "$_ is not set yet"),
        BadInput(text: "cluster delete prod --yes=no", status: 2, line: 1, column: 21, message: "is a switch and takes no value"),
        BadInput(text: "codedeploy x", status: 2, line: 1, column: 12, message: "unknown subcommand 'x' for 'codedeploy'; it takes app, group"),
        BadInput(text: "cluster create x --as A --as B", status: 2, line: 1, column: 25, message: "given twice"),
        BadInput(text: String(repeating: "x", count: 1 << 20), status: 2, line: 1, column: 1, message: "unknown command 'xxxxxxxx"),
    ]

    @Test(arguments: cases)
    func badInputIsReportedAtItsPlaceAndChangesNothing(_ bad: BadInput) throws {
        let shell = try Harness()
        #expect(shell.run("cluster create prod", name: "setup.bgsh") == 0)
        shell.session.lastResult = nil
        let before = try shell.state()
        let printedBefore = shell.out.stdout
        let reportedBefore = shell.out.stderr
        let status = shell.run(bad.text)
        #expect(status == bad.status)
        let firstLine = shell.out.stderr.dropFirst(reportedBefore.count).split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.hasPrefix("t.bgsh:\(bad.line):\(bad.column): error: "), "stderr: \(firstLine.prefix(200))")
        #expect(firstLine.contains(bad.message), "stderr: \(firstLine.prefix(200))")
        #expect(firstLine.count < 400, "messages stay readable")
        #expect(try shell.state() == before)
        if bad.status == 2 { #expect(shell.out.stdout == printedBefore, "a runbook with a syntax error runs nothing") }
    }

    @Test func binaryGarbageIsRefusedWhole() throws {
        let shell = try Harness()
        let before = try shell.state()
        var garbage: [UInt8] = Array("cluster create a\n".utf8)
        for i in 0..<512 { garbage.append(UInt8((i * 167 + 13) % 256)) }
        #expect(shell.run(bytes: garbage) == 2)
        #expect(shell.out.stderr.hasPrefix("t.bgsh:"))
        #expect(try shell.state() == before)
    }

    @Test func aOneMegabyteLineOfValidTextRuns() throws {
        let shell = try Harness()
        let word = String(repeating: "é", count: 1 << 19)
        #expect(shell.run("echo " + word) == 0)
        #expect(shell.out.stdout == word + "\n")
    }

    @Test func sourcedFileErrorsNameTheInnerFile() throws {
        let shell = try Harness()
        shell.write("inner.bgsh", "echo one\n  clustr x\n")
        #expect(shell.run("echo before\nsource inner.bgsh\necho after") == 2)
        #expect(shell.out.stdout == "before\n", "the sourced file is checked whole: 'one' never prints")
        #expect(shell.out.stderr.hasPrefix("inner.bgsh:2:3: error: unknown command 'clustr'"))
    }

    @Test func indirectRecursionIsRefused() throws {
        let shell = try Harness()
        shell.write("a.bgsh", "source b.bgsh\n")
        shell.write("b.bgsh", "source a.bgsh\n")
        #expect(shell.run("source a.bgsh") == 1)
        #expect(shell.out.stderr.contains("b.bgsh:1:8: error: source recursion: t.bgsh → a.bgsh → b.bgsh → a.bgsh"))
    }
}
