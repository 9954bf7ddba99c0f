import AWSWire
import Foundation
import Synchronization

/// A transport that records every request and answers from a script (no network).
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    // SAFETY: every field is touched under `lock`.
    private let lock = NSLock()
    private var script: [(HTTPRequest) throws -> HTTPResponse]
    private(set) var requests: [HTTPRequest] = []

    init(_ script: [(HTTPRequest) throws -> HTTPResponse]) { self.script = script }

    /// Answers every request with the same status and body.
    convenience init(status: Int = 200, body: String, headers: [String: String] = [:]) {
        self.init([{ _ in HTTPResponse(status: status, headers: headers, body: Array(body.utf8)) }])
    }

    func send(_ request: HTTPRequest, timeout: Double, isCancelled: @escaping @Sendable () -> Bool) throws -> HTTPResponse {
        lock.lock()
        requests.append(request)
        let step = script.count > 1 ? script.removeFirst() : script[0]
        lock.unlock()
        return try step(request)
    }

    var sent: [HTTPRequest] { lock.lock(); defer { lock.unlock() }; return requests }
}

/// An AWS backend on a scripted transport with fixed credentials, a fixed region and no waits.
func scriptedBackend(_ transport: ScriptedTransport, region: String = "us-east-1",
                     variables: [String: String] = [:]) -> AWSBackend {
    var env = ["AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "HOME": "/nonexistent",
               "AWS_EC2_METADATA_DISABLED": "true", "AWS_CONFIG_FILE": "/nonexistent/config",
               "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent/credentials"]
    for (k, v) in variables { env[k] = v }
    let backend = AWSBackend(environment: AWSEnvironment(variables: env, readFile: { _ in nil }),
                             flags: AWSFlags(region: region), transport: transport)
    backend.context.sleep = { _, _ in true }
    backend.context.random = { 0.5 }
    backend.context.now = { 1_440_938_160 }
    return backend
}

extension HTTPRequest {
    /// The form body's parameters, decoded.
    var form: [String: String] {
        var out: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).removingPercentEncoding ?? String($0) }
            out[kv[0]] = kv.count > 1 ? kv[1] : ""
        }
        return out
    }

    /// The JSON body.
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }

    func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
}
