@preconcurrency import CLibEdit  // lets Swift 6 touch libedit's C globals (rl_*)
import Glibc
import Synchronization

/// What one read from the terminal gave.
public enum LineInput: Equatable, Sendable {
    /// A line (without its newline).
    case line(String)
    /// Ctrl-C: the half-typed line is dropped.
    case interrupted
    /// Ctrl-D on an empty line, or the terminal went away.
    case endOfInput
}

// State reachable from capture-less C callbacks and signal handlers.
let interruptFlag = Atomic<Bool>(false)
let hangupFlag = Atomic<Bool>(false)

/// Holds the completion source for the C callback.
final class CompletionBox: @unchecked Sendable {
    // SAFETY (@unchecked Sendable): libedit calls the completion callback synchronously on the
    // thread that called readline(), the same thread that sets `source`; nothing else touches it.
    var source: (any LineCompletionSource)?
}

let completionBox = CompletionBox()

/// libedit's completion callback (rl_completion_func_t).
func bgshComplete(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    rl_attempted_completion_over = 1  // libedit resets it after each completion: no filename fallback
    rl_completion_append_character = 32
    guard let text, let line = rl_line_buffer, let source = completionBox.source else { return nil }
    // SAFETY: rl_line_buffer holds at least `start` bytes: libedit passes the word's offset into it.
    let before = String(decoding: UnsafeRawBufferPointer(start: line, count: Int(max(0, start))), as: UTF8.self)
    let result = source.complete(before: before, word: String(cString: text))
    if !result.appendsSpace { rl_completion_append_character = 0 }
    return matchArray(result.candidates)
}

/// libedit wants a malloc'ed, NULL-terminated array: [0] the text to insert (the longest common
/// prefix), then the candidates. It frees every element and the array.
func matchArray(_ candidates: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    guard !candidates.isEmpty,
          let raw = malloc((candidates.count + 2) * MemoryLayout<UnsafeMutablePointer<CChar>?>.stride) else { return nil }
    // SAFETY: raw has room for count + 2 pointers; libedit takes ownership of it and its strings.
    let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: candidates.count + 2)
    array[0] = strdup(longestCommonPrefix(candidates))
    for (i, candidate) in candidates.enumerated() { array[i + 1] = strdup(candidate) }
    array[candidates.count + 1] = nil
    return array
}

/// The interactive line editor: libedit through its readline-compatible API, with emacs keys,
/// history (Up/Down, Ctrl-R) kept in a file, TAB completion, and Ctrl-C/Ctrl-D/SIGHUP handling.
public final class LineEditor {
    /// The history file (libedit's format), written by temp file + rename with mode 0600.
    public let historyPath: String

    /// Sets up libedit. Call once, with stdin a terminal.
    /// - Parameters:
    ///   - programName: the name `~/.editrc` lines are prefixed with.
    ///   - historyPath: where history is loaded from and saved to.
    ///   - completion: who answers TAB.
    public init(programName: String, historyPath: String, completion: any LineCompletionSource) {
        self.historyPath = historyPath
        setlocale(LC_CTYPE, "")  // without it libedit drops non-ASCII input
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        completionBox.source = completion
        rl_readline_name = UnsafePointer(strdup(programName))  // before rl_initialize
        rl_attempted_completion_function = bgshComplete
        // libedit splits words with rl_basic_word_break_characters (GNU readline with the other);
        // '=' is left out so that `--flag=va` completes as one word.
        let breaks = " \t\n\"'><;|&("
        rl_basic_word_break_characters = UnsafePointer(strdup(breaks))
        rl_completer_word_break_characters = strdup(breaks)
        if isatty(STDOUT_FILENO) == 0 && isatty(STDERR_FILENO) == 1 {
            rl_outstream = fdopen(STDERR_FILENO, "w")  // `bgsh | tee log`: edit on stderr
        }
        _ = rl_initialize()
        _ = read_history(historyPath)
        stifle_history(5000)
        LineEditor.installSignalHandlers()
    }

    /// Ctrl-C sets a flag (readline returns); SIGHUP and SIGTERM set another (history is saved, then exit).
    public static func installSignalHandlers() {
        // Touch the atomics first, so that a handler never runs a lazy global initialiser.
        _ = interruptFlag.load(ordering: .relaxed)
        _ = hangupFlag.load(ordering: .relaxed)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptFlag.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        sigaction(SIGINT, &action, nil)
        action.__sigaction_handler.sa_handler = { _ in hangupFlag.store(true, ordering: .relaxed) }
        sigaction(SIGHUP, &action, nil)
        sigaction(SIGTERM, &action, nil)
    }

