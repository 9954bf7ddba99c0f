import AWSModel
import AWSWire
import Foundation
import Testing

/// moto's server, started by scripts/test (BGSH_MOTO_ENDPOINT). Tests that need it fail, never
/// skip, when it is not there.
enum Moto {
    static var endpoint: String {
        get throws {
            guard let url = ProcessInfo.processInfo.environment["BGSH_MOTO_ENDPOINT"], !url.isEmpty else {
                throw MotoMissing()
            }
            return url
        }
    }

    /// The environment a bgsh process or a client uses against moto: dummy keys, no files, no IMDS.
    static func environment(home: String) throws -> [String: String] {
        [
            "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": home + "/aws-config", "AWS_SHARED_CREDENTIALS_FILE": home + "/aws-credentials",
            "HOME": home, "AWS_ENDPOINT_URL": try endpoint, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "NO_COLOR": "1", "AWS_PAGER": "",
        ]
    }

    /// An AWS backend on moto in one region (each test takes its own region: moto keeps state per region).
    static func cloud(region: String) throws -> any Cloud {
        let backend = AWSBackend(environment: AWSEnvironment(variables: try environment(home: "/nonexistent"), readFile: { _ in nil }),
                                 flags: AWSFlags(region: region))
        return try backend.cloud(region: region)
    }
}

struct MotoMissing: Error, CustomStringConvertible {
    var description: String { "moto is not running: run the tests with scripts/test (it starts moto_server and sets BGSH_MOTO_ENDPOINT)" }
}

/// A throw-away folder.
func temporaryFolder() throws -> String {
    let dir = NSTemporaryDirectory() + "bgsh-aws-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// The repository's root.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// What a process printed and how it ended.
struct Ran {
    var status: Int32
    var out: String
    var err: String
}

/// Runs a program with arguments, an environment and a working folder.
@discardableResult
func run(_ program: String, _ arguments: [String], environment: [String: String], in folder: String? = nil) throws -> Ran {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
    process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
    process.environment = environment
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes while it runs, so a full pipe never stalls it.
    let group = DispatchGroup()
    let box = DataBox()
    group.enter()
    DispatchQueue.global().async { box.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    let outData = box.data
    process.waitUntilExit()
    return Ran(status: process.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
}

/// The bgsh binary scripts/test built.
var bgshBinary: String {
    ProcessInfo.processInfo.environment["BGSH_BIN"] ?? repositoryRoot + "/.build/debug/bgsh"
}

/// Runs the aws CLI against moto and decodes its JSON answer.
func awsCLI(_ arguments: [String], region: String, home: String) throws -> [String: Any] {
    var env = try Moto.environment(home: home)
    env["AWS_DEFAULT_REGION"] = region
    env["AWS_MAX_ATTEMPTS"] = "1"
    let ran = try run("aws", arguments + ["--output", "json"], environment: env)
    guard ran.status == 0 else { throw CLIFailed(message: "aws \(arguments.joined(separator: " ")): \(ran.err)") }
    if ran.out.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return [:] }
    return (try JSONSerialization.jsonObject(with: Data(ran.out.utf8))) as? [String: Any] ?? [:]
}

struct CLIFailed: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// What a reader thread hands back (read after the group's wait).
final class DataBox: @unchecked Sendable {
    var data = Data()
}
