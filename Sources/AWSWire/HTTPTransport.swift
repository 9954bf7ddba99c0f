import CAWSNet
import Foundation
import Synchronization

/// An HTTP request as the wire client sends it.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    /// `https://ecs.us-east-1.amazonaws.com/` or an override such as `http://127.0.0.1:5000/`.
    public var url: String
    public var headers: [(String, String)]
    public var body: [UInt8]
    /// It must not reach the server twice (a create without an idempotency token): the transport
    /// sends it on a connection of its own and never repeats it by itself.
    public var mustNotRepeat: Bool

    /// Creates one.
    public init(method: String, url: String, headers: [(String, String)], body: [UInt8], mustNotRepeat: Bool = false) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.mustNotRepeat = mustNotRepeat
    }

    /// Compares headers in order, names case-insensitively.
    public static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
        a.method == b.method && a.url == b.url && a.body == b.body && a.mustNotRepeat == b.mustNotRepeat
            && a.headers.map { [$0.0.lowercased(), $0.1] } == b.headers.map { [$0.0.lowercased(), $0.1] }
    }
}

/// An HTTP answer.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Header names lower-cased (the last of repeated ones wins).
    public var headers: [String: String]
    public var body: [UInt8]

    /// Creates one.
    public init(status: Int, headers: [String: String], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Sends requests; tests substitute one that records or replays exchanges.
public protocol HTTPTransport: AnyObject, Sendable {
    /// Sends one request and returns the whole answer.
    /// - Parameters:
    ///   - timeout: seconds for the whole exchange.
    ///   - isCancelled: asked every few milliseconds while waiting; true cancels at once.
    /// - Throws: `WireTransportError`.
    func send(_ request: HTTPRequest, timeout: Double, isCancelled: @escaping @Sendable () -> Bool) throws -> HTTPResponse
}

/// Why a request got no answer.
public struct WireTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What happened, for the retry policy.
    public enum Kind: Sendable, Equatable {
        case cancelled, timeout, connect, reset, tls, other
    }
    public var kind: Kind
    public var message: String

    /// Creates one.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// What the user reads.
    public var description: String {
        switch kind {
        case .cancelled: return "request cancelled"
        case .timeout: return "request timed out (\(message))"
        case .connect: return "cannot connect (\(message))"
        case .reset: return "the connection broke (\(message))"
        case .tls: return "TLS failed (\(message)); AWS_CA_BUNDLE names a CA bundle to trust"
        case .other: return message
        }
    }
}

/// HTTP over libcurl, loaded on first use. One connection cache per transport: connections are
/// kept alive and reused across calls (curl's multi handle keeps them).
public final class CurlTransport: HTTPTransport, @unchecked Sendable {
    // SAFETY: the curl handle is used by one request at a time, under `lock`.
    private let lock = Mutex<Void>(())
    private nonisolated(unsafe) var handle: OpaquePointer?
    /// AWS_CA_BUNDLE: a CA bundle to trust instead of the system's.
    public let caBundle: String?
    /// Seconds to wait for a connection.
    public let connectTimeout: Double

    /// Creates one; libcurl is loaded by the first request.
    public init(caBundle: String? = nil, connectTimeout: Double = 10) {
        self.caBundle = caBundle
        self.connectTimeout = connectTimeout
    }

    deinit { if let handle { bgsh_http_free(handle) } }

    /// A box for the cancel closure, passed through C as a context pointer.
    private final class CancelBox {
        let isCancelled: @Sendable () -> Bool
        init(_ f: @escaping @Sendable () -> Bool) { isCancelled = f }
    }

    public func send(_ request: HTTPRequest, timeout: Double, isCancelled: @escaping @Sendable () -> Bool) throws -> HTTPResponse {
        try lock.withLock { _ in
            var message = [CChar](repeating: 0, count: 512)
            if handle == nil {
                guard bgsh_curl_load(&message, message.count) == 0 else {
                    throw WireTransportError(kind: .other, message: String(cString: message))
                }
                handle = bgsh_http_new()
                guard handle != nil else { throw WireTransportError(kind: .other, message: "libcurl could not make a handle") }
            }
            let lines = request.headers.map { "\($0.0): \($0.1)" }
            var cLines = lines.map { strdup($0) }
            defer { cLines.forEach { free($0) } }
            var status = 0
            var body = bgsh_buffer()
            var headerBytes = bgsh_buffer()
            defer { bgsh_buffer_free(&body); bgsh_buffer_free(&headerBytes) }
            let box = CancelBox(isCancelled)
            let context = Unmanaged.passUnretained(box).toOpaque()
            let cancel: bgsh_cancel_fn = { ctx in
                guard let ctx else { return 0 }
                return Unmanaged<CancelBox>.fromOpaque(ctx).takeUnretainedValue().isCancelled() ? 1 : 0
            }
            let result: Int32 = cLines.withUnsafeMutableBufferPointer { headers in
                headers.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: headers.count) { headerArray in
                    request.body.withUnsafeBufferPointer { bodyBytes in
                        withExtendedLifetime(box) {
                            bgsh_http_perform(handle, request.method, request.url, headerArray, Int32(headers.count),
                                              bodyBytes.baseAddress, bodyBytes.count,
                                              max(1, Int(timeout * 1000)), max(1, Int(connectTimeout * 1000)), caBundle,
                                              request.mustNotRepeat ? 1 : 0,
                                              cancel, context, &status, &body, &headerBytes, &message, message.count)
                        }
                    }
                }
            }
            let text = String(cString: message)
            switch Int(result) {
            case BGSH_HTTP_OK: break
            case BGSH_HTTP_CANCELLED: throw WireTransportError(kind: .cancelled, message: text)
            case BGSH_HTTP_TIMEOUT: throw WireTransportError(kind: .timeout, message: text)
            case BGSH_HTTP_CONNECT: throw WireTransportError(kind: .connect, message: text)
            case BGSH_HTTP_RESET: throw WireTransportError(kind: .reset, message: text)
            case BGSH_HTTP_TLS: throw WireTransportError(kind: .tls, message: text)
            default: throw WireTransportError(kind: .other, message: text)
            }
            let bodyArray = body.data.map { Array(UnsafeBufferPointer(start: $0, count: body.length)) } ?? []
            let headerText = headerBytes.data.map { String(decoding: UnsafeBufferPointer(start: $0, count: headerBytes.length), as: UTF8.self) } ?? ""
            return HTTPResponse(status: status, headers: CurlTransport.parseHeaders(headerText), body: bodyArray)
        }
    }

    /// The header lines of the last answer (a `100 Continue` or a redirect may come before it).
    static func parseHeaders(_ text: String) -> [String: String] {
        var headers: [String: String] = [:]
        for line in text.split(whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" }) {
            if line.hasPrefix("HTTP/") { headers = [:]; continue }
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return headers
    }
}
