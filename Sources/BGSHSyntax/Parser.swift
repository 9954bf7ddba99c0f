/// Turns bgsh text into commands of words, with a span for every word and variable reference.
///
/// The rules (COMMANDS.md, "Lexical rules"): one command per line, `;` separates commands, `#` at
/// the start of a word begins a comment, `'…'` is literal, `"…"` expands variables, `\` escapes the
/// next character, and a `\` at the end of a line continues the command on the next line.
public struct Parser {
    private let source: SourceFile
    private let b: [UInt8]
    private var i = 0

    private var commands: [ParsedCommand] = []
    private var words: [Word] = []
    private var parts: [WordPart] = []
    private var wordStart: Int?
    private var pending: [UInt8] = []
    private var pendingQuoted = false

    /// Parses a whole source.
    /// - Returns: the commands in order (empty lines and comments give none).
    /// - Throws: a `Diagnostic` at the first error; `isIncomplete` is set when more text could
    ///   complete it (an open quote, a `\` at the very end).
    public static func parse(_ source: SourceFile) throws(Diagnostic) -> [ParsedCommand] {
        var parser = Parser(source: source)
        return try parser.run()
    }

    private init(source: SourceFile) {
        self.source = source
        self.b = source.bytes
    }

    private func error(_ message: String, _ start: Int, _ end: Int? = nil, incomplete: Bool = false) -> Diagnostic {
        Diagnostic(message, at: Span(start: start, end: end ?? min(start + 1, b.count)), in: source, isIncomplete: incomplete)
    }

