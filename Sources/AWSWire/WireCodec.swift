import AWSModel
import AWSSigV4
import Foundation

/// Writes inputs and reads outputs of one service by its model, for its protocol.
///
/// The rules are botocore's serializers and parsers (botocore/serialize.py, parsers.py), driven
/// by the generated model: member names and `locationName`/`queryName`, `.member.N` and
/// flattened lists, map entries, result wrappers, timestamp formats.
struct WireCodec {
    let model: ServiceModel

    // MARK: JSON

    /// The input as the JSON protocol's body: only the model's members, under their wire names.
    func jsonBody(_ value: JSONValue, shape: String) throws -> JSONValue {
        switch (try model.shape(shape), value) {
        case (.structure(let members), .object(let object)):
            var out: [String: JSONValue] = [:]
            for (key, member) in object where member != .null {
                guard let spec = members.first(where: { $0.name == key }) else {
                    throw WireModelError("\(model.name) \(shape) has no member \(key)")
                }
                out[spec.locationName ?? spec.name] = try jsonBody(member, shape: spec.shape)
            }
            return .object(out)
        case (.list(let member, _, _), .array(let items)):
            return .array(try items.map { try jsonBody($0, shape: member) })
        case (.map(_, let valueShape, _, _, _), .object(let object)):
            return .object(try object.mapValues { try jsonBody($0, shape: valueShape) })
        case (.scalar, let v):
            return v
        case (_, let v):
            throw WireModelError("\(model.name) \(shape): a \(v) does not fit the shape")
        }
    }

    /// A JSON answer with wire names turned back into member names.
    func fromJSON(_ value: JSONValue, shape: String) throws -> JSONValue {
        switch (try model.shape(shape), value) {
        case (.structure(let members), .object(let object)):
            var out: [String: JSONValue] = [:]
            for spec in members {
                if let v = object[spec.locationName ?? spec.name] { out[spec.name] = try fromJSON(v, shape: spec.shape) }
            }
            return .object(out)
        case (.list(let member, _, _), .array(let items)):
            return .array(try items.map { try fromJSON($0, shape: member) })
        case (.map(_, let valueShape, _, _, _), .object(let object)):
            return .object(try object.mapValues { try fromJSON($0, shape: valueShape) })
        default:
            return value
        }
    }

    // MARK: query and ec2

    /// The input as the query protocols' form parameters (without Action and Version).
    func queryParameters(_ value: JSONValue, shape: String) throws -> [(String, String)] {
        var out: [(String, String)] = []
        try query(value, shape: shape, prefix: "", into: &out)
        return out
    }

    private var isEC2: Bool { model.wireProtocol == .ec2 }

    private func serializedName(_ member: MemberModel) -> String {
        if isEC2 {
            if let q = member.queryName { return q }
            if let l = member.locationName { return l.prefix(1).uppercased() + l.dropFirst() }
            return member.name
        }
        return member.locationName ?? member.name
    }

    private func query(_ value: JSONValue, shape: String, prefix: String, into out: inout [(String, String)]) throws {
        switch (try model.shape(shape), value) {
        case (_, .null):
            return
        case (.structure(let members), .object(let object)):
            for spec in members {
                guard let member = object[spec.name], member != .null else { continue }
                let name = serializedName(spec)
                try query(member, shape: spec.shape, prefix: prefix.isEmpty ? name : prefix + "." + name, into: &out)
            }
            for key in object.keys where !members.contains(where: { $0.name == key }) {
                throw WireModelError("\(model.name) \(shape) has no member \(key)")
            }
        case (.list(let member, let memberName, let flattened), .array(let items)):
            if isEC2 {
                for (i, item) in items.enumerated() { try query(item, shape: member, prefix: "\(prefix).\(i + 1)", into: &out) }
                return
            }
            // AWS: the query protocol sends an empty list as the bare name with an empty value.
            if items.isEmpty { out.append((prefix, "")); return }
            var listPrefix = prefix + "." + (memberName ?? "member")
            if flattened {
                listPrefix = prefix
                if let memberName { listPrefix = (prefix.split(separator: ".").dropLast().map(String.init) + [memberName]).joined(separator: ".") }
            }
            for (i, item) in items.enumerated() { try query(item, shape: member, prefix: "\(listPrefix).\(i + 1)", into: &out) }
        case (.map(let keyShape, let valueShape, let keyName, let valueName, let flattened), .object(let object)):
            let base = flattened ? prefix : prefix + ".entry"
            for (i, key) in object.keys.sorted().enumerated() {
                try query(.string(key), shape: keyShape, prefix: "\(base).\(i + 1).\(keyName ?? "key")", into: &out)
                if let v = object[key] { try query(v, shape: valueShape, prefix: "\(base).\(i + 1).\(valueName ?? "value")", into: &out) }
            }
        case (.scalar(let type, let format), let v):
            switch (type, v) {
            case ("boolean", .bool(let b)): out.append((prefix, b ? "true" : "false"))
            case ("timestamp", .number(let seconds)):
                out.append((prefix, format == "unixTimestamp" ? v.text ?? "" : isoTime(seconds)))
            default:
                guard let text = v.text else { throw WireModelError("\(model.name) \(shape): \(v) is not a scalar") }
                out.append((prefix, text))
            }
        case (_, let v):
            throw WireModelError("\(model.name) \(shape): a \(v) does not fit the shape")
        }
    }

