import PropertyBased
import Testing
@testable import BGSHSyntax

/// Properties that must hold for any input: no trap, spans inside the input, and layout
/// (extra whitespace, a trailing comment) that changes nothing.
@Suite struct ParserPropertyTests {
    /// Text built from the characters that matter to the lexer, plus some that do not.
    static let interesting: [Character] = [
        " ", "\t", "\n", ";", "#", "'", "\"", "\\", "$", "{", "}", ":", "-", "=", "%", "a", "b", "Z", "_", "1", "é", "\r", "\u{01}",
    ]
    static let text = Gen.int(in: 0...(interesting.count - 1)).map { interesting[$0] }.array(of: 0...60).map { String($0) }
    static let bytes = Gen.int(in: 0...255).map { UInt8($0) }.array(of: 0...80)

    @Test func neverTrapsAndSpansStayInside() async {
        await propertyCheck(count: 2000, input: Self.text) { text in
            let source = SourceFile(name: "p", text: text)
            do {
                let commands = try Parser.parse(source)
                for command in commands {
                    for word in command.words {
                        #expect(word.span.start >= 0 && word.span.end <= source.bytes.count && word.span.start < word.span.end)
                    }
                }
            } catch let error as Diagnostic {
                #expect(error.span.start >= 0 && error.span.end <= source.bytes.count)
                _ = error.rendered(withCaret: true)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test func arbitraryBytesNeverTrap() async {
        await propertyCheck(count: 2000, input: Self.bytes) { bytes in
            let source = SourceFile(name: "p", bytes: bytes)
            do {
                _ = try Parser.parse(source)
            } catch let error as Diagnostic {
                #expect(error.span.end <= bytes.count)
                _ = error.rendered(withCaret: true)
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    /// What a parse means, without spans: the words' parts per command, or that it failed.
    static func meaning(_ text: String) -> String {
        do {
            return try Parser.parse(SourceFile(name: "p", text: text)).map { $0.words.map { describe($0.parts) }.joined(separator: " ") }
                .joined(separator: "\n")
        } catch {
            return "error"
        }
    }

    static func describe(_ parts: [WordPart]) -> String {
        parts.map { part in
            switch part {
            case .text(let s, let quoted): return (quoted ? "q" : "t") + "(\(s))"
            case .variable(let ref): return "v(\(ref.name)" + (ref.defaultValue.map { ":-" + describe($0) } ?? "") + ")"
            }
        }.joined(separator: "+")
    }

    @Test func trailingCommentAndWhitespaceChangeNothing() async {
        let lines = Self.text.map { $0.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ") }
        await propertyCheck(count: 2000, input: lines, Gen.int(in: 1...4)) { line, spaces in
            let base = Self.meaning(line)
            guard base != "error" else { return }
            let pad = String(repeating: " ", count: spaces)
            #expect(Self.meaning(pad + line + pad) == base)
            #expect(Self.meaning(line + pad + "# a comment; with 'quotes") == base)
            #expect(Self.meaning(line + "\n\n") == base)
        }
    }
}
