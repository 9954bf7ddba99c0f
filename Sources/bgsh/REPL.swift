import BGSHCommands
import BGSHCore
import BGSHLineEditor
import BGSHSyntax
import Glibc

/// The interactive loop: prompt with backend and context, continuation lines, history, Ctrl-C
/// that cancels the line, Ctrl-D that leaves with status 0.
struct REPL {
    let interpreter: Interpreter
    let historyPath: String

    func run() -> Int32 {
        let session = interpreter.session
        let completion = CompletionAdapter(interpreter: interpreter)
        let editor = LineEditor(programName: "bgsh", historyPath: historyPath, completion: completion)
        session.historyProvider = { editor.historyEntries() }
        session.earlierHistoryCount = editor.historyEntries().count
        if let home = session.environment["HOME"] { session.journalDirectory = home + "/.bgsh/journal" }
        session.takeInterrupt = { LineEditor.takeInterrupt() }
        session.isInterruptPending = { LineEditor.isInterruptPending }
        session.ask = { question in
            if case .line(let answer) = editor.read(prompt: question) { return answer }
            return nil
        }
        session.askKey = { question, keys in
            session.out.flush()
            return LineEditor.readKey(prompt: question, keys: keys)
        }
        session.confirm = { question in
            if case .line(let answer) = editor.read(prompt: question) {
                return ["y", "yes"].contains(answer.lowercased())
            }
            return false
        }
        defer {
            editor.saveHistory()
            // Leaving while recording writes the runbook, as `record stop` would.
            if let recording = session.recording { try? recording.finish(session); session.recording = nil }
        }
        while !LineEditor.isHangingUp {
            var text: String
            let prompt = session.prompt(status: PromptStatus.suffix(session))
            switch editor.read(prompt: prompt) {
            case .line(let line): text = line
            case .interrupted: continue
            case .endOfInput:
                if !LineEditor.isHangingUp { session.out.write("\n") }
                session.out.flush()
                return 0
            }
            // An open quote or a trailing `\` reads on, psql-style, with a short prompt.
            var cancelled = false
            defer { completion.pending = "" }
            continuation: while interpreter.needsMoreInput(text) {
                completion.pending = text
                switch editor.read(prompt: "> ") {
                case .line(let more): text += "\n" + more
                case .interrupted: cancelled = true; break continuation
                case .endOfInput: break continuation  // run it: the error names the open quote
                }
            }
            if cancelled { continue }
            editor.addHistory(text)
            interpreter.runInteractive(text)
            session.out.flush()
            if let code = session.exitRequest { return code }
        }
        return 129
    }
}
