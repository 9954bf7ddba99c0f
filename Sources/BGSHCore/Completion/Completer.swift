import AWSModel
import BGSHSyntax
import Foundation

/// Candidates for the word being typed.
public struct Completion: Equatable, Sendable {
    /// Full replacements for the partial word, sorted.
    public var candidates: [String]
    /// Whether a unique candidate is followed by a space (not after a directory's `/`).
    public var appendsSpace: Bool
    /// A few words beside some candidates (a task definition's image, a target group's health),
    /// shown by the shells that show them (zsh, fish).
    public var descriptions: [String: String] = [:]

    /// Creates one.
    public init(_ candidates: [String], appendsSpace: Bool = true, descriptions: [String: String] = [:]) {
        self.candidates = candidates
        self.appendsSpace = appendsSpace
        self.descriptions = descriptions
    }

    /// The same candidates after `head` (what the word holds before the part completed).
    func prefixed(_ head: String, appendsSpace: Bool? = nil) -> Completion {
        Completion(candidates.map { head + $0 }, appendsSpace: appendsSpace ?? self.appendsSpace,
                   descriptions: Dictionary(descriptions.map { (head + $0.key, $0.value) }, uniquingKeysWith: { a, _ in a }))
    }
}

/// The completion engine: from the command table and the session, what may come next. Used by the
/// REPL's TAB and by `bgsh __complete` (which the scripts in completions/ call).
public struct Completer {
    /// The commands.
    public let table: CommandTable
    /// The session (live resource names, variables, the working directory).
    public let session: Session
    /// The folder relative file paths complete against.
    public let baseDirectory: String
    /// How long a lookup is waited for (`lookupBound`; tests set their own).
    public var bound = Completer.lookupBound

    /// Creates one.
    public init(table: CommandTable, session: Session, baseDirectory: String) {
        self.table = table
        self.session = session
        self.baseDirectory = baseDirectory
    }

    /// Completes `partial`, the word under the cursor, after the text `before` it.
    public func complete(before: String, partial: String) -> Completion {
        guard let words = Completer.wordsOfLastCommand(before) else { return Completion([]) }
        return complete(words: words, partial: partial)
    }

    /// The words of the command being typed, or nil when the text before cannot be read (an open quote).
    static func wordsOfLastCommand(_ before: String) -> [Word]? {
        let source = SourceFile(name: "<completion>", text: before)
        guard let commands = try? Parser.parse(source) else { return nil }
        guard let last = commands.last else { return [] }
        let tail = source.bytes[last.span.end...]
        if tail.contains(UInt8(ascii: ";")) || tail.contains(UInt8(ascii: "\n")) { return [] }
        return last.words
    }

    /// Completes `partial` on bgsh's own command line (`bgsh WORD… PARTIAL`, what the shell
    /// completions ask): launch flags and their values, `.bgsh` runbooks, and after `-c` the
    /// shell's commands inside its one word (`-c "cluster web; service l`).
    public func completeLaunch(words: [String], partial: String) -> Completion {
        var index = 0
        var pending: LaunchFlag?
        var runbookGiven = false
        while index < words.count {
            let word = words[index]
            index += 1
            if let flag = pending { _ = flag; pending = nil; continue }
            if word == "--" { runbookGiven = runbookGiven || index < words.count; continue }
            if let flag = LaunchFlags.flag(word) {
                if flag.kind != nil { pending = flag }
                continue
            }
            if !word.hasPrefix("-") { runbookGiven = true; break }
        }
        if let flag = pending {
            if flag.name == "c" {
                // The commands so far are one word: complete its last word, keep what is before
                // (and the quote the shell left on it, if any).
                if let quote = partial.first, quote == "\"" || quote == "'" {
                    return completeLaunch(words: words, partial: String(partial.dropFirst())).prefixed(String(quote), appendsSpace: false)
                }
                let split = partial.lastIndex { $0 == " " || $0 == ";" || $0 == "\n" }.map { partial.index(after: $0) } ?? partial.startIndex
                let head = String(partial[..<split])
                return complete(before: head, partial: String(partial[split...])).prefixed(head)
            }
            return flag.kind.map { values($0, partial: partial) } ?? Completion([])
        }
        if runbookGiven { return Completion([]) }  // the runbook's own arguments: nothing known
        if let completion = valueAfterEquals(partial, kind: { LaunchFlags.flag("--" + $0)?.kind }) { return completion }
        if partial.hasPrefix("-") {
            return Completion(filter(LaunchFlags.all.map(\.spelling), partial))
        }
        return files(partial, extensions: ["bgsh"])
    }

