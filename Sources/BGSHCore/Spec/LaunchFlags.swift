/// One of bgsh's launch flags (`bgsh --backend aws …`), as the shell completions know it.
public struct LaunchFlag: Sendable, Equatable {
    /// The name without dashes: `backend`, or one letter for a short flag (`c`, `v`).
    public var name: String
    /// What its value looks like (nil: a switch).
    public var kind: ValueKind?
    /// The value's placeholder.
    public var valueName: String
    /// One line of help.
    public var help: String

    /// `--name` or `-c`.
    public var spelling: String { name.count == 1 ? "-" + name : "--" + name }
}

/// bgsh's launch flags: what the scripts in completions/ are generated from and what
/// `bgsh __complete` completes before a runbook or `-c`. LaunchOptions (the parser) declares
/// the same flags; a test fails when the two lists differ.
public enum LaunchFlags {
    public static let all: [LaunchFlag] = [
        LaunchFlag(name: "c", kind: .string, valueName: "COMMANDS", help: "run these commands and exit"),
        LaunchFlag(name: "backend", kind: .choice(["sim", "aws"]), valueName: "sim|aws", help: "the embedded simulator (default) or AWS"),
        LaunchFlag(name: "state", kind: .file(extensions: ["db"]), valueName: "PATH", help: "the simulator's database (default ~/.bgsh/sim.db)"),
        LaunchFlag(name: "region", kind: .region, valueName: "REGION", help: "the AWS region"),
        LaunchFlag(name: "profile", kind: .profile, valueName: "PROFILE", help: "a profile of ~/.aws/config"),
        LaunchFlag(name: "endpoint-url", kind: .string, valueName: "URL", help: "send AWS calls to this endpoint"),
        LaunchFlag(name: "v", kind: .string, valueName: "NAME=VALUE", help: "set a variable before the first command"),
        LaunchFlag(name: "on-error", kind: .choice(["stop", "continue"]), valueName: "stop|continue", help: "what a failed command does"),
        LaunchFlag(name: "output", kind: .choice(["table", "json", "text"]), valueName: "FORMAT", help: "how results are printed"),
        LaunchFlag(name: "color", kind: .choice(["auto", "always", "never"]), valueName: "WHEN", help: "colour (NO_COLOR means never)"),
        LaunchFlag(name: "echo", kind: nil, valueName: "", help: "print each command before running it"),
        LaunchFlag(name: "dry-run", kind: nil, valueName: "", help: "print the calls mutating commands would make"),
        LaunchFlag(name: "yes", kind: nil, valueName: "", help: "answer yes to confirmations"),
        LaunchFlag(name: "debug", kind: nil, valueName: "", help: "each API call's operation, status and latency on stderr"),
        LaunchFlag(name: "version", kind: nil, valueName: "", help: "print the version and exit"),
        LaunchFlag(name: "help", kind: nil, valueName: "", help: "the launch flags"),
    ]

    /// The flag spelled `word` (`--backend`, `-c`), if any.
    public static func flag(_ word: String) -> LaunchFlag? { all.first { $0.spelling == word } }

    /// The values given to flags among a command line's words (`--state F`, `--region=R`), by name.
    public static func values(in words: [String]) -> [String: String] {
        var given: [String: String] = [:]
        var index = 0
        while index < words.count {
            let word = words[index]
            if let flag = flag(word), flag.kind != nil, index + 1 < words.count {
                given[flag.name] = words[index + 1]
                index += 2
                continue
            }
            if let eq = word.firstIndex(of: "="), word.hasPrefix("--"), let flag = flag(String(word[..<eq])) {
                given[flag.name] = String(word[word.index(after: eq)...])
            }
            index += 1
        }
        return given
    }
}
