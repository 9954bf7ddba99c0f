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

// `bgsh __complete -- WORD… PARTIAL`: what the scripts in completions/ call (before the flag parser).
if arguments.first == "__complete" {
    exit(Launcher.complete(Array(arguments.dropFirst()), environment: environment))
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
