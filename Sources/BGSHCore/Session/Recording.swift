import AWSModel
import Foundation

/// A runbook being recorded from a session (`record start FILE.bgsh` … `record stop`): the
/// context commands it needs at the top, the variables it uses that were set before, then what
/// was typed, one entry a line (as typed, continuation lines included), failed ones as comments.
public final class Recording {
    /// Where it is written.
    public let path: String
    /// How it begins: a comment, then `region`, `cluster`, `service` as they were at the start.
    let context: [String]
    /// The session's variables at the start (those the entries use are set at the top).
    let variablesAtStart: [String: String]
    /// What was typed since, with its status.
    public private(set) var entries: [(text: String, status: Int32)] = []

    /// Starts one with the session's context.
    public init(path: String, session: Session, now: Date = Date()) {
        self.path = path
        var context = ["# Recorded by bgsh (\(session.backend.displayName)) on \(ISO8601DateFormatter().string(from: now)); replay it with `bgsh \((path as NSString).lastPathComponent)`."]
        context.append("region \(Recording.quoted(session.region))")
        if let cluster = session.cluster { context.append("cluster \(Recording.quoted(cluster))") }
        if let service = session.service { context.append("service \(Recording.quoted(service))") }
        self.context = context
        variablesAtStart = session.variables
    }

    /// Adds what was typed, unless it only looks back or records (`history`, `help`, `record`).
    public func add(_ text: String, status: Int32) {
        let first = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).first.map(String.init) ?? ""
        guard !["record", "history", "help", ""].contains(first), !text.hasPrefix("#") else { return }
        entries.append((text, status))
    }

    /// The runbook's text.
    public var text: String {
        var lines = context
        let made = entries.filter { $0.status == 0 }.map(\.text)
        let used = Recording.variables(in: made.joined(separator: "\n"))
        let defined = Recording.definitions(in: made)
        for name in used.sorted() where !defined.contains(name) {
            if let value = variablesAtStart[name] { lines.append("set \(name) \(Recording.quoted(value))") }
        }
        for (text, status) in entries {
            if status == 0 { lines.append(text); continue }
            let commented = text.split(separator: "\n", omittingEmptySubsequences: false).map { "#   " + $0 }.joined(separator: "\n")
            lines.append("# failed (status \(status)), left out:\n" + commented)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes the runbook.
    /// - Throws: when the file cannot be written.
    public func write() throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Writes it and says what it holds (`record stop`, and the shell ending while recording).
    /// - Throws: when the file cannot be written.
    public func finish(_ session: Session) throws {
        try write()
        let failed = entries.filter { $0.status != 0 }.count, kept = entries.count - failed
        session.out.writeError("recorded \(kept) command\(kept == 1 ? "" : "s") to \(path)"
                               + (failed > 0 ? " (\(failed) that failed left in as comments)" : "") + "\n")
    }

    /// `$NAME` and `${NAME}` of a text.
    static func variables(in text: String) -> Set<String> {
        var names = Set<String>()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            defer { i += 1 }
            guard scalars[i] == "$", i + 1 < scalars.count else { continue }
            var j = i + 1
            let braced = scalars[j] == "{"
            if braced { j += 1 }
            var name = ""
            while j < scalars.count, scalars[j].isASCII, scalars[j].properties.isAlphabetic || ("0"..."9").contains(scalars[j]) || scalars[j] == "_" {
                name.unicodeScalars.append(scalars[j])
                j += 1
            }
            if !name.isEmpty, !("0"..."9").contains(name.unicodeScalars.first!) { names.insert(name) }
        }
        return names
    }

    /// Names the entries set themselves (`set NAME …`, `--as NAME`).
    static func definitions(in entries: [String]) -> Set<String> {
        var names = Set<String>()
        for entry in entries {
            let words = entry.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
            for (i, word) in words.enumerated() where i + 1 < words.count && (word == "--as" || (i == 0 && word == "set")) {
                names.insert(words[i + 1])
            }
        }
        return names
    }

    /// A word as the shell reads it back: bare when safe, else in single quotes.
    public static func quoted(_ text: String) -> String {
        let safe = !text.isEmpty && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_./:@%+=,".unicodeScalars.contains($0)) }
        return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The journal: each interactive command on a line of `~/.bgsh/journal/YYYY-MM-DD.jsonl` (UTC),
/// with the time, backend, profile, context, status and the ARNs it resolved. Values of
/// variables whose names look secret (`set DB_PASSWORD …`) are written as `***`.
public enum Journal {
    /// Appends an entry; a journal that cannot be written never fails the command.
    public static func append(_ text: String, status: Int32, session: Session, now: Date = Date()) {
        guard let directory = session.journalDirectory else { return }
        let stamp = ISO8601DateFormatter().string(from: now)
        var fields: [(String, JSONValue)] = [("time", .string(stamp)), ("backend", .string(session.backend.displayName))]
        if let profile = session.profile { fields.append(("profile", .string(profile))) }
        fields += [("region", .string(session.region)), ("cluster", session.cluster.map(JSONValue.string) ?? .null),
                   ("service", session.service.map(JSONValue.string) ?? .null), ("command", .string(redacted(text))),
                   ("status", .number(Double(status))), ("arns", .array(session.resolvedArns.map(JSONValue.string)))]
        let line = JSONValue.object(Dictionary(fields, uniquingKeysWith: { a, _ in a })).compact + "\n"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/" + stamp.prefix(10) + ".jsonl"
        if !FileManager.default.fileExists(atPath: path) {
            FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(line.utf8))
    }

    /// `set NAME VALUE` with a secret-looking NAME keeps the name, not the value.
    static func redacted(_ text: String) -> String {
        let secret = ["secret", "token", "password", "passwd", "credential", "key"]
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard words.count == 3, words[0] == "set", secret.contains(where: { words[1].lowercased().contains($0) }) else { return String(line) }
            return "set \(words[1]) ***"
        }.joined(separator: "\n")
    }
}