    /// Completes `partial` after the given words of one command.
    public func complete(words: [Word], partial: String) -> Completion {
        if partial.hasPrefix("$") { return variables(partial) }
        let bound = words.map(BindWord.init(unexpanded:))
        var path: [String] = []
        var index = 0
        while index < bound.count, bound[index].isBareText, let text = bound[index].text, table.hasPrefix(path + [text]) {
            path.append(text)
            index += 1
        }
        if index == 0, !bound.isEmpty { return Completion([]) }
        var commandLength = path.count
        while commandLength > 0, table.command(at: Array(path.prefix(commandLength))) == nil { commandLength -= 1 }
        let command = commandLength > 0 ? table.command(at: Array(path.prefix(commandLength))) : nil

        if index == bound.count, commandLength == path.count || command == nil {
            // Still on the path: subcommands, plus the command's own first argument and flags.
            var out = filter(table.subcommands(of: path), partial)
            if let spec = command?.spec, !path.isEmpty {
                if partial.hasPrefix("-") { return Completion(flags(spec, given: [], partial: partial)) }
                if let first = spec.arguments.first {
                    let values = values(first.kind, partial: partial)
                    if out.isEmpty { return values }
                    out += values.candidates
                }
            }
            return Completion(Array(Set(out)).sorted())
        }
        guard let spec = command?.spec else { return Completion([]) }

        // After the path: which option value or positional is being typed?
        var positionalCount = 0
        var given: Set<String> = []
        var pendingOption: OptionSpec?
        var afterDashes = false
        for word in bound[commandLength...] {
            if let option = pendingOption { given.insert(option.name); pendingOption = nil; continue }
            if word.isFlagSyntax, !afterDashes, let text = word.text ?? word.flagPrefix {
                if text == "--" { afterDashes = true; continue }
                let name = String(text.dropFirst(2).prefix { $0 != "=" })
                if let option = spec.option(named: name) {
                    if option.kind != nil, !text.contains("=") { pendingOption = option } else { given.insert(name) }
                } else if name.hasPrefix("no-") {
                    given.insert(String(name.dropFirst(3)))
                }
                continue
            }
            positionalCount += 1
        }
        if let option = pendingOption, let kind = option.kind { return values(kind, partial: partial) }
        if let completion = valueAfterEquals(partial, kind: { spec.option(named: $0)?.kind }) { return completion }
        if partial.hasPrefix("-"), !afterDashes { return Completion(flags(spec, given: given, partial: partial)) }
        var argument: ArgumentSpec?
        if positionalCount < spec.arguments.count { argument = spec.arguments[positionalCount] }
        else if let last = spec.arguments.last, last.isVariadic { argument = last }
        guard let argument else { return Completion([]) }
        if argument.kind == .commandWords {
            // `help cluster cr…`: the words after help, as a command path.
            let after = bound[commandLength...].compactMap { $0.text }
            return Completion(filter(table.subcommands(of: after), partial))
        }
        if argument.kind == .condition {
            let before = bound[commandLength...].filter { !$0.isFlagSyntax }.compactMap { $0.text }
            return Completion(filter(Condition.candidates(after: Array(before)), partial))
        }
        return values(argument.kind, partial: partial)
    }

