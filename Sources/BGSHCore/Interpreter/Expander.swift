import BGSHSyntax

/// Expands the variables in a word: session variables first, then the environment; `$1`…, `$#`,
/// `$?`, `$_`. An undefined variable is an error, never an empty string.
public enum Expander {
    /// The word's text with every variable replaced.
    /// - Throws: `CommandError` pointing at the first undefined variable.
    public static func expand(_ word: Word, in session: Session) throws -> String {
        try expand(word.parts, in: session)
    }

    static func expand(_ parts: [WordPart], in session: Session) throws -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let s, _): out += s
            case .variable(let ref):
                if let value = lookup(ref.name, in: session), !(value.isEmpty && ref.defaultValue != nil) {
                    out += value
                } else if let fallback = ref.defaultValue {
                    out += try expand(fallback, in: session)
                } else {
                    throw CommandError(undefinedMessage(ref.name, in: session), span: ref.span)
                }
            }
        }
        return out
    }

    /// A variable's value, or nil when it is not defined.
    public static func lookup(_ name: String, in session: Session) -> String? {
        switch name {
        case "?": return String(session.lastStatus)
        case "#": return String(session.positional.count)
        case "_": return session.lastResult
        default:
            if let n = Int(name) {
                if n == 0 { return "bgsh" }
                return n <= session.positional.count ? session.positional[n - 1] : nil
            }
            return session.variables[name] ?? session.environment[name]
        }
    }

    static func undefinedMessage(_ name: String, in session: Session) -> String {
        if name == "_" {
            return "$_ is not set yet: it holds what the last create, register or --get produced"
        }
        if let n = Int(name) {
            let count = session.positional.count
            return "$\(n) is not set: the runbook got \(count) argument\(count == 1 ? "" : "s") (use ${\(n):-default} for an optional one)"
        }
        let hint = Suggest.closest(to: name, in: Array(session.variables.keys)).map { " (did you mean '$\($0)'?)" } ?? ""
        return "undefined variable '\(name)'\(hint): set it with `set \(name) VALUE`, -v \(name)=VALUE, or write ${\(name):-default}"
    }
}
