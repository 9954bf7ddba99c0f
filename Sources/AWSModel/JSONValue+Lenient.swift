import Foundation

/// The aws backend reads and writes every protocol through the one JSON document type: inputs
/// become one before a protocol writes them, answers (JSON or XML) become one before they are
/// decoded. `--dry-run` makes its placeholder answers the same way.
extension JSONValue {
    /// The document decoded as `T`, leniently: members AWS leaves out take their type's empty
    /// value, and scalars are converted as the protocol's text requires (XML gives every scalar
    /// as text; some services send times as ISO-8601 text where the shape has epoch seconds).
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: WireDecoder(value: self, path: []))
    }

    /// The member of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// The text of a string (or a number written as text).
    public var text: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n.rounded() == n && abs(n) < 9.0e15 ? String(Int64(n)) : String(n)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    /// The document as compact JSON.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// Epoch seconds from an ISO-8601 time (`2026-11-27T20:51:17.487000Z`, `…+00:00`), or nil.
public func epochSeconds(iso text: String) -> Double? {
    let chars = Array(text.utf8)
    guard chars.count >= 19, chars[4] == UInt8(ascii: "-"), chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " ") else { return nil }
    func int(_ from: Int, _ to: Int) -> Int? {
        guard to <= chars.count else { return nil }
        var n = 0
        for c in chars[from..<to] {
            guard c >= 48, c <= 57 else { return nil }
            n = n * 10 + Int(c - 48)
        }
        return n
    }
    guard let y = int(0, 4), let mo = int(5, 7), let d = int(8, 10), let h = int(11, 13), let mi = int(14, 16), let s = int(17, 19),
          (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61 else { return nil }
    var i = 19
    var fraction = 0.0
    if i < chars.count, chars[i] == UInt8(ascii: ".") {
        i += 1
        var scale = 0.1
        while i < chars.count, chars[i] >= 48, chars[i] <= 57 {
            fraction += Double(chars[i] - 48) * scale
            scale /= 10
            i += 1
        }
    }
    var offset = 0
    if i < chars.count, chars[i] == UInt8(ascii: "+") || chars[i] == UInt8(ascii: "-") {
        guard let oh = int(i + 1, i + 3) else { return nil }
        let om = chars.count >= i + 6 ? (int(i + 4, i + 6) ?? 0) : 0
        offset = (oh * 3600 + om * 60) * (chars[i] == UInt8(ascii: "+") ? 1 : -1)
    }
    // Days from civil (Howard Hinnant's algorithm).
    let yy = mo <= 2 ? y - 1 : y
    let era = (yy >= 0 ? yy : yy - 399) / 400
    let yoe = yy - era * 400
    let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    let days = era * 146_097 + doe - 719_468
    return Double(days * 86_400 + h * 3600 + mi * 60 + s - offset) + fraction
}

