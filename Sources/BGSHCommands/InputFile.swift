import AWSModel
import BGSHCore
import BGSHSyntax
import Foundation

/// Input files in the aws CLI's `--cli-input-json` shape, with `${NAME}` expanded from session
/// variables (then the environment). A `$` not followed by `{` is literal, so the seed's files
/// work as they are.
enum InputFile {
    /// Reads, expands and decodes a JSON file.
    /// - Parameters:
    ///   - argument: the argument that names the file (errors point at it).
    ///   - knownKeys: the top-level keys bgsh honours; others are refused, as the aws CLI refuses them.
    ///   - nestedKeys: the same for a top-level member's own object (`pipeline`'s members).
    static func decode<T: Decodable>(_ type: T.Type, argument: String, knownKeys: Set<String>, nestedKeys: [String: Set<String>] = [:],
                                     _ invocation: Invocation) throws -> T {
        let written = invocation.string(argument) ?? ""
        let path = invocation.resolvePath(written)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw invocation.failure("cannot read '\(written)': no such file (relative paths start at \(invocation.interpreter.baseDirectory))", at: argument)
        }
        let text = try expand(String(decoding: data, as: UTF8.self), file: written, argument: argument, invocation)
        let document: JSONValue
        do {
            document = try JSONValue.parse(text)
        } catch {
            throw invocation.failure("\(written) is not valid JSON: \(describe(error))", at: argument)
        }
        guard case .object(let object) = document else {
            throw invocation.failure("\(written) must hold a JSON object (the aws CLI's --cli-input-json shape)", at: argument)
        }
        func refuseUnknown(_ object: [String: JSONValue], _ known: Set<String>, prefix: String) throws {
            for key in object.keys.sorted() where !known.contains(key) {
                let hint = Suggest.closest(to: key, in: Array(known)).map { " (did you mean '\($0)'?)" } ?? ""
                throw invocation.failure("\(written): unknown parameter '\(prefix)\(key)'\(hint)", at: argument)
            }
        }
        try refuseUnknown(object, knownKeys, prefix: "")
        for (member, known) in nestedKeys.sorted(by: { $0.key < $1.key }) {
            if case .object(let nested)? = object[member] { try refuseUnknown(nested, known, prefix: member + ".") }
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw invocation.failure("\(written): \(describe(error))", at: argument)
        }
    }

    /// `${NAME}` → its value; an undefined name is an error naming `file:line:col`.
    static func expand(_ text: String, file: String, argument: String, _ invocation: Invocation) throws -> String {
        guard text.contains("${") else { return text }
        var out = ""
        var line = 1, column = 1
        var index = text.startIndex
        while index < text.endIndex {
            let ch = text[index]
            if ch == "$", text[index...].hasPrefix("${"), let close = text[index...].firstIndex(of: "}") {
                let name = String(text[text.index(index, offsetBy: 2)..<close])
                if ValueKind.isVariableName(name) {
                    guard let value = Expander.lookup(name, in: invocation.session) else {
                        throw invocation.failure("\(file):\(line):\(column): undefined variable '\(name)' (set it with `set \(name) VALUE` before this command)", at: argument)
                    }
                    out += value
                    column += text.distance(from: index, to: close) + 1
                    index = text.index(after: close)
                    continue
                }
            }
            out.append(ch)
            if ch == "\n" { line += 1; column = 1 } else { column += 1 }
            index = text.index(after: index)
        }
        return out
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing '\((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))'"
        case DecodingError.typeMismatch(let type, let context), DecodingError.valueNotFound(let type, let context):
            return "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' must be \(type)"
        case DecodingError.dataCorrupted(let context):
            return context.debugDescription
        default:
            return "\(error)"
        }
    }
}
