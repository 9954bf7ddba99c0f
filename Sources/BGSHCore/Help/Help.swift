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
        var out = "usage: \(spec.usage)\n\n\(spec.summary)\n"
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
        case .choice(let words): return " (\(words.joined(separator: "|")))"
        case .percentage(let signed): return signed ? " (like 10%, +5%, -5%)" : " (like 10%, 0–100)"
        case .duration: return " (like 30s, 5m, 1h30m)"
        case .port: return " (1–65535)"
        case .integer(let r): return " (\(r.lowerBound)–\(r.upperBound))"
        case .file(let exts) where !exts.isEmpty: return " (" + exts.map { "." + $0 }.joined(separator: ", ") + " file)"
        default: return ""
        }
    }
}
