import AWSWire
import Foundation
import Testing

/// Support/echo_peer.py on loopback, running until the test closes its stdin.
final class EchoPeer {
    let process = Process()
    let input = Pipe()
    let url: String

    init(silent: Bool = false) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", supportFile("echo_peer.py")] + (silent ? ["--silent"] : [])
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = input
        try process.run()
        var line = ""
        while !line.hasSuffix("\n") {
            let byte = out.fileHandleForReading.readData(ofLength: 1)
            guard !byte.isEmpty else { break }
            line += String(decoding: byte, as: UTF8.self)
        }
        url = "http://127.0.0.1:" + line.trimmingCharacters(in: .whitespacesAndNewlines) + "/"
    }

    deinit {
        try? input.fileHandleForWriting.close()
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

@Suite struct TransportTests {
    @Test func connectionsAreKeptAliveAndReused() throws {
        let peer = try EchoPeer()
        let transport = CurlTransport()
        let ports = try (0..<3).map { _ in
            String(decoding: try transport.send(HTTPRequest(method: "POST", url: peer.url, headers: [], body: Array("{}".utf8)),
                                                timeout: 5, isCancelled: { false }).body, as: UTF8.self)
        }
        #expect(ports.count == 3 && Set(ports).count == 1, "one connection for three calls: \(ports)")
        // A request that must not be repeated goes on a connection of its own.
        let fresh = try transport.send(HTTPRequest(method: "POST", url: peer.url, headers: [], body: [], mustNotRepeat: true),
                                       timeout: 5, isCancelled: { false })
        #expect(String(decoding: fresh.body, as: UTF8.self) != ports[0])
    }

    @Test func ctrlCCancelsARequestInFlightAtOnce() throws {
        let peer = try EchoPeer(silent: true)
        let start = ProcessInfo.processInfo.systemUptime
        let error = #expect(throws: WireTransportError.self) {
            _ = try CurlTransport().send(HTTPRequest(method: "POST", url: peer.url, headers: [], body: []), timeout: 30,
                                         isCancelled: { ProcessInfo.processInfo.systemUptime - start > 0.3 })
        }
        let elapsed = ProcessInfo.processInfo.systemUptime - start
        #expect(error?.kind == .cancelled)
        // 20 ms polling: well under a second after the flag, even on a loaded machine.
        #expect(elapsed < 2, "cancelled after \(elapsed) s")
    }

    @Test func everyRequestHasATimeout() throws {
        let peer = try EchoPeer(silent: true)
        let error = #expect(throws: WireTransportError.self) {
            _ = try CurlTransport().send(HTTPRequest(method: "POST", url: peer.url, headers: [], body: []), timeout: 0.5, isCancelled: { false })
        }
        #expect(error?.kind == .timeout)
    }

    @Test func aClosedPortIsAConnectError() throws {
        // Bind a port, learn it, close it: nothing listens there now.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        close(fd)
        let port = Int(UInt16(bigEndian: addr.sin_port))
        let error = #expect(throws: WireTransportError.self) {
            _ = try CurlTransport().send(HTTPRequest(method: "POST", url: "http://127.0.0.1:\(port)/", headers: [], body: []), timeout: 2, isCancelled: { false })
        }
        #expect(error?.kind == .connect)
    }
}
