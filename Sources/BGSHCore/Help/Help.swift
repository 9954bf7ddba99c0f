/// `help`, `help CMD…` and `CMD --help`, rendered from the command table.
public enum Help {
    /// Renders help for a path: empty for the grouped list, a command's path for its page, a
    /// group's path (`codedeploy`) for its subcommands.
    /// - Throws: `CommandError` for a topic the table does not know, with did-you-mean.
    public static func render(_ path: [String], table: CommandTable) throws -> String {
        if path.isEmpty { return overview(table) }
        if let command = table.command(at: path) {
            return page(command.spec, subcommands: table.subcommands(of: path).compactMap { table.command(at: path + [$0])?.spec })
        }
        guard table.hasPrefix(path) else {
            let known = Set(table.specs.flatMap { spec in spec.path.indices.map { spec.path[...$0].joined(separator: " ") } })
            let asked = path.joined(separator: " ")
            let hint = Suggest.closest(to: asked, in: Array(known).sorted()).map { " (did you mean '\($0)'?)" } ?? ""
            throw CommandError("no help for '\(asked)': there is no such command\(hint); type help for the list")
        }
        let members = table.specs.filter { Array($0.path.prefix(path.count)) == path }
        var out = "\(path.joined(separator: " ")): \(members.count) commands\n\n"
        out += list(members)
        out += "\nType `help COMMAND` for one command's usage, options and examples.\n"
        return out
    }

    static func overview(_ table: CommandTable) -> String {
        var out = "bgsh: blue-green deployments on Amazon ECS\n"
        for group in CommandGroup.allCases {
            let members = table.specs.filter { $0.group == group }
            guard !members.isEmpty else { continue }
            out += "\n\(group.rawValue)\n"
            out += list(members)
        }
        out += "\nType `help COMMAND` (or `COMMAND --help`) for its usage, options and examples.\n"
        return out
    }

    static func list(_ specs: [CommandSpec]) -> String {
        let width = min(28, specs.map { $0.name.count }.max() ?? 0)
        return specs.map { spec in
            let name = spec.name
            let pad = name.count < width ? String(repeating: " ", count: width - name.count) : ""
            return "  \(name)\(pad)  \(spec.summary)\n"
        }.joined()
    }

    /// One command's page: usage, summary, arguments, options, examples.
    public static func page(_ spec: CommandSpec, subcommands: [CommandSpec] = []) -> String {
        var out = spec.usageLines().joined(separator: "\n") + "\n\n\(spec.summary)\n"
        if spec.options.contains(where: \.isRequired) { out += "(options without [ ] are required)\n" }
        if let discussion = spec.discussion { out += "\n\(discussion)\n" }
        if !spec.arguments.isEmpty {
            out += "\nArguments:\n"
            out += rows(spec.arguments.map { ($0.name + ($0.isVariadic ? "…" : ""), $0.help + kindHint($0.kind)) })
        }
        if !spec.options.isEmpty {
            out += "\nOptions:\n"
            out += rows(spec.options.map { option in
                let head = option.kind == nil ? "--[no-]\(option.name)" : "--\(option.name) \(option.valueName)"
                return (head, option.help + (option.kind.map(kindHint) ?? "") + (option.isRepeatable ? " (repeatable)" : ""))
            })
        }
        if !subcommands.isEmpty {
            out += "\nSubcommands:\n"
            out += list(subcommands)
        }
        out += "\nExamples:\n"
        for example in spec.examples {
            out += "  \(example.line)\n      \(example.explanation)\n"
        }
        return out
    }

    static func rows(_ pairs: [(String, String)]) -> String {
        let width = min(30, pairs.map { $0.0.count }.max() ?? 0)
        return pairs.map { head, text in
            let pad = head.count <= width ? String(repeating: " ", count: width - head.count) : " "
            return "  \(head)\(pad)  \(text)\n"
        }.joined()
    }

    static func kindHint(_ kind: ValueKind) -> String {
        switch kind {
        case .choice(let words) where words.count > 8: return " (one of \(words.count); TAB lists them)"
        case .choice(let words): return " (\(words.joined(separator: "|")))"
        case .percentage(let signed): return signed ? " (like 10%, +5%, -5%)" : " (like 10%, 0–100)"
        case .duration: return " (like 30s, 5m, 1h30m)"
        case .port: return " (1–65535)"
        case .integer(let r): return " (\(r.lowerBound)–\(r.upperBound))"
        case .file(let exts) where !exts.isEmpty: return " (" + exts.map { "." + $0 }.joined(separator: ", ") + " file)"
        default: return ""
        }
    }

    /// docs/commands.md: every command of the table by group, with its usage, options and
    /// examples (`bgsh __docs`; a test fails when the committed file differs).
    public static func markdown(_ table: CommandTable) -> String {
        var out = "# bgsh commands\n\nGenerated from bgsh's command table by `bgsh __docs > docs/commands.md`: do not edit.\n"
        out += "The same text as `help COMMAND` in the shell. Options without [ ] are required.\n"
        for group in CommandGroup.allCases {
            let members = table.specs.filter { $0.group == group }
            guard !members.isEmpty else { continue }
            out += "\n## \(group.rawValue)\n\n"
            out += members.map { "- [`\($0.name)`](#\($0.name.replacingOccurrences(of: " ", with: "-"))): \($0.summary)" }.joined(separator: "\n") + "\n"
            for spec in members {
                out += "\n### \(spec.name)\n\n\(spec.summary)\n\n```\n" + spec.usageLines(prefix: "").joined(separator: "\n") + "\n```\n"
                if let discussion = spec.discussion { out += "\n\(discussion)\n" }
                let rows = spec.arguments.map { ("`\($0.name)\($0.isVariadic ? "…" : "")`", $0.help + kindHint($0.kind)) }
                    + spec.options.map { option in
                        (option.kind == nil ? "`--[no-]\(option.name)`" : "`--\(option.name) \(option.valueName)`",
                         option.help + (option.kind.map(kindHint) ?? "") + (option.isRepeatable ? " (repeatable)" : "") + (option.isRequired ? " (required)" : ""))
                    }
                if !rows.isEmpty {
                    out += "\n| argument or option | meaning |\n|---|---|\n"
                    out += rows.map { "| \($0.0.replacingOccurrences(of: "|", with: "\\|")) | \($0.1.replacingOccurrences(of: "|", with: "\\|")) |" }.joined(separator: "\n") + "\n"
                }
                out += "\nExamples:\n\n```\n" + spec.examples.map { "\($0.line)    # \($0.explanation)" }.joined(separator: "\n") + "\n```\n"
            }
        }
        return out
    }
}
