import Testing
@testable import BGSHSyntax

/// Parses and returns each command's words as (text or "<var>", span text).
private func parse(_ text: String) throws -> [[Word]] {
    try Parser.parse(SourceFile(name: "t.bgsh", text: text)).map(\.words)
}

private func literals(_ text: String) throws -> [[String?]] {
    try parse(text).map { $0.map(\.literalText) }
}

private func failure(_ text: String) -> Diagnostic? {
    do {
        _ = try Parser.parse(SourceFile(name: "t.bgsh", text: text))
        return nil
    } catch {
        return error
    }
}

@Suite struct ParserTests {
    @Test func wordsAndCommands() throws {
        #expect(try literals("cluster create web") == [["cluster", "create", "web"]])
        #expect(try literals("a b; c d\ne") == [["a", "b"], ["c", "d"], ["e"]])
        #expect(try literals("  a\t b  ") == [["a", "b"]])
        #expect(try literals("\n\n;;\n") == [])
    }

    @Test func spansCoverEachWord() throws {
        let source = SourceFile(name: "t", text: "echo  héllo 'x y'")
        let words = try Parser.parse(source)[0].words
        #expect(words.map { source.text(of: $0.span) } == ["echo", "héllo", "'x y'"])
        #expect(source.location(of: words[2].span.start) == (1, 13))
    }

    @Test func quotes() throws {
        #expect(try literals("echo 'a $B \\n' \"c d\"") == [["echo", "a $B \\n", "c d"]])
        #expect(try literals("echo '' \"\"") == [["echo", "", ""]])
        #expect(try literals("echo a'b'\"c\"") == [["echo", "abc"]])
        #expect(try literals("echo \"a\\\"b\\\\c\\x\"") == [["echo", "a\"b\\c\\x"]])
    }

    @Test func escapesAndContinuation() throws {
        #expect(try literals("echo a\\ b") == [["echo", "a b"]])
        #expect(try literals("echo a \\\n  b") == [["echo", "a", "b"]])
        #expect(try literals("echo a\\\r\nb") == [["echo", "ab"]])
        #expect(try literals("echo \\;x") == [["echo", ";x"]])
        #expect(try literals("echo \\é") == [["echo", "é"]])
    }

    @Test func comments() throws {
        #expect(try literals("# whole line\necho a # trailing\necho b#c") == [["echo", "a"], ["echo", "b#c"]])
        #expect(try literals("echo '#not'") == [["echo", "#not"]])
    }

    @Test func variables() throws {
        let words = try parse("echo $A ${B} ${C:-x $D} \"$E\" $1 $# $? $_ $ 5$ a$")[0]
        func ref(_ w: Word) -> VariableReference? {
            if case .variable(let r)? = w.parts.first { return r }
            return nil
        }
        #expect(ref(words[1])?.name == "A")
        #expect(ref(words[2])?.name == "B")
        #expect(ref(words[3])?.name == "C")
        #expect(ref(words[3])?.defaultValue?.count == 2)
        #expect(ref(words[4])?.name == "E")
        #expect(words[5...8].map { ref($0)?.name } == ["1", "#", "?", "_"])
        #expect(words[9...].map(\.literalText) == ["$", "5$", "a$"])
        #expect(words[3].variableNames == ["C", "D"])
    }

    @Test func singleQuotesDoNotExpand() throws {
        let words = try parse("echo '$A'")[0]
        #expect(words[1].literalText == "$A")
    }

    @Test func flagSyntax() throws {
        let words = try parse("x --a -b -5% -.5 - '--c' --d=$X \\--e")[0]
        #expect(words.map(\.isFlagSyntax) == [false, true, true, false, false, false, false, true, false])
    }

    @Test func bareText() throws {
        let words = try parse("cluster 'list' li\"st\" list")[0]
        #expect(words.map(\.isBareText) == [true, false, false, true])
    }

    @Test(arguments: [
        ("echo 'abc", 1, 6, true),
        ("echo \"abc", 1, 6, true),
        ("echo abc \\", 1, 10, true),
        ("echo ${", 1, 6, false),
        ("echo ${A", 1, 6, false),
        ("echo ${A:-b", 1, 6, false),
        ("echo ${A x}", 1, 9, false),
        ("echo a\u{01}b", 1, 7, false),
        ("ok\necho 'x", 2, 6, true),
    ])
    func errorsPointAtTheirPlace(text: String, line: Int, column: Int, incomplete: Bool) throws {
        let diagnostic = try #require(failure(text))
        let location = diagnostic.source.location(of: diagnostic.span.start)
        #expect(location.line == line)
        #expect(location.column == column)
        #expect(diagnostic.isIncomplete == incomplete)
        #expect(diagnostic.description.hasPrefix("t.bgsh:\(line):\(column): error: "))
    }

    @Test func invalidUTF8IsReported() throws {
        let source = SourceFile(name: "bin", bytes: [0x65, 0x63, 0x68, 0x6F, 0x20, 0xFF, 0xFE])
        #expect(throws: Diagnostic.self) { try Parser.parse(source) }
        do {
            _ = try Parser.parse(source)
        } catch {
            #expect(error.message.contains("invalid UTF-8"))
            #expect(error.span.start == 5)
        }
    }

    @Test func caretLineMarksTheSpan() {
        let source = SourceFile(name: "<stdin>", text: "clustr list")
        let d = Diagnostic("unknown command 'clustr'", at: Span(start: 0, end: 6), in: source)
        #expect(d.rendered(withCaret: true) == "<stdin>:1:1: error: unknown command 'clustr'\n  clustr list\n  ^~~~~~")
    }

    @Test func caretOnALongLineStaysReadable() {
        let text = String(repeating: "a", count: 5000) + " bad"
        let source = SourceFile(name: "x", text: text)
        let d = Diagnostic("m", at: Span(start: 5001, end: 5004), in: source)
        let lines = d.rendered(withCaret: true).split(separator: "\n")
        #expect(lines[1].count < 120)
        let caretColumn = lines[2].firstIndex(of: "^").map { lines[2].distance(from: lines[2].startIndex, to: $0) }
        let badColumn = lines[1].range(of: "bad").map { lines[1].distance(from: lines[1].startIndex, to: $0.lowerBound) }
        #expect(caretColumn == badColumn)
    }

    @Test func firstLineOffsetsLocations() {
        let source = SourceFile(name: "<stdin>", text: "a\nb", firstLine: 10)
        #expect(source.location(of: 2) == (11, 1))
    }
}
