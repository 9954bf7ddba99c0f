import BGSHCore
import Foundation

/// `record start FILE.bgsh [--force]`: what is typed from here on becomes a runbook.
struct RecordStart: Command {
    static let spec = CommandSpec(
        ["record", "start"], group: .shell,
        summary: "save what is typed from here on as a replayable runbook (context commands at the top)",
        arguments: [ArgumentSpec("FILE", .file(extensions: ["bgsh"]), help: "the runbook to write (FILE.bgsh)")],
        options: [.flag("force", help: "replace FILE if it exists")],
        examples: [Example("record start rollout.bgsh", "record the next commands; `record stop` writes rollout.bgsh")])

    static func run(_ invocation: Invocation) throws {
        let session = invocation.session
        if let recording = session.recording {
            throw invocation.failure("already recording to \(recording.path): `record stop` first")
        }
        let path = invocation.resolvePath(invocation.string("FILE") ?? "")
        if FileManager.default.fileExists(atPath: path), !invocation.flag("force") {
            throw invocation.failure("\(path) exists: give another name, or --force to replace it", at: "FILE")
        }
        let recording = Recording(path: path, session: session)
        do {
            try recording.write()  // now, so that a folder that cannot be written is said at once
        } catch {
            throw invocation.failure("cannot write \(path): \(error.localizedDescription)", at: "FILE")
        }
        session.recording = recording
        session.out.writeError("recording to \(path): `record stop` writes it\n")
    }
}

/// `record stop`: writes the runbook being recorded.
struct RecordStop: Command {
    static let spec = CommandSpec(
        ["record", "stop"], group: .shell,
        summary: "stop recording and write the runbook",
        examples: [Example("record stop", "write the runbook `record start` began")])

    static func run(_ invocation: Invocation) throws {
        let session = invocation.session
        guard let recording = session.recording else {
            throw invocation.failure("not recording: `record start FILE.bgsh` begins one")
        }
        try recording.finish(session)
        session.recording = nil
    }
}
