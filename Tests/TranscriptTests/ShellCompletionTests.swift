import Foundation
import Testing

/// completions/: the committed scripts are what the table generates; bash's function answers
/// with COMP_WORDS set; zsh and fish load theirs; `bgsh __complete` honours the launch flags.
@Suite struct ShellCompletionTests {
    static let files = ["bash": "bgsh.bash", "zsh": "_bgsh", "fish": "bgsh.fish"]

    /// Runs a program with arguments and an environment (PATH finds the bgsh under test, HOME is
    /// a temporary folder, unless `environment` says otherwise); stdout, stderr, status.
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:], in directory: String? = nil) throws -> StoreTests.Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let binDir = (TranscriptTests.binary as NSString).deletingLastPathComponent
        process.environment = ["PATH": binDir + ":/usr/bin:/bin", "HOME": NSTemporaryDirectory()].merging(environment) { $1 }
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return StoreTests.Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A shell from Debian's packages; CI installs it, elsewhere a missing one skips its check.
    static func shell(_ name: String) -> String? {
        let path = "/usr/bin/" + name
        if FileManager.default.isExecutableFile(atPath: path) { return path }
        if ProcessInfo.processInfo.environment["CI"] == "true" { Issue.record("\(name) is not installed: .ci/run installs it") }
        return nil
    }

    static func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "bgsh-complete-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/runbooks", withIntermediateDirectories: true)
        for name in ["seed.bgsh", "deploy.bgsh", "notes.txt"] { FileManager.default.createFile(atPath: dir + "/" + name, contents: Data()) }
        return dir
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func theCommittedScriptIsWhatTheTableGenerates(_ shell: String) throws {
        let committed = try String(contentsOfFile: TranscriptTests.packageRoot + "/completions/" + Self.files[shell]!, encoding: .utf8)
        let generated = try Self.run(TranscriptTests.binary, ["__completions", shell])
        #expect(generated.status == 0)
        #expect(generated.stdout == committed, "completions/\(Self.files[shell]!) is stale: run `bgsh __completions \(shell) > completions/\(Self.files[shell]!)`")
    }

    /// Every launch flag of `bgsh --help` is in the table the scripts come from, and back.
    @Test func theLaunchFlagsAreTheParsersFlags() throws {
        let help = try Self.run(TranscriptTests.binary, ["--help"]).stdout
        let spelled = Set(help.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" || $0 == "[" || $0 == "]" || $0 == "|" })
            .map(String.init).filter { $0.hasPrefix("-") && $0.count > 1 && $0 != "--" && !$0.hasPrefix("---") })
        let completed = Set(try Self.run(TranscriptTests.binary, ["__complete", "--", "-"]).stdout.split(separator: "\n").map(String.init))
        #expect(spelled.subtracting(["-h"]) == completed, "bgsh --help: \(spelled.sorted()); __complete: \(completed.sorted())")
    }

    /// bash's function, called as bash calls it: COMP_WORDS split at : and = as bash splits them.
    @Test(arguments: [
        (["bgsh", ""], "[deploy.bgsh] [runbooks/] [seed.bgsh] "),
        (["bgsh", "--back"], "[--backend] "),
        (["bgsh", "--backend", ""], "[aws] [sim] "),
        (["bgsh", "--output", "=", "js"], "[json] "),
        (["bgsh", "--color", "="], "[=always] [=auto] [=never] "),
        (["bgsh", "--region", "us-west-"], "[us-west-1] [us-west-2] "),
        (["bgsh", "-c", "\"cluster cr"], "[\"cluster create] "),
        (["bgsh", "-c", "\"region eu-west-1; clu"], "[\"region eu-west-1; cluster] "),
        (["bgsh", "seed.bgsh", ""], ""),
    ])
    func bashCompletesWithCOMPWORDSSet(_ words: [String], _ expected: String) throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let quoted = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let script = """
            source '\(TranscriptTests.packageRoot)/completions/bgsh.bash'
            COMP_WORDS=(\(quoted)); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
            _bgsh
            for c in "${COMPREPLY[@]}"; do printf '[%s] ' "$c"; done
            """
        let result = try Self.run("/bin/bash", ["--norc", "--noprofile", "-c", script], environment: ["BGSH_STATE": dir + "/sim.db"], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == expected)
    }

    @Test func zshLoadsItsScript() throws {
        guard let zsh = Self.shell("zsh") else { return }
        let folder = TranscriptTests.packageRoot + "/completions"
        let result = try Self.run(zsh, ["-f", "-c", "fpath=('\(folder)' $fpath); autoload -U compinit && compinit -u -d \"$HOME/.zcompdump-bgsh-test\"; autoload +X _bgsh && print -r -- ${_comps[bgsh]}"])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout == "_bgsh\n")
    }

    @Test func fishLoadsItsScriptAndCompletes() throws {
        guard let fish = Self.shell("fish") else { return }
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let script = "source '\(TranscriptTests.packageRoot)/completions/bgsh.fish'; complete -C'bgsh --backend '; complete -C'bgsh --ba'"
        let result = try Self.run(fish, ["--no-config", "-c", script], environment: ["BGSH_STATE": dir + "/sim.db"], in: dir)
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout == "aws\nsim\n--backend\tthe embedded simulator (default) or AWS\n")
    }

    /// __complete takes the launch flags given (before it or among the words): names come from
    /// that state file; profiles from ~/.aws/config; `;` starts a new command inside -c.
    @Test func completeHonoursTheLaunchFlags() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let state = dir + "/other.db"
        #expect(try Self.run(TranscriptTests.binary, ["--state", state, "-c", "cluster create blue-web; cluster create green-web"]).status == 0)
        let given = try Self.run(TranscriptTests.binary, ["--state", state, "__complete", "--", "-c", "cluster delete b"])
        #expect(given.stdout == "cluster delete blue-web\n")
        let among = try Self.run(TranscriptTests.binary, ["__complete", "--", "--state", state, "-c", "cluster web; cluster g"])
        #expect(among.stdout == "cluster web; cluster green-web\n")
        let elsewhere = try Self.run(TranscriptTests.binary, ["__complete", "--", "-c", "cluster delete b"], environment: ["BGSH_STATE": dir + "/empty.db"])
        #expect(elsewhere.stdout == "\n")
        try FileManager.default.createDirectory(atPath: dir + "/.aws", withIntermediateDirectories: true)
        try "[default]\nregion = us-east-1\n[profile prod-admin]\nregion = eu-west-1\n[profile staging]\n".write(toFile: dir + "/.aws/config", atomically: true, encoding: .utf8)
        try "[ci]\naws_access_key_id = AKIDEXAMPLE\n".write(toFile: dir + "/.aws/credentials", atomically: true, encoding: .utf8)
        let profiles = try Self.run(TranscriptTests.binary, ["__complete", "--", "--profile", ""], environment: ["HOME": dir])
        #expect(profiles.stdout == "ci\ndefault\nprod-admin\nstaging\n")
    }
}

/// docs/commands.md is what the command table generates (`bgsh __docs`).
@Suite struct GeneratedDocsTests {
    @Test func docsCommandsIsWhatTheTableGenerates() throws {
        let committed = try String(contentsOfFile: TranscriptTests.packageRoot + "/docs/commands.md", encoding: .utf8)
        let generated = try ShellCompletionTests.run(TranscriptTests.binary, ["__docs"])
        #expect(generated.status == 0)
        #expect(generated.stdout == committed, "docs/commands.md is stale: run `bgsh __docs > docs/commands.md`")
    }
}
