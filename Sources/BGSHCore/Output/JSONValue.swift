import AWSModel
import Foundation

extension JSONValue {
    /// Parses JSON text.
    public static func parse(_ text: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    /// Looks up a dotted path (`taskDefinition.revision`, `clusters.0.status`).
    public func value(at path: String) -> JSONValue? {
        var current: JSONValue? = self
        for key in path.split(separator: ".", omittingEmptySubsequences: false).map(String.init) {
            switch current {
            case .object(let o)?: current = o[key]
            case .array(let a)?:
                guard let n = Int(key), a.indices.contains(n) else { return nil }
                current = a[n]
            default: return nil
            }
        }
        return current
    }

    /// `--get FIELD` as the aws CLI's documents suggest: from the root, else from the one record a
    /// describe returns (`--get DNSName` reaches `LoadBalancers[0].DNSName`).
    public func field(_ path: String) -> JSONValue? {
        if let v = value(at: path) { return v }
        guard case .object(let o) = self else { return nil }
        for (_, inner) in o.sorted(by: { $0.key < $1.key }) {
            switch inner {
            case .array(let a) where a.count == 1:
                if let v = a[0].value(at: path) { return v }
            case .object:
                if let v = inner.value(at: path) { return v }
            default: continue
            }
        }
        return nil
    }

    /// The value as a bare word: strings without quotes, numbers without a needless `.0`.
    public var plainText: String {
        switch self {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .number(let n): return JSONValue.format(n)
        case .string(let s): return s
        case .array, .object: return rendered(indent: 4)
        }
    }

    static func format(_ n: Double) -> String {
        if n.rounded() == n, abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }

    /// Pretty JSON with sorted keys (deterministic), `indent` spaces a level, as the aws CLI prints.
    public func rendered(indent: Int = 4) -> String {
        var out = ""
        write(into: &out, level: 0, indent: indent)
        return out
    }

    private func write(into out: inout String, level: Int, indent: Int) {
        let pad = String(repeating: " ", count: (level + 1) * indent)
        let close = String(repeating: " ", count: level * indent)
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += JSONValue.format(n)
        case .string(let s): out += JSONValue.quote(s)
        case .array(let a):
            if a.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, v) in a.enumerated() {
                out += pad
                v.write(into: &out, level: level + 1, indent: indent)
                out += i + 1 < a.count ? ",\n" : "\n"
            }
            out += close + "]"
        case .object(let o):
            if o.isEmpty { out += "{}"; return }
            out += "{\n"
            let keys = o.keys.sorted()
            for (i, k) in keys.enumerated() {
                out += pad + JSONValue.quote(k) + ": "
                o[k]!.write(into: &out, level: level + 1, indent: indent)
                out += i + 1 < keys.count ? ",\n" : "\n"
            }
            out += close + "}"
        }
    }

    /// Compact one-line JSON (for dry-run lines).
    public var compact: String {
        switch self {
        case .array(let a): return "[" + a.map(\.compact).joined(separator: ",") + "]"
        case .object(let o): return "{" + o.keys.sorted().map { JSONValue.quote($0) + ":" + o[$0]!.compact }.joined(separator: ",") + "}"
        default: return rendered()
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
