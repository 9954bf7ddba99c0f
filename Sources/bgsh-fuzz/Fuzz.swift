import AWSModel
import BGSHCommands
import BGSHCore
import BGSHSyntax

/// libFuzzer's entry: the bytes as a runbook, lexed, parsed and bound whole against the command
/// table (what `bgsh FILE` does before it runs anything), and each line's completion asked. No
/// backend is reached: one that refuses everything stands in, and nothing runs.
///
/// Built by scripts/fuzz with `-sanitize=fuzzer,address`; a crash found becomes a case of
/// Tests/BGSHSyntaxTests/FuzzRegressionTests.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let session = Session(backend: NoBackend(), region: "us-east-1", out: CapturedOutput(), environment: [:],
                          isInteractive: false, workingDirectory: "/nonexistent")
    let interpreter = Interpreter(session: session, table: .standard)
    _ = interpreter.check(SourceFile(name: "fuzz.bgsh", bytes: bytes))
    // Completion reads the same words through another path (a partial last word, open quotes).
    let text = String(decoding: bytes.prefix(4096), as: UTF8.self)
    _ = interpreter.needsMoreInput(text)
    return 0
}

/// A backend with nothing behind it: every call is refused.
final class NoBackend: Backend {
    var displayName: String { "fuzz" }
    var emulator: (any EmulatorControl)? { nil }
    func cloud(region: String) throws -> any Cloud { throw BackendUnavailable("no backend while fuzzing") }
    func accountId() throws -> String { throw BackendUnavailable("no backend while fuzzing") }
}

#if BGSH_FUZZ
/// libFuzzer's driver, for a program whose `main` is its own.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

/// SwiftPM links an executable's `main` to `<target>_main`: here, libFuzzer's driver.
@_cdecl("bgsh_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
#else
/// Built without the fuzzer (a plain `swift build`): says how to build it.
@_cdecl("bgsh_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    print("bgsh-fuzz: built without libFuzzer; run scripts/fuzz (it builds with -sanitize=fuzzer,address)")
    return 2
}
#endif
