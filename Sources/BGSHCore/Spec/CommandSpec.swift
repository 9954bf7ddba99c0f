/// How `help` groups commands, in this order.
public enum CommandGroup: String, Sendable, CaseIterable {
    case context = "Context"
    case shell = "Shell"
    case resources = "Resources"
    case blueGreen = "Blue-green"
    case build = "Build and pipeline"
    case simulator = "Simulator"
}

/// A positional argument of a command.
public struct ArgumentSpec: Sendable {
    /// Its placeholder in usage lines (upper-case by convention: `NAME`, `DURATION`).
    public var name: String
    /// What its value must look like.
    public var kind: ValueKind
    /// May be left out.
    public var isOptional: Bool
    /// Takes all remaining words (must be last).
    public var isVariadic: Bool
    /// One line for `help`.
    public var help: String

    /// Creates an argument.
    public init(_ name: String, _ kind: ValueKind, optional: Bool = false, variadic: Bool = false, help: String) {
        self.name = name
        self.kind = kind
        self.isOptional = optional
        self.isVariadic = variadic
        self.help = help
    }
}

/// A `--flag` of a command: a boolean switch (`kind == nil`) or an option with a value.
public struct OptionSpec: Sendable {
    /// The long name without dashes (`dry-run`).
    public var name: String
    /// The value's kind; nil for a boolean flag (which also has a `--no-NAME` form).
    public var kind: ValueKind?
    /// The placeholder of its value in usage lines.
    public var valueName: String
    /// May be given more than once (the values are collected).
    public var isRepeatable: Bool
    /// Must be given: the binder refuses the command without it, before anything runs, and usage
    /// shows it without brackets.
    public var isRequired: Bool = false
    /// One line for `help`.
    public var help: String

    /// A boolean flag.
    public static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, kind: nil, valueName: "", isRepeatable: false, help: help)
    }

    /// An option that takes a value.
    public static func option(_ name: String, _ kind: ValueKind, valueName: String, repeatable: Bool = false,
                              required: Bool = false, help: String) -> OptionSpec {
        OptionSpec(name: name, kind: kind, valueName: valueName, isRepeatable: repeatable, isRequired: required, help: help)
    }
}

/// An example of a command's use, shown by `help` and parsed by the table's tests.
public struct Example: Sendable {
    /// The command line, exactly as a user would type it.
    public var line: String
    /// What it does.
    public var explanation: String

    /// Creates an example.
    public init(_ line: String, _ explanation: String) {
        self.line = line
        self.explanation = explanation
    }
}

/// What a command acts within, beyond its own arguments: the current cluster, or the current
/// service (in the current cluster). Such a command also takes `--cluster C` (and `--service S`)
/// for that one command, without changing the context, as the aws CLI's `--cluster` does.
public enum CommandScope: Sendable {
    case none, cluster, service
}

/// Everything there is to know about a command's surface: the one description that drives the
/// binder, `help`, completion, the shell completion scripts and the docs.
public struct CommandSpec: Sendable {
    /// The spoken path: `["cluster", "create"]`.
    public var path: [String]
    /// Where `help` lists it.
    public var group: CommandGroup
    /// One line, lower-case start, no final period.
    public var summary: String
    /// More text for `help CMD`, if any.
    public var discussion: String?
    /// Positional arguments in order.
    public var arguments: [ArgumentSpec]
    /// Its flags and options.
    public var options: [OptionSpec]
    /// At least one.
    public var examples: [Example]
    /// Changes the cloud (so it honours `--dry-run`).
    public var isMutating: Bool
    /// The context it acts in.
    public var scope: CommandScope

    /// Creates a spec.
    public init(_ path: [String], group: CommandGroup, summary: String, discussion: String? = nil,
                arguments: [ArgumentSpec] = [], options: [OptionSpec] = [], examples: [Example],
                isMutating: Bool = false, scope: CommandScope = .none) {
        self.path = path
        self.group = group
        self.summary = summary
        self.discussion = discussion
        self.arguments = arguments
        self.options = options
        self.examples = examples
        self.isMutating = isMutating
        self.scope = scope
        // The scope's options come from the scope, so every scoped command has them alike.
        if scope != .none {
            self.options.append(.option("cluster", .resource(.cluster), valueName: "C", help: "the cluster, for this command only (default: the current one)"))
        }
        // Every command that shows something takes `--output` for itself alone, as in the aws CLI.
        if group != .shell, path != ["output"] {
            self.options.append(.option("output", .choice(["table", "json", "text"]), valueName: "FORMAT",
                                        help: "table, json or text, for this command only (default: the session's)"))
        }
        if scope == .service {
            self.options.append(.option("service", .resource(.service), valueName: "S", help: "the service, for this command only (default: the current one)"))
        }
    }

    /// `cluster create`.
    public var name: String { path.joined(separator: " ") }

    /// The option named `name`, if any.
    public func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }

    /// `cluster create NAME [--as NAME]`.
    public var usage: String { usageParts.joined(separator: " ") }

    /// The usage broken into lines of at most `width` columns, between options and never inside
    /// one; lines after the first are indented under the command's arguments.
    public func usageLines(width: Int = 80, prefix: String = "usage: ") -> [String] {
        let parts = usageParts
        let indent = String(repeating: " ", count: min(prefix.count + name.count + 1, width / 2))
        var lines: [String] = []
        var line = prefix + parts[0]
        for part in parts.dropFirst() {
            if line.count + 1 + part.count > width, line.count > indent.count {
                lines.append(line)
                line = indent + part
            } else {
                line += " " + part
            }
        }
        lines.append(line)
        return lines
    }

    /// The words of the usage: the command, its arguments, its options (required ones bare).
    var usageParts: [String] {
        var parts = [name]
        for argument in arguments {
            let shown = argument.isVariadic ? argument.name + "…" : argument.name
            parts.append(argument.isOptional ? "[\(shown)]" : shown)
        }
        for option in options {
            let shown = option.kind == nil ? "--\(option.name)" : "--\(option.name) \(option.valueName)"
            parts.append((option.isRequired ? shown : "[\(shown)]") + (option.isRepeatable ? "…" : ""))
        }
        return parts
    }
}

/// A command: one static spec and one function.
public protocol Command {
    /// The only description of the command.
    static var spec: CommandSpec { get }
    /// Does the work. Output goes through `invocation.session.out`; failures are thrown.
    static func run(_ invocation: Invocation) throws
}
