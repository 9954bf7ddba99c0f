/// The list of commands a shell knows: the one place commands are listed.
public struct CommandTable: Sendable {
    /// The commands, in the order help lists them within a group.
    public let commands: [any Command.Type]
    private let byPath: [[String]: any Command.Type]
    private let prefixes: Set<[String]>

    /// Creates a table. Paths must be unique (the table's test checks it).
    public init(_ commands: [any Command.Type]) {
        self.commands = commands
        var map: [[String]: any Command.Type] = [:]
        var prefixes = Set<[String]>()
        for command in commands {
            let path = command.spec.path
            if map[path] == nil { map[path] = command }
            for n in 0...path.count { prefixes.insert(Array(path.prefix(n))) }
        }
        byPath = map
        self.prefixes = prefixes
    }

    /// The command at exactly this path.
    public func command(at path: [String]) -> (any Command.Type)? { byPath[path] }

    /// The words that may follow `prefix` as the next path element (`cluster` → create, list, …).
    public func subcommands(of prefix: [String]) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for command in commands {
            let path = command.spec.path
            guard path.count > prefix.count, Array(path.prefix(prefix.count)) == prefix else { continue }
            let next = path[prefix.count]
            if seen.insert(next).inserted { result.append(next) }
        }
        return result
    }

    /// True when some command's path starts with `prefix`.
    public func hasPrefix(_ prefix: [String]) -> Bool {
        prefixes.contains(prefix)  // precomputed: the binder asks once per word of every command
    }

    /// Every spec.
    public var specs: [CommandSpec] { commands.map { $0.spec } }
}
