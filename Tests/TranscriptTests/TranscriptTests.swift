import Foundation
import Testing

/// Golden transcripts: each `Transcripts/NAME.bgsh` is run by the real `bgsh` binary on a fresh
/// simulator state, and its stdout, stderr and exit status are compared with `NAME.expected`.
///
/// A first line `#| before: FLAGS` gives launch flags, `#| after: ARGS` the runbook's arguments,
/// `#| stdin` feeds the file on standard input instead. `BGSH_RECORD=1` writes the expected files
/// anew; a missing expected file fails.
@Suite struct TranscriptTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Transcripts").path
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".bgsh") }.sorted()
    }

    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["BGSH_BIN"] { return path }
        return packageRoot + "/.build/debug/bgsh"
    }

    @Test func thereAreTranscripts() {
        #expect(Self.names.count >= 8)
    }

    @Test(arguments: names)
    func transcript(_ name: String) throws {
        let path = Self.folder + "/" + name
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var before: [String] = []
        var after: [String] = []
        var viaStdin = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(3) where line.hasPrefix("#|") {
            let directive = line.dropFirst(2).trimmingCharacters(in: .whitespaces)
            if directive.hasPrefix("before:") { before = directive.dropFirst(7).split(separator: " ").map(String.init) }
            if directive.hasPrefix("after:") { after = directive.dropFirst(6).split(separator: " ").map(String.init) }
            if directive == "stdin" { viaStdin = true }
        }
        let state = NSTemporaryDirectory() + "bgsh-transcript-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: state) }

        #expect(FileManager.default.isExecutableFile(atPath: Self.binary), "build bgsh first (scripts/test does): \(Self.binary)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.currentDirectoryURL = URL(fileURLWithPath: Self.folder)
        process.arguments = ["--state", state + "/sim.db"] + before + (viaStdin ? [] : [name] + after)
        process.environment = ["HOME": state, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "GREETING": "hello from the environment"]
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = viaStdin ? FileHandle(forReadingAtPath: path) : FileHandle.nullDevice
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let actual = "--- stdout\n" + String(decoding: out, as: UTF8.self)
            + "--- stderr\n" + String(decoding: err, as: UTF8.self)
            + "--- exit \(process.terminationStatus)\n"

        let expectedPath = Self.folder + "/" + name.replacingOccurrences(of: ".bgsh", with: ".expected")
        if ProcessInfo.processInfo.environment["BGSH_RECORD"] == "1" {
            try actual.write(toFile: expectedPath, atomically: true, encoding: .utf8)
            return
        }
        let expected = try #require(try? String(contentsOfFile: expectedPath, encoding: .utf8),
                                    "no \(expectedPath): record it with BGSH_RECORD=1 and check it by eye")
        #expect(actual == expected)
    }
}