/// A `Decoder` over a `JSONValue` that fills in what AWS leaves out (see `JSONValue.decode`).
struct WireDecoder: Decoder {
    /// nil: the member was absent.
    let value: JSONValue?
    let path: [any CodingKey]
    var codingPath: [any CodingKey] { path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch value {
        case .object(let o)?: return KeyedDecodingContainer(Keyed<Key>(object: o, path: path))
        case nil, .null?: return KeyedDecodingContainer(Keyed<Key>(object: [:], path: path))
        case let other?: throw mismatch("an object", other)
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch value {
        case .array(let a)?: return Unkeyed(items: a, path: path)
        case nil, .null?: return Unkeyed(items: [], path: path)
        // XML gives a one-element list whose wrapper was flattened as the element itself.
        case let other?: return Unkeyed(items: [other], path: path)
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(value: value, path: path) }

    func mismatch(_ expected: String, _ got: JSONValue) -> DecodingError {
        DecodingError.typeMismatch(Any.self, .init(codingPath: path, debugDescription: "expected \(expected), found \(got)"))
    }

    struct Index: CodingKey {
        var intValue: Int?
        var stringValue: String { String(intValue ?? 0) }
        init(_ i: Int) { intValue = i }
        init?(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let object: [String: JSONValue]
        let path: [any CodingKey]
        var codingPath: [any CodingKey] { path }
        var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }
        func contains(_ key: Key) -> Bool {
            if let v = object[key.stringValue], v != .null { return true }
            return false
        }
        func decodeNil(forKey key: Key) throws -> Bool { !contains(key) }
        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try T(from: WireDecoder(value: object[key.stringValue], path: path + [key]))
        }
        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard contains(key) else { return nil }
            return try decode(type, forKey: key)
        }
        func nestedContainer<N: CodingKey>(keyedBy type: N.Type, forKey key: Key) throws -> KeyedDecodingContainer<N> {
            try WireDecoder(value: object[key.stringValue], path: path + [key]).container(keyedBy: type)
        }
        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try WireDecoder(value: object[key.stringValue], path: path + [key]).unkeyedContainer()
        }
        func superDecoder() throws -> any Decoder { WireDecoder(value: .object(object), path: path) }
        func superDecoder(forKey key: Key) throws -> any Decoder { WireDecoder(value: object[key.stringValue], path: path + [key]) }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let items: [JSONValue]
        let path: [any CodingKey]
        var currentIndex = 0
        init(items: [JSONValue], path: [any CodingKey]) { self.items = items; self.path = path }
        var codingPath: [any CodingKey] { path }
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }
        mutating func next() throws -> WireDecoder {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: path, debugDescription: "the list has no more items"))
            }
            defer { currentIndex += 1 }
            return WireDecoder(value: items[currentIndex], path: path + [Index(currentIndex)])
        }
        mutating func decodeNil() throws -> Bool {
            if !isAtEnd, items[currentIndex] == .null { currentIndex += 1; return true }
            return false
        }
        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: try next()) }
        mutating func nestedContainer<N: CodingKey>(keyedBy type: N.Type) throws -> KeyedDecodingContainer<N> {
            try next().container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
        mutating func superDecoder() throws -> any Decoder { try next() }
    }

    struct Single: SingleValueDecodingContainer {
        let value: JSONValue?
        let path: [any CodingKey]
        var codingPath: [any CodingKey] { path }

        func decodeNil() -> Bool { value == nil || value == .null }

        func fail(_ expected: String) -> DecodingError {
            DecodingError.typeMismatch(Any.self, .init(codingPath: path, debugDescription: "expected \(expected), found \(String(describing: value))"))
        }

        func decode(_ type: Bool.Type) throws -> Bool {
            switch value {
            case nil, .null?: return false
            case .bool(let b)?: return b
            case .string(let s)?: if s == "true" { return true } else if s == "false" { return false }
            case .number(let n)?: return n != 0
            default: break
            }
            throw fail("a boolean")
        }

        func decode(_ type: String.Type) throws -> String {
            switch value {
            case nil, .null?: return ""
            case let v?: if let t = v.text { return t }
            }
            throw fail("text")
        }

        func decode(_ type: Double.Type) throws -> Double {
            switch value {
            case nil, .null?: return 0
            case .number(let n)?: return n
            case .string(let s)?:
                if let n = Double(s) { return n }
                if let t = epochSeconds(iso: s) { return t }
            default: break
            }
            throw fail("a number")
        }

        func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

        func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
            switch value {
            case nil, .null?: return 0
            case .number(let n)?: if n.rounded() == n, let i = I(exactly: n) { return i }
            case .string(let s)?: if let i = I(s) { return i }
            default: break
            }
            throw fail("a whole number")
        }

        func decode(_ type: Int.Type) throws -> Int { try integer(type) }
        func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
        func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
        func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
        func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
        func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: WireDecoder(value: value, path: path)) }
    }
}
