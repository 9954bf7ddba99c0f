import CAWSNet

/// An XML element as the query protocols' answers need it: a name, child elements and text.
struct XMLElement: Sendable, Equatable {
    var name: String
    var children: [XMLElement] = []
    var text: String = ""

    /// The first child of that name.
    func child(_ name: String) -> XMLElement? { children.first { $0.name == name } }

    /// Parses a document with libxml2 (loaded on first use). Throws on malformed XML.
    static func parse(_ bytes: [UInt8]) throws -> XMLElement {
        var message = [CChar](repeating: 0, count: 512)
        guard bgsh_xml_load(&message, message.count) == 0 else {
            throw WireTransportError(kind: .other, message: String(cString: message))
        }
        let reader: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { bgsh_xml_open($0, Int32(buffer.count)) }
            } ?? nil
        }
        guard let reader else { throw XMLError.malformed("empty document") }
        defer { bgsh_xml_close(reader) }
        var stack: [XMLElement] = []
        var root: XMLElement?
        while true {
            let step = bgsh_xml_next(reader)
            if step == 0 { break }
            if step < 0 { throw XMLError.malformed("not well-formed XML") }
            switch bgsh_xml_node_type(reader) {
            case 1: // element start
                let name = bgsh_xml_local_name(reader).map { String(cString: $0) } ?? ""
                let element = XMLElement(name: name)
                if bgsh_xml_is_empty(reader) == 1 {
                    if stack.isEmpty { root = element } else { stack[stack.count - 1].children.append(element) }
                } else {
                    stack.append(element)
                }
            case 3, 4: // text, CDATA
                if let value = bgsh_xml_value(reader), !stack.isEmpty { stack[stack.count - 1].text += String(cString: value) }
            case 15: // element end
                guard let done = stack.popLast() else { throw XMLError.malformed("an end tag without a start") }
                if stack.isEmpty { root = done } else { stack[stack.count - 1].children.append(done) }
            default:
                continue
            }
        }
        guard let root, stack.isEmpty else { throw XMLError.malformed("the document ends inside an element") }
        return root
    }
}

/// XML that could not be read.
enum XMLError: Error, CustomStringConvertible {
    case malformed(String)
    var description: String {
        switch self { case .malformed(let why): return "malformed XML answer: \(why)" }
    }
}