    /// True once SIGHUP or SIGTERM arrived: save and leave.
    public static var isHangingUp: Bool { hangupFlag.load(ordering: .relaxed) }

    /// True while a Ctrl-C is pending (not cleared): an HTTP request in flight gives up at once,
    /// and the command that made it then takes the interrupt.
    public static var isInterruptPending: Bool { interruptFlag.load(ordering: .relaxed) || hangupFlag.load(ordering: .relaxed) }

    /// Takes (and clears) a pending Ctrl-C, for commands that wait and poll.
    public static func takeInterrupt() -> Bool { interruptFlag.exchange(false, ordering: .relaxed) }

    /// Reads one line with the prompt.
    public func read(prompt: String) -> LineInput {
        _ = interruptFlag.exchange(false, ordering: .relaxed)  // forget a Ctrl-C hit while a command ran
        let raw = readline(prompt)
        // Checked after every readline(): a ^C that raced a keystroke leaves a line to discard.
        if interruptFlag.exchange(false, ordering: .relaxed) {
            free(raw)
            writeToTerminal("^C\n")
            return .interrupted
        }
        guard let raw, !LineEditor.isHangingUp else { free(raw); return .endOfInput }
        defer { free(raw) }
        var line = String(cString: raw)
        while line.last == " " || line.last == "\t" { line.removeLast() }  // completion appends ' '
        return .line(line)
    }

    /// Adds an entry to the history (not blank ones, not a repeat of the last).
    public func addHistory(_ entry: String) {
        guard entry.contains(where: { $0 != " " && $0 != "\t" && $0 != "\n" }) else { return }
        if let last = historyEntries().last, last == entry { return }
        _ = add_history(entry)
    }

    /// The history in memory, oldest first.
    public func historyEntries() -> [String] {
        var entries: [String] = []
        let length = history_length
        entries.reserveCapacity(Int(length))
        for i in 0..<length {
            if let entry = history_get(history_base + i), let line = entry.pointee.line {
                entries.append(String(cString: line))
            }
        }
        return entries
    }

    /// Writes the history file: to a temporary file first, then renamed over the old one, so that
    /// a kill mid-write cannot truncate it.
    public func saveHistory() {
        let temporary = historyPath + ".tmp"
        guard write_history(temporary) == 0 else { return }
        chmod(temporary, 0o600)
        rename(temporary, historyPath)
    }

    private func writeToTerminal(_ text: String) {
        let fd = isatty(STDOUT_FILENO) == 1 ? STDOUT_FILENO : STDERR_FILENO
        _ = text.withCString { Glibc.write(fd, $0, strlen($0)) }
    }
}

extension LineEditor {
    /// Asks a question answered with one key (the interrupt question's `[d]etach, …`): the
    /// terminal is put in non-canonical mode for the key, which is echoed; anything else typed
    /// with it (an Enter after the letter) is dropped. Ctrl-C or end of input answer nil.
    /// - Parameter keys: the letters accepted (lower case; upper case is taken too).
    public static func readKey(prompt: String, keys: Set<Character>) -> Character? {
        fputs(prompt, stdout)
        fflush(stdout)
        var saved = termios()
        guard isatty(0) != 0, tcgetattr(0, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(0, TCSANOW, &raw)
        defer {
            tcflush(0, TCIFLUSH)
            tcsetattr(0, TCSANOW, &saved)
        }
        while true {
            var byte: UInt8 = 0
            let n = Glibc.read(0, &byte, 1)
            if n < 0, errno == EINTR {
                if isInterruptPending { fputs("\n", stdout); return nil }
                continue
            }
            guard n == 1, byte != 4 else { fputs("\n", stdout); return nil }  // end of input, Ctrl-D
            let key = Character(Unicode.Scalar(byte)).lowercased().first ?? " "
            if keys.contains(key) {
                fputs("\(key)\n", stdout)
                fflush(stdout)
                return key
            }
            // Not an answer (a space, Enter, another letter): keep waiting, say what is asked.
            if byte == 10 || byte == 13 { continue }
            fputs("\u{07}", stdout)  // the terminal's bell, as readline does
            fflush(stdout)
        }
    }
}
