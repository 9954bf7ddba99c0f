#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a session's output goes: results to `write`, errors and notices to `writeError`.
public protocol OutputSink: AnyObject {
    /// Appends to standard output (buffered).
    func write(_ text: String)
    /// Writes to standard error at once (standard output is flushed first, to keep the order).
    func writeError(_ text: String)
    /// Pushes buffered output out.
    func flush()
}

/// The process's standard output and error, with an output buffer flushed after each command.
public final class StandardOutput: OutputSink {
    private var buffer: [UInt8] = []

    /// Creates one.
    public init() { buffer.reserveCapacity(1 << 16) }

    /// Buffers `text`.
    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Flushes standard output, then writes `text` to standard error.
    public func writeError(_ text: String) {
        flush()
        StandardOutput.writeAll(2, Array(text.utf8))
    }

    /// Writes the buffer to standard output.
    public func flush() {
        guard !buffer.isEmpty else { return }
        StandardOutput.writeAll(1, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes all bytes, retrying on EINTR; a closed pipe drops the rest (SIGPIPE is ignored).
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 { offset += n } else if n < 0, errno == EINTR { continue } else { return }
            }
        }
    }
}

/// Output kept in memory (tests).
public final class CapturedOutput: OutputSink {
    /// What was written to standard output.
    public private(set) var stdout = ""
    /// What was written to standard error.
    public private(set) var stderr = ""
    /// Both, interleaved in order.
    public private(set) var combined = ""

    /// Creates one.
    public init() {}
    /// Appends to stdout.
    public func write(_ text: String) { stdout += text; combined += text }
    /// Appends to stderr.
    public func writeError(_ text: String) { stderr += text; combined += text }
    /// Nothing to do.
    public func flush() {}
}
