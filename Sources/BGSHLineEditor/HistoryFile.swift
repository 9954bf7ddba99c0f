import Glibc

/// Reads libedit's history file without libedit (for `history` outside the interactive shell).
public enum HistoryFile {
    /// The entries of a history file, oldest first; an unreadable file gives none.
    public static func entries(at path: String) -> [String] {
        guard let file = fopen(path, "r") else { return [] }
        defer { fclose(file) }
        var entries: [String] = []
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        var first = true
        while getline(&buffer, &capacity, file) > 0, let buffer {
            var line = String(cString: buffer)
            if line.hasSuffix("\n") { line.removeLast() }
            if first { first = false; if line == "_HiStOrY_V2_" { continue } }
            entries.append(decode(line))
        }
        return entries
    }

    /// libedit stores entries vis(3)-encoded: `\040` for a space, `\\` for a backslash.
    public static func decode(_ line: String) -> String {
        var out: [UInt8] = []
        let bytes = Array(line.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\"), i + 3 < bytes.count {
                let digits = bytes[(i + 1)...(i + 3)]
                // Three octal digits name one byte; \400–\777 name none (vis(3) never writes
                // them), so such a file's text is kept as it is rather than overflowing a byte.
                let value = digits.reduce(0) { $0 * 8 + Int($1) - 48 }
                if digits.count == 3, digits.allSatisfy({ $0 >= 48 && $0 <= 55 }), value <= 255 {
                    out.append(UInt8(value))
                    i += 4
                    continue
                }
            }
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\") {
                out.append(UInt8(ascii: "\\"))
                i += 2
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
