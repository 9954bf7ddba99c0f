import ArgumentParser
import AWSModel
import BGSHCommands
import BGSHCore
import BGSHLineEditor
import BGSHSim
import BGSHSyntax
import Foundation

// A closed pipe (`bgsh … | head`) must end output quietly, not kill the process mid-write.
signal(SIGPIPE, SIG_IGN)

let arguments = Array(CommandLine.arguments.dropFirst())
let environment = ProcessInfo.processInfo.environment

// `bgsh [LAUNCH-FLAGS] __complete -- WORD… PARTIAL`: what the scripts in completions/ call
// (before the flag parser). Launch flags before it count as if they were among the words.
if let at = arguments.firstIndex(of: "__complete") {
    var words = Array(arguments[(at + 1)...])
    if words.first == "--" { words.removeFirst() }
    exit(Launcher.complete(Array(arguments[..<at]) + words, environment: environment))
}
// `bgsh [--state F] __bench-complete N -- TEXT…`: completion's latency in-process (scripts/bench).
if let at = arguments.firstIndex(of: "__bench-complete") {
    exit(Launcher.benchComplete(Array(arguments[..<at]) + Array(arguments[(at + 1)...]), environment: environment))
}
// `bgsh __docs`: docs/commands.md, from the command table.
if arguments == ["__docs"] {
    print(Help.markdown(.standard), terminator: "")
    exit(0)
}
// `bgsh __completions bash|zsh|fish`: the script of completions/ for that shell.
if arguments.first == "__completions" {
    guard arguments.count == 2, let script = ShellCompletions.script(arguments[1]) else {
        FileHandle.standardError.write(Data("bgsh: usage: bgsh __completions bash|zsh|fish\n".utf8))
        exit(2)
    }
    print(script, terminator: "")
    exit(0)
}

let options: LaunchOptions
do {
    options = try LaunchOptions.parse(arguments)
} catch {
    let message = LaunchOptions.fullMessage(for: error)
    if LaunchOptions.exitCode(for: error) == .success {
        print(message)
        exit(0)
    }
    FileHandle.standardError.write(Data(("bgsh: " + message + "\nTry 'bgsh --help' for the launch flags.\n").utf8))
    exit(2)
}
if options.version {
    print("bgsh \(LaunchOptions.version)")
    exit(0)
}
exit(Launcher(options: options, environment: environment).run())