    private mutating func run() throws(Diagnostic) -> [ParsedCommand] {
        try validateUTF8()
        while i < b.count {
            let c = b[i]
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                endWord(); i += 1
            case UInt8(ascii: "\n"), UInt8(ascii: ";"):
                endWord(); endCommand(); i += 1
            case UInt8(ascii: "#") where wordStart == nil:
                while i < b.count, b[i] != UInt8(ascii: "\n") { i += 1 }
            case UInt8(ascii: "'"):
                try singleQuoted()
            case UInt8(ascii: "\""):
                try doubleQuoted()
            case UInt8(ascii: "\\"):
                try backslash(inDoubleQuotes: false)
            case UInt8(ascii: "$"):
                try dollar(quoted: false)
            default:
                if c < 0x20 || c == 0x7F {
                    throw error("unexpected control character \(hexScalar(c)) (bgsh reads text: remove it)", i)
                }
                appendByte(c, quoted: false)
                i += 1
            }
        }
        endWord()
        endCommand()
        return commands
    }

    // MARK: words

    private mutating func beginWord() {
        if wordStart == nil { wordStart = i }
    }

    private mutating func appendByte(_ byte: UInt8, quoted: Bool) {
        beginWord()
        if !pending.isEmpty, pendingQuoted != quoted { flushText() }
        pendingQuoted = quoted
        pending.append(byte)
    }

    private mutating func flushText() {
        guard !pending.isEmpty else { return }
        let text = String(decoding: pending, as: UTF8.self)
        // Adjacent text pieces with the same quoting merge, so that `a'b'c` stays three parts
        // only where quoting changes.
        parts.append(.text(text, quoted: pendingQuoted))
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func endWord() {
        flushText()
        guard let start = wordStart else { return }
        words.append(Word(parts: parts, span: Span(start: start, end: i)))
        parts = []
        wordStart = nil
    }

    private mutating func endCommand() {
        guard !words.isEmpty else { return }
        commands.append(ParsedCommand(words: words))
        words = []
    }

    // MARK: quotes and escapes

    private mutating func singleQuoted() throws(Diagnostic) {
        let open = i
        beginWord()
        i += 1
        // An empty '' still makes a (quoted, empty) word.
        if !pending.isEmpty, !pendingQuoted { flushText() }
        pendingQuoted = true
        while i < b.count, b[i] != UInt8(ascii: "'") {
            pending.append(b[i])
            i += 1
        }
        guard i < b.count else {
            throw error("unterminated single quote (close it with ')", open, incomplete: true)
        }
        i += 1
        if pending.isEmpty { parts.append(.text("", quoted: true)) }
    }

    private mutating func doubleQuoted() throws(Diagnostic) {
        let open = i
        beginWord()
        i += 1
        if !pending.isEmpty, !pendingQuoted { flushText() }
        pendingQuoted = true
        var sawContent = false
        while i < b.count, b[i] != UInt8(ascii: "\"") {
            sawContent = true
            switch b[i] {
            case UInt8(ascii: "\\"):
                try backslash(inDoubleQuotes: true)
            case UInt8(ascii: "$"):
                try dollar(quoted: true)
                pendingQuoted = true
            default:
                appendByte(b[i], quoted: true)
                i += 1
            }
        }
        guard i < b.count else {
            throw error("unterminated double quote (close it with \")", open, incomplete: true)
        }
        i += 1
        if !sawContent { flushText(); parts.append(.text("", quoted: true)) }
    }

    private mutating func backslash(inDoubleQuotes: Bool) throws(Diagnostic) {
        let at = i
        guard i + 1 < b.count else {
            throw error("'\\' at the end of the input continues a line that never comes", at, incomplete: true)
        }
        let next = b[i + 1]
        if next == UInt8(ascii: "\n") { i += 2; return }
        if next == UInt8(ascii: "\r"), i + 2 < b.count, b[i + 2] == UInt8(ascii: "\n") { i += 3; return }
        if inDoubleQuotes, ![UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "$"), UInt8(ascii: "`")].contains(next) {
            // Inside double quotes only \" \\ \$ \` escape; other backslashes stay, as in sh.
            appendByte(UInt8(ascii: "\\"), quoted: true)
            i += 1
            return
        }
        // Copy the whole escaped character, which may take several UTF-8 bytes.
        i += 1
        let length = utf8Length(next)
        for k in 0..<length where i + k < b.count { appendByte(b[i + k], quoted: true) }
        i += length
    }

    // MARK: variables

    private static func isNameStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || c == UInt8(ascii: "_")
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    private mutating func readName() -> String? {
        let start = i
        guard i < b.count else { return nil }
        if Parser.isNameStart(b[i]) {
            while i < b.count, Parser.isNameStart(b[i]) || Parser.isDigit(b[i]) { i += 1 }
        } else if Parser.isDigit(b[i]) {
            while i < b.count, Parser.isDigit(b[i]) { i += 1 }
        } else if b[i] == UInt8(ascii: "#") || b[i] == UInt8(ascii: "?") {
            i += 1
        } else {
            return nil
        }
        return String(decoding: b[start..<i], as: UTF8.self)
    }

    private mutating func dollar(quoted: Bool) throws(Diagnostic) {
        let start = i
        beginWord()
        guard i + 1 < b.count else { appendByte(UInt8(ascii: "$"), quoted: quoted); i += 1; return }
        let next = b[i + 1]
        if next == UInt8(ascii: "{") {
            i += 2
            guard let name = readName() else {
                throw error("expected a variable name after '${'", start, min(i + 1, b.count))
            }
            var defaultValue: [WordPart]?
            if i + 1 < b.count, b[i] == UInt8(ascii: ":"), b[i + 1] == UInt8(ascii: "-") {
                i += 2
                defaultValue = try defaultParts(openedAt: start)
            }
            guard i < b.count, b[i] == UInt8(ascii: "}") else {
                if i >= b.count {
                    throw error("unterminated '${' (close it with })", start, min(start + 2, b.count))
                }
                throw error("unexpected '\(Character(Unicode.Scalar(b[i])))' in '${…}' (write ${NAME} or ${NAME:-default})", i)
            }
            i += 1
            flushText()
            parts.append(.variable(VariableReference(name: name, defaultValue: defaultValue, span: Span(start: start, end: i))))
            return
        }
        i += 1
        // Positional parameters are one digit after a bare `$` ($10 is $1 then 0), as in sh.
        if Parser.isDigit(next) {
            i += 1
            flushText()
            let name = String(Character(Unicode.Scalar(next)))
            parts.append(.variable(VariableReference(name: name, defaultValue: nil, span: Span(start: start, end: i))))
            return
        }
        guard Parser.isNameStart(next) || next == UInt8(ascii: "#") || next == UInt8(ascii: "?"), let name = readName() else {
            // A `$` not followed by a name is literal text (`$5`-style prices are digits, handled above).
            appendByte(UInt8(ascii: "$"), quoted: quoted)
            return
        }
        flushText()
        parts.append(.variable(VariableReference(name: name, defaultValue: nil, span: Span(start: start, end: i))))
    }

    /// The default of `${NAME:-…}`: text, escapes and nested variables up to the closing `}`.
    private mutating func defaultParts(openedAt start: Int) throws(Diagnostic) -> [WordPart] {
        let savedParts = parts, savedPending = pending, savedQuoted = pendingQuoted
        parts = []
        pending = []
        pendingQuoted = false
        while i < b.count, b[i] != UInt8(ascii: "}") {
            switch b[i] {
            case UInt8(ascii: "\\"): try backslash(inDoubleQuotes: false)
            case UInt8(ascii: "$"): try dollar(quoted: true)
            case UInt8(ascii: "'"):
                let open = i
                i += 1
                while i < b.count, b[i] != UInt8(ascii: "'") { appendByte(b[i], quoted: true); i += 1 }
                guard i < b.count else { throw error("unterminated single quote (close it with ')", open, incomplete: true) }
                i += 1
            case UInt8(ascii: "\n"):
                throw error("unterminated '${' (close it with })", start, min(start + 2, b.count))
            default:
                if b[i] < 0x20 || b[i] == 0x7F { throw error("unexpected control character \(hexScalar(b[i]))", i) }
                appendByte(b[i], quoted: true)
                i += 1
            }
        }
        flushText()
        let result = parts
        parts = savedParts
        pending = savedPending
        pendingQuoted = savedQuoted
        return result
    }

    // MARK: bytes

    private func utf8Length(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    private func hexScalar(_ c: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "U+00" + String(digits[Int(c >> 4)]) + String(digits[Int(c & 0xF)])
    }

    private func validateUTF8() throws(Diagnostic) {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = b.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .emptyInput: return
            case .error(let length):
                throw error("invalid UTF-8 (byte 0x\(String(b[offset], radix: 16, uppercase: true))): bgsh reads UTF-8 text only", offset, offset + length)
            }
        }
    }
}