    /// An XML answer as a document with member names: `root` is the response element.
    func fromXML(_ root: XMLElement, operation: OperationModel) throws -> JSONValue {
        guard let output = operation.output else { return .object([:]) }
        var body = root
        if let wrapper = operation.resultWrapper {
            guard let inner = root.child(wrapper) else { return .object([:]) }
            body = inner
        }
        return try xml(body, shape: output)
    }

    private func xml(_ element: XMLElement, shape: String) throws -> JSONValue {
        switch try model.shape(shape) {
        case .structure(let members):
            var out: [String: JSONValue] = [:]
            for spec in members {
                let wireName = spec.locationName ?? spec.name
                if case .list(let itemShape, let itemName, let flattened)? = try? model.shape(spec.shape), flattened {
                    // A flattened list: its items stand directly in the structure, under the item's name.
                    let name = itemName ?? wireName
                    let items = element.children.filter { $0.name == name }
                    if !items.isEmpty { out[spec.name] = .array(try items.map { try xml($0, shape: itemShape) }) }
                } else if let child = element.child(wireName) {
                    out[spec.name] = try xml(child, shape: spec.shape)
                }
            }
            return .object(out)
        case .list(let itemShape, let itemName, _):
            let name = itemName ?? (isEC2 ? "item" : "member")
            return .array(try element.children.filter { $0.name == name }.map { try xml($0, shape: itemShape) })
        case .map(let keyShape, let valueShape, let keyName, let valueName, let flattened):
            let entries = flattened ? [element] : element.children.filter { $0.name == "entry" }
            var out: [String: JSONValue] = [:]
            for entry in entries {
                guard let k = entry.child(keyName ?? "key"), let v = entry.child(valueName ?? "value") else { continue }
                out[try xml(k, shape: keyShape).text ?? k.text] = try xml(v, shape: valueShape)
            }
            return .object(out)
        case .scalar(let type, _):
            let text = element.text
            switch type {
            case "integer", "long", "double", "float":
                if let n = Double(text.trimmingCharacters(in: .whitespaces)) { return .number(n) }
                return .string(text)
            case "boolean":
                return .bool(text.trimmingCharacters(in: .whitespaces) == "true")
            default:
                return .string(text)
            }
        }
    }

    // MARK: errors

    /// An error answer of any protocol as AWSError; nil when the body is not an AWS error (an
    /// HTML page from a proxy or an emulator's crash).
    static func error(protocol wire: WireProtocol, isQueryCompatible: Bool, status: Int, headers: [String: String], body: [UInt8]) -> AWSError? {
        func clean(_ code: String) -> String {
            var c = Substring(code)
            if let hash = c.lastIndex(of: "#") { c = c[c.index(after: hash)...] }
            if let colon = c.firstIndex(of: ":") { c = c[..<colon] }
            return String(c).trimmingCharacters(in: .whitespaces)
        }
        switch wire {
        case .json, .restJSON:
            guard let doc = try? JSONDecoder().decode(JSONValue.self, from: Data(body)), case .object(let o) = doc else { return nil }
            let message = (o["message"] ?? o["Message"] ?? o["errorMessage"])?.text ?? ""
            if isQueryCompatible, let query = headers["x-amzn-query-error"], let code = query.split(separator: ";").first {
                return AWSError(String(code), message, statusCode: status)
            }
            guard let code = (o["__type"] ?? o["code"] ?? o["Code"])?.text ?? headers["x-amzn-errortype"] else { return nil }
            return AWSError(clean(code), message, statusCode: status)
        case .query, .ec2:
            guard let root = try? XMLElement.parse(body) else { return nil }
            let error: XMLElement?
            if root.name == "ErrorResponse" { error = root.child("Error") }
            else if root.name == "Response" { error = root.child("Errors")?.child("Error") }
            else { error = root.name == "Error" ? root : nil }
            guard let error, let code = error.child("Code")?.text, !code.isEmpty else { return nil }
            return AWSError(code, error.child("Message")?.text ?? "", statusCode: status)
        }
    }
}

/// ISO-8601 in UTC with milliseconds, for timestamps in query requests.
func isoTime(_ seconds: Double) -> String { UTCTime(epochSeconds: seconds).iso8601 }