    /// `--NAME=VAL…`: the values of the flag's kind after `--NAME=` (none for a flag without a
    /// value); nil when the word is not of that form.
    func valueAfterEquals(_ partial: String, kind: (String) -> ValueKind?) -> Completion? {
        guard partial.hasPrefix("--"), let eq = partial.firstIndex(of: "=") else { return nil }
        guard let kind = kind(String(partial[partial.index(partial.startIndex, offsetBy: 2)..<eq])) else { return Completion([]) }
        return values(kind, partial: String(partial[partial.index(after: eq)...])).prefixed(String(partial[...eq]))
    }

    func filter(_ words: [String], _ partial: String) -> [String] {
        words.filter { $0.hasPrefix(partial) }.sorted()
    }

    func flags(_ spec: CommandSpec, given: Set<String>, partial: String) -> [String] {
        let names = spec.options.filter { $0.isRepeatable || !given.contains($0.name) }.map { "--" + $0.name } + ["--help"]
        return filter(names, partial)
    }

    func variables(_ partial: String) -> Completion {
        let braced = partial.hasPrefix("${")
        let typed = String(partial.dropFirst(braced ? 2 : 1))
        let names = Set(session.variables.keys).union(["_", "?"])
        return Completion(names.filter { $0.hasPrefix(typed) }.sorted().map { braced ? "${\($0)}" : "$\($0)" })
    }

    /// Candidates for a value of a kind.
    public func values(_ kind: ValueKind, partial: String) -> Completion {
        switch kind {
        case .choice(let words): return Completion(filter(words, partial))
        case .suggested(let words): return Completion(filter(words, partial))
        case .file(let extensions): return files(partial, extensions: extensions)
        case .resource(.taskdefFamily) where partial.contains(":"):
            // FAMILY:REV: the family's revisions, newest first.
            let family = String(partial.prefix { $0 != ":" })
            let revisions = cached("taskdef-revisions:" + family) { cloud, _ in try ResourceNames.revisions(of: family, cloud: cloud) }
            return Completion(revisions.filter { $0.hasPrefix(partial) })
        case .resource(let resource):
            // Lists (`--subnets S1,S2`) complete their last element.
            if let comma = partial.lastIndex(of: ",") {
                let head = String(partial[...comma])
                let given = Set(head.dropLast().split(separator: ",").map(String.init))
                let tail = String(partial[partial.index(after: comma)...])
                return Completion(filter(resourceNames(resource).filter { !given.contains($0) }, tail).map { head + $0 })
            }
            let names = filter(resourceNames(resource), partial)
            guard [.targetGroup, .taskdefFamily].contains(resource), !names.isEmpty else { return Completion(names) }
            // Descriptions take a call per name: waited for briefly, they show from the next TAB if late.
            let described = cached("described:" + resource.rawValue, waiting: bound / 4) { cloud, _ in try ResourceNames.described(resource, cloud: cloud) }
            var descriptions: [String: String] = [:]
            for line in described {
                let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                if parts.count == 2 { descriptions[parts[0]] = parts[1] }
            }
            return Completion(names, descriptions: descriptions)
        case .image:
            // REPO: first (no space after it), then the repository's tags.
            guard let colon = partial.firstIndex(of: ":") else {
                return Completion(filter(resourceNames(.ecrRepository).map { $0 + ":" }, partial), appendsSpace: false)
            }
            let repository = String(partial[..<colon])
            let tags = cached("ecr-images:" + repository) { cloud, _ in try ResourceNames.imageTags(of: repository, cloud: cloud) }
            return Completion(filter(tags, partial))
        case .variableName: return Completion(filter(Array(session.variables.keys), partial))
        case .duration: return Completion(["30s", "1m", "5m", "10m", "1h"].filter { $0.hasPrefix(partial) })  // shortest first
        case .percentage(let signed):
            // In numeric order, not text order (10% before 100%).
            let shares = ["10%", "25%", "50%", "75%", "100%"] + (signed ? ["+10%", "-10%"] : [])
            return Completion(shares.filter { $0.hasPrefix(partial) })
        case .strategy: return Completion(filter(["manual", "all-at-once", "canary:10%:5m", "linear:10%:1m"] + Strategy.codeDeployNames, partial))
        case .colourOrTargetGroup: return Completion(filter(["blue", "green"], partial) + filter(resourceNames(.targetGroup), partial))
        case .port: return Completion(["80", "443", "8080"].filter { $0.hasPrefix(partial) })
        case .analysisSpec:
            return Completion(["error-rate", "error-rate<1%", "error-rate<=blue+0.5%", "latency:p99", "latency:p99<300ms", "latency:p99<=blue*1.2", "healthy-hosts"]
                .filter { $0.hasPrefix(partial) }, appendsSpace: true)
        case .region: return Completion(filter(Regions.known, partial))
        case .zone: return Completion(filter(Regions.zones(of: session.region), partial))
        case .profile: return Completion(filter(session.profileNames(), partial))
        case .commandWords: return Completion(filter(table.subcommands(of: []), partial))  // the first word; later ones in complete(words:)
        default: return Completion([])
        }
    }

