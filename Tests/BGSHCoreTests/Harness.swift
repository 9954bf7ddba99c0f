import AWSModel
import BGSHCommands
import BGSHSim
import BGSHSyntax
import Foundation
@testable import BGSHCore

/// A command that exists only in tests: it takes a percentage, the way `shift` will.
struct TestPercent: Command {
    static let spec = CommandSpec(
        ["pct"], group: .shell, summary: "test-only: echo a percentage",
        arguments: [ArgumentSpec("SHARE", .percentage(allowsSign: false), help: "a share")],
        examples: [Example("pct 10%", "prints 10%")])

    static func run(_ invocation: Invocation) throws {
        invocation.session.out.write("\(invocation.percentage("SHARE")?.description ?? "?")\n")
    }
}

/// A shell on a fresh simulator state in a temporary folder, with captured output.
final class Harness {
    let folder: String
    let backend: SimBackend
    let out = CapturedOutput()
    let session: Session
    let interpreter: Interpreter

    static let table = CommandTable(CommandTable.standard.commands + [TestPercent.self])

    init(interactive: Bool = false) throws {
        folder = NSTemporaryDirectory() + "bgsh-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        backend = SimBackend(statePath: folder + "/sim.db")
        session = Session(backend: backend, region: "us-east-1", out: out, environment: ["HOME": folder, "GREETING": "hi"],
                          isInteractive: interactive, workingDirectory: folder)
        interpreter = Interpreter(session: session, table: Harness.table)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs text as a runbook named `name` in the folder.
    @discardableResult
    func run(_ text: String, name: String = "t.bgsh") -> Int32 {
        write(name, text)
        return interpreter.runScript(SourceFile(name: name, text: text), path: folder + "/" + name)
    }

    /// Runs bytes as a runbook.
    func run(bytes: [UInt8], name: String = "t.bgsh") -> Int32 {
        interpreter.runScript(SourceFile(name: name, bytes: bytes), path: folder + "/" + name)
    }

    func write(_ name: String, _ text: String) {
        FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8))
    }

    func state() throws -> [String] { try backend.store().dump() }

    /// The repository's root (for scripts/examples).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Runs scripts/examples/seed-setup.bgsh: the whole seed setup, with $VPC, $SUB1, $SG… set.
    func runSeed() throws {
        let path = Harness.root + "/scripts/examples/seed-setup.bgsh"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let status = interpreter.runScript(SourceFile(name: "seed-setup.bgsh", text: text), path: path)
        guard status == 0 else { throw HarnessError(message: "the seed setup failed: \(out.stderr)") }
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
