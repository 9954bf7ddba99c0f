import BGSHSyntax

/// Matches words to a command spec: the path, then flags and positionals, checking typed values
/// that are known. The same code checks a runbook before it runs (literals only) and binds each
/// command when it runs (everything expanded), so the two can never disagree.
public enum Binder {
    /// Binds words to a command of `table`.
    /// - Parameters:
    ///   - words: the command's words (at least one).
    ///   - table: the commands.
    /// - Throws: `BindError` naming the word at fault.
    public static func bind(_ words: [BindWord], in table: CommandTable) throws(BindError) -> Binding {
        guard let first = words.first else { throw BindError(message: "empty command", span: Span(start: 0, end: 0)) }
        let whole = words.dropFirst().reduce(first.span) { $0.union($1.span) }

        // 1. The command path: the longest run of bare words that the table knows.
        guard first.isBareText, let firstText = first.text else {
            throw BindError(message: "a command name must be written as plain text, not quoted or from a variable", span: first.span)
        }
        var path: [String] = []
        var index = 0
        while index < words.count, words[index].isBareText, let text = words[index].text, table.hasPrefix(path + [text]) {
            path.append(text)
            index += 1
        }
        if path.isEmpty {
            let names = table.subcommands(of: [])
            let hint = Suggest.closest(to: firstText, in: names).map { " (did you mean '\($0)'?)" } ?? ""
            throw BindError(message: "unknown command '\(shorten(firstText))'\(hint); type help for the list", span: first.span)
        }
        // Back off to the longest prefix that is a command itself (`cluster prod` is `cluster` + NAME).
        var commandPathLength = path.count
        while commandPathLength > 0, table.command(at: Array(path.prefix(commandPathLength))) == nil { commandPathLength -= 1 }
        guard commandPathLength > 0, let command = table.command(at: Array(path.prefix(commandPathLength))) else {
            let subs = table.subcommands(of: path)
            let joined = path.joined(separator: " ")
            if index < words.count, let next = words[index].text, !words[index].isFlagSyntax {
                let hint = Suggest.closest(to: next, in: subs).map { " (did you mean '\($0)'?)" } ?? ""
                throw BindError(message: "unknown subcommand '\(shorten(next))' for '\(joined)'\(hint); it takes \(subs.joined(separator: ", "))",
                                span: words[index].span)
            }
            if index < words.count, words[index].text == "--help" || words[index].flagPrefix == "--help" {
                let member = table.commands.first { Array($0.spec.path.prefix(path.count)) == path } ?? table.commands[0]
                return Binding(command: member, pathSpan: first.span, isHelp: true, helpPath: path, arguments: [:], options: [:], span: whole)
            }
            throw BindError(message: "'\(joined)' needs a subcommand: \(subs.joined(separator: ", "))",
                            span: words[index - 1].span)
        }
        let spec = command.spec
        let pathSpan = words[0..<commandPathLength].dropFirst().reduce(first.span) { $0.union($1.span) }

        // 2. Flags and positionals.
        var arguments: [String: [BoundItem]] = [:]
        var options: [String: [BoundItem]] = [:]
        var positionals: [BindWord] = []
        var afterDashes = false
        var i = commandPathLength
        while i < words.count {
            let word = words[i]
            i += 1
            guard word.isFlagSyntax, !afterDashes else { positionals.append(word); continue }
            guard let raw = word.text ?? word.flagPrefix, raw.hasPrefix("-") else { positionals.append(word); continue }
            if raw == "--" { afterDashes = true; continue }
            guard raw.hasPrefix("--") else {
                let hint = Suggest.closest(to: String(raw.drop { $0 == "-" }), in: spec.options.map(\.name) + ["help"])
                    .map { " (did you mean '--\($0)'?)" } ?? ""
                throw BindError(message: "unknown flag '\(shorten(raw))' for '\(spec.name)'\(hint); flags are written --name", span: word.span)
            }
            let body = raw.dropFirst(2)
            let name: String
            var inlineValue: String?
            var inlineValueKnown = true
            if let eq = body.firstIndex(of: "=") {
                name = String(body[..<eq])
                inlineValue = String(body[body.index(after: eq)...])
                if word.text == nil { inlineValueKnown = false }
            } else {
                guard word.text != nil else {
                    throw BindError(message: "a flag name must be written out, not built from a variable", span: word.span)
                }
                name = String(body)
            }
            if name == "help" {
                return Binding(command: command, pathSpan: pathSpan, isHelp: true, helpPath: spec.path, arguments: [:], options: [:], span: whole)
            }
            if let option = spec.option(named: name) {
                if let kind = option.kind {
                    var item: BoundItem
                    if let inlineValue {
                        item = BoundItem(value: nil, text: inlineValueKnown ? inlineValue : nil, span: word.span)
                    } else {
                        guard i < words.count, !words[i].isFlagSyntax else {
                            throw BindError(message: "--\(name) needs a value (\(option.valueName))", span: word.span)
                        }
                        item = BoundItem(value: nil, text: words[i].text, span: words[i].span)
                        i += 1
                    }
                    if let text = item.text { item.value = try check(text, kind, span: item.span, what: "--\(name)") }
                    if options[name] != nil, !option.isRepeatable {
                        throw BindError(message: "--\(name) is given twice; give it once", span: word.span)
                    }
                    options[name, default: []].append(item)
                } else {
                    if inlineValue != nil {
                        throw BindError(message: "--\(name) is a switch and takes no value (write --\(name) or --no-\(name))", span: word.span)
                    }
                    if options[name] != nil { throw BindError(message: "--\(name) is given twice; give it once", span: word.span) }
                    options[name] = [BoundItem(value: .flag(true), text: "true", span: word.span)]
                }
                continue
            }
            if name.hasPrefix("no-"), let option = spec.option(named: String(name.dropFirst(3))), option.kind == nil, inlineValue == nil {
                if options[option.name] != nil { throw BindError(message: "--\(option.name) is given twice; give it once", span: word.span) }
                options[option.name] = [BoundItem(value: .flag(false), text: "false", span: word.span)]
                continue
            }
            let known = spec.options.map(\.name) + spec.options.filter { $0.kind == nil }.map { "no-" + $0.name } + ["help"]
            let hint = Suggest.closest(to: name, in: known).map { " (did you mean '--\($0)'?)" } ?? ""
            let list = spec.options.isEmpty ? "; '\(spec.name)' takes no flags" : ""
            throw BindError(message: "unknown flag '--\(shorten(name))' for '\(spec.name)'\(hint)\(list)", span: word.span)
        }

        var p = 0
        for argument in spec.arguments {
            if argument.isVariadic {
                let rest = positionals[p...].map { BoundItem(value: nil, text: $0.text, span: $0.span) }
                if rest.isEmpty, !argument.isOptional {
                    throw BindError(message: "'\(spec.name)' needs \(argument.name) (usage: \(spec.usage))", span: Span(start: whole.end, end: whole.end))
                }
                var checked: [BoundItem] = []
                for var item in rest {
                    if let text = item.text { item.value = try check(text, argument.kind, span: item.span, what: argument.name) }
                    checked.append(item)
                }
                if argument.kind == .condition {
                    let first = positionals.indices.contains(p) ? positionals[p].isLiteral : true
                    if case .failure(let failure) = Condition.parse(checked.map(\.text), firstIsLiteral: first) {
                        let span = failure.wordIndex.flatMap { checked.indices.contains($0) ? checked[$0].span : nil } ?? Span(start: whole.end, end: whole.end)
                        throw BindError(message: failure.message, span: span)
                    }
                }
                arguments[argument.name] = checked
                p = positionals.count
                break
            }
            guard p < positionals.count else {
                if argument.isOptional { break }
                throw BindError(message: "'\(spec.name)' needs \(argument.name) (usage: \(spec.usage))", span: Span(start: whole.end, end: whole.end))
            }
            var item = BoundItem(value: nil, text: positionals[p].text, span: positionals[p].span)
            if let text = item.text { item.value = try check(text, argument.kind, span: item.span, what: argument.name) }
            arguments[argument.name] = [item]
            p += 1
        }
        for option in spec.options where option.isRequired && options[option.name] == nil {
            throw BindError(message: "'\(spec.name)' needs --\(option.name) \(option.valueName) (usage: \(spec.usage))",
                            span: Span(start: whole.end, end: whole.end))
        }
        if p < positionals.count {
            let extra = positionals[p]
            let takes = spec.arguments.isEmpty ? "takes no arguments" : "takes \(spec.arguments.map(\.name).joined(separator: " "))"
            let shown = extra.text.map { "'\(shorten($0))'" } ?? "argument"
            throw BindError(message: "unexpected \(shown): '\(spec.name)' \(takes) (usage: \(spec.usage))", span: extra.span)
        }
        return Binding(command: command, pathSpan: pathSpan, isHelp: false, helpPath: spec.path, arguments: arguments, options: options, span: whole)
    }

    private static func check(_ text: String, _ kind: ValueKind, span: Span, what: String) throws(BindError) -> Value {
        switch kind.check(text) {
        case .success(let value): return value
        case .failure(let error): throw BindError(message: "\(what): \(error.message)", span: span)
        }
    }

    /// A word cut to a readable length for messages (a 1 MB word stays readable).
    static func shorten(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}