    /// How long TAB waits for a lookup the cache cannot answer before it gives the prompt back
    /// (the lookup goes on and fills the cache for the next TAB).
    public static let lookupBound = 0.2

    /// Names of live resources of a kind, from the backend (cached for a short time).
    public func resourceNames(_ kind: ResourceKind) -> [String] {
        cached(kind.rawValue) { cloud, cluster in try ResourceNames.all(kind, cloud: cloud, cluster: cluster) }
    }

    /// Names under `key` in the session's scope: fresh ones from the cache; else a lookup on a
    /// background thread (a cloud of its own), waited for at most `lookupBound`; when it is not
    /// back by then, the names the cache had (stale) or none. Completion never fails loudly.
    func cached(_ key: String, waiting: Double? = nil, _ lookup: @escaping @Sendable (any Cloud, String?) throws -> [String]) -> [String] {
        let cache = session.completionCache
        let full = session.completionScope + "#" + key
        let entry = cache.entry(full)
        if let entry, entry.isFresh { return entry.names }
        let source = UncheckedBackend(backend: session.backend)
        let (region, cluster) = (session.region, session.cluster)
        let group = cache.lookup(full) { try? lookup(try source.backend.cloud(region: region), cluster) }
        if group.wait(timeout: .now() + (waiting ?? bound)) == .success, let fresh = cache.entry(full) { return fresh.names }
        return entry?.names ?? []
    }

    /// Paths that start with `partial`: directories (with `/`) and files with one of `extensions`.
    public func files(_ partial: String, extensions: [String]) -> Completion {
        let slash = partial.lastIndex(of: "/")
        let dirPart = slash.map { String(partial[...$0]) } ?? ""
        let base = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        var directory = dirPart.isEmpty ? baseDirectory : dirPart
        if directory.hasPrefix("~/"), let home = session.environment["HOME"] { directory = home + directory.dropFirst() }
        else if !directory.hasPrefix("/") { directory = baseDirectory + "/" + directory }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return Completion([]) }
        var out: [String] = []
        for entry in entries where entry.hasPrefix(base) && (base.hasPrefix(".") || !entry.hasPrefix(".")) {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory + "/" + entry, isDirectory: &isDir) else { continue }
            if isDir.boolValue {
                out.append(dirPart + entry + "/")
            } else if extensions.isEmpty || extensions.contains((entry as NSString).pathExtension) {
                out.append(dirPart + entry)
            }
        }
        out.sort()
        let onlyDirectory = out.count == 1 && out[0].hasSuffix("/")
        return Completion(out, appendsSpace: !onlyDirectory)
    }
}

/// A backend handed to a lookup thread.
struct UncheckedBackend: @unchecked Sendable {
    // SAFETY (@unchecked Sendable): the lookup thread only asks it for a cloud of its own
    // (`cloud(region:)`), which both backends make from thread-safe parts (the simulator's GRDB
    // queue; the aws backend's locked credential chain).
    let backend: any Backend
}
