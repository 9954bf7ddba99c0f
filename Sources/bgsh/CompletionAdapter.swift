import BGSHCore
import BGSHLineEditor

/// Adapts the shell's completion engine to the line editor's protocol (neither imports the other).
final class CompletionAdapter: LineCompletionSource {
    let interpreter: Interpreter
    /// The lines already read of a command that goes on (`\` or an open quote): TAB on a
    /// continuation line completes in the whole command, not just the line.
    var pending = ""

    init(interpreter: Interpreter) { self.interpreter = interpreter }

    func complete(before: String, word: String) -> LineCompletion {
        let completer = Completer(table: interpreter.table, session: interpreter.session,
                                  baseDirectory: interpreter.baseDirectory)
        let result = completer.complete(before: pending.isEmpty ? before : pending + "\n" + before, partial: word)
        return LineCompletion(candidates: result.candidates, appendsSpace: result.appendsSpace)
    }
}
