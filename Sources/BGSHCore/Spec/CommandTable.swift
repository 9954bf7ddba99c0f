/// The list of commands a shell knows: the one place commands are listed.
public struct CommandTable: Sendable {
    /// The commands, in the order help lists them within a group.
    public let commands: [any Command.Type]
    private let byPath: [[String]: any Command.Type]

    /// Creates a table. Paths must be unique (the table's test checks it).
    public init(_ commands: [any Command.Type]) {
        self.commands = commands
        var map: [[String]: any Command.Type] = [:]
        for command in commands where map[command.spec.path] == nil { map[command.spec.path] = command }
        byPath = map
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
        commands.contains { Array($0.spec.path.prefix(prefix.count)) == prefix }
    }

    /// Every spec.
    public var specs: [CommandSpec] { commands.map { $0.spec } }
}
