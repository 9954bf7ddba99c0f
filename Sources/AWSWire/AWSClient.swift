import AWSModel
import AWSSigV4
import Foundation


/// Where credentials come from, asked before every signed request (it refreshes them when they
/// are about to expire).
public protocol CredentialSource: AnyObject, Sendable {
    /// Credentials valid for at least the next minutes.
    /// - Throws: `AWSConfigError` (no credentials: exit status 3) or the provider's error.
    func credentials() throws -> Credentials
}

/// Fixed credentials.
public final class StaticCredentials: CredentialSource {
    let value: Credentials
    /// Creates one.
    public init(_ value: Credentials) { self.value = value }
    public func credentials() throws -> Credentials { value }
}

/// What the client shares across services: transport, retry policy, debug log, cancellation.
public final class WireContext: @unchecked Sendable {
    // SAFETY: set once when the backend is made; `budgets` is guarded by `lock`.
    public let transport: any HTTPTransport
    public var retry: RetryPolicy
    /// `--debug`: one line per attempt (service, operation, endpoint, status, attempt, latency).
    public var debugLog: (@Sendable (String) -> Void)?
    /// True while the user wants the call under way cancelled (Ctrl-C).
    public var isCancelled: @Sendable () -> Bool = { false }
    /// Seconds for one attempt.
    public var timeout: Double = 60
    /// The signing clock, seconds since the epoch (tests fix it).
    public var now: @Sendable () -> Double = { Date().timeIntervalSince1970 }
    /// Sleeps between attempts, cancellably (tests make it instant). Returns false when cancelled.
    public var sleep: @Sendable (Double, @Sendable () -> Bool) -> Bool = { seconds, isCancelled in
        let end = ProcessInfo.processInfo.systemUptime + seconds
        while ProcessInfo.processInfo.systemUptime < end {
            if isCancelled() { return false }
            Thread.sleep(forTimeInterval: min(0.02, max(0, end - ProcessInfo.processInfo.systemUptime)))
        }
        return true
    }
    /// Draws the backoff's jitter in [0, 1).
    public var random: @Sendable () -> Double = { Double.random(in: 0..<1) }
    private let lock = NSLock()
    private var budgets: [String: RateBudget] = [:]

    /// Creates one.
    public init(transport: any HTTPTransport, retry: RetryPolicy) {
        self.transport = transport
        self.retry = retry
    }

    func budget(_ service: String) -> RateBudget {
        lock.lock()
        defer { lock.unlock() }
        if let b = budgets[service] { return b }
        let b = RateBudget.standard(for: service)
        budgets[service] = b
        return b
    }
}

/// A call was cancelled by the user (Ctrl-C) before it had an answer.
public struct WireCancelled: Error, CustomStringConvertible {
    public var description: String { "cancelled: the request was abandoned (AWS may still have acted on it; look before trying again)" }
}

/// One service in one region at one endpoint: makes calls by operation name.
public final class AWSClient: @unchecked Sendable {
    let model: ServiceModel
    let codec: WireCodec
    let region: String
    /// The endpoint's base URL, without a trailing slash.
    let endpoint: String
    let host: String
    let credentials: (any CredentialSource)?
    let context: WireContext

    /// Creates one.
    /// - Throws: `AWSConfigError` when the endpoint breaks the https rule.
    init(service: String, region: String, endpoint: String?, credentials: (any CredentialSource)?, context: WireContext) throws {
        model = try WireModels.service(service)
        codec = WireCodec(model: model)
        self.region = region
        var base = endpoint ?? AWSSettings.defaultEndpoint(prefix: model.endpointPrefix, region: region)
        while base.hasSuffix("/") { base.removeLast() }
        try EndpointPolicy.check(base)
        self.endpoint = base
        guard let parts = EndpointPolicy.parts(base) else { throw AWSConfigError("endpoint '\(base)' is not a URL") }
        let defaultPort = parts.scheme == "https" ? 443 : 80
        let hostName = parts.host.contains(":") ? "[\(parts.host)]" : parts.host
        host = parts.port.map { $0 == defaultPort ? hostName : "\(hostName):\($0)" } ?? hostName
        self.credentials = credentials
        self.context = context
    }

    /// Calls an operation with an Encodable input and decodes its output.
    /// - Parameters:
    ///   - isIdempotent: AWS makes the resource once however often the create is sent (CreateCluster,
    ///     CreateTargetGroup with the same settings): an attempt whose answer was lost may be repeated.
    ///   - probe: see `call(_:_:isIdempotent:probe:)`.
    func call<Input: Encodable, Output: Codable>(_ operation: String, _ input: Input, as output: Output.Type,
                                                 isIdempotent: Bool = false, probe: (() throws -> Output?)? = nil) throws -> Output {
        try call(operation, try JSONValue.from(input), isIdempotent: isIdempotent,
                 probe: probe.map { p in { try p().map { try JSONValue.from($0) } } })
            .decode(Output.self)
    }

    /// Calls an operation that answers nothing bgsh reads.
    func call<Input: Encodable>(_ operation: String, _ input: Input) throws {
        _ = try call(operation, try JSONValue.from(input), probe: nil)
    }

    /// Calls an operation: one or more attempts by the retry policy.
    /// - Parameter probe: for a create without an idempotency token, looks whether an attempt
    ///   whose answer was lost already made it (nil when it did not); without one, such a create
    ///   is not attempted again.
    func call(_ operationName: String, _ input: JSONValue, isIdempotent: Bool = false,
              probe: (() throws -> JSONValue?)? = nil) throws -> JSONValue {
        let operation = try model.operation(operationName)
        var input = input
        // The same token on every attempt, so AWS makes the resource once.
        if let tokenMember = operation.idempotencyToken, input[tokenMember] == nil, case .object(var o) = input {
            o[tokenMember] = .string(UUID().uuidString.lowercased())
            input = .object(o)
        }
        let isCreate = !isIdempotent && ["Create", "Register", "Run", "Start", "Allocate", "Copy", "Import"].contains { operationName.hasPrefix($0) }
        // What AWS may make twice: such an attempt must not repeat, and a lost answer is looked for.
        let mustNotRepeat = isCreate && operation.idempotencyToken == nil
        let start = ProcessInfo.processInfo.systemUptime
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try attemptOnce(operation, input, attempt: attempt, mustNotRepeat: mustNotRepeat)
            } catch {
                if error is WireCancelled { throw error }
                let outcome = RetryPolicy.classify(error)
                let elapsed = ProcessInfo.processInfo.systemUptime - start
                guard outcome != .final, attempt < context.retry.maxAttempts, elapsed < context.retry.maxTotalSeconds else {
                    if let e = error as? WireTransportError, e.kind == .connect {
                        throw BackendUnavailable("cannot reach \(model.name) at \(endpoint): \(e.message)")
                    }
                    throw error
                }
                if outcome == .unknown, mustNotRepeat {
                    // AWS may have made it: look before making it again.
                    guard let probe else { throw error }
                    if let made = try probe() {
                        context.debugLog?("\(model.name) \(operationName): the answer was lost, but it was made; not sent again")
                        return made
                    }
                }
                let wait = context.retry.backoff(afterAttempt: attempt, random: context.random())
                context.debugLog?("\(model.name) \(operationName): retrying in \(String(format: "%.2f", wait))s after \(error)")
                guard context.sleep(wait, context.isCancelled) else { throw WireCancelled() }
            }
        }
    }

    /// Builds, signs and sends one attempt, and reads its answer.
    func attemptOnce(_ operation: OperationModel, _ input: JSONValue, attempt: Int, mustNotRepeat: Bool = false) throws -> JSONValue {
        let wait = context.budget(model.name).take()
        if wait > 0, !context.sleep(wait, context.isCancelled) { throw WireCancelled() }
        var request = try makeRequest(operation, input)
        request.mustNotRepeat = mustNotRepeat
        if !operation.isUnsigned {
            guard let credentials else { throw AWSConfigError("no credentials to sign \(model.name) \(operation.name)") }
            let creds: Credentials
            do { creds = try credentials.credentials() } catch let error as AWSConfigError {
                throw BackendUnavailable(error.description)
            }
            let url = request.url
            let pathAndQuery = url.dropFirst(endpoint.count)
            let (path, query) = AWSClient.splitPathQuery(String(pathAndQuery))
            let signer = Signer(service: model.signingName, region: region)
            request.headers = signer.sign(SigningRequest(method: request.method, host: host, path: path, query: query,
                                                         headers: request.headers, body: request.body),
                                          credentials: creds, date: context.now())
        }
        let started = ProcessInfo.processInfo.systemUptime
        let response: HTTPResponse
        do {
            response = try context.transport.send(request, timeout: context.timeout, isCancelled: context.isCancelled)
        } catch let error as WireTransportError {
            log(operation, status: error.kind == .cancelled ? "cancelled" : "\(error)", attempt: attempt, started: started)
            if error.kind == .cancelled { throw WireCancelled() }
            throw error
        }
        if (200..<300).contains(response.status) {
            log(operation, status: String(response.status), attempt: attempt, started: started)
            return try decode(operation, response)
        }
        let error = WireCodec.error(protocol: model.wireProtocol, isQueryCompatible: model.isQueryCompatible,
                                    status: response.status, headers: response.headers, body: response.body)
            ?? AWSError(NonAWSAnswer.code, AWSClient.describeNonAWS(response), statusCode: response.status)
        log(operation, status: "\(response.status) \(error.code)", attempt: attempt, started: started)
        throw error
    }

    /// `--debug`: service, operation, endpoint, status, attempt, latency; never a header or body.
    private func log(_ operation: OperationModel, status: String, attempt: Int, started: Double) {
        guard let debugLog = context.debugLog else { return }
        let ms = (ProcessInfo.processInfo.systemUptime - started) * 1000
        debugLog("aws \(model.name) \(operation.name) \(endpoint) \(status) attempt \(attempt) \(String(format: "%.1fms", ms))")
    }

    /// A non-AWS answer in a line: its status, content type and first words, without markup.
    static func describeNonAWS(_ response: HTTPResponse) -> String {
        var text = String(decoding: response.body.prefix(600), as: UTF8.self)
        if let title = text.range(of: "<title>"), let end = text.range(of: "</title>"), title.upperBound <= end.lowerBound {
            text = String(text[title.upperBound..<end.lowerBound])
        }
        text = text.replacingOccurrences(of: "\n", with: " ")
        if text.count > 120 { text = String(text.prefix(120)) + "…" }
        let type = response.headers["content-type"] ?? "no content type"
        return "the endpoint answered HTTP \(response.status) (\(type)) with a body that is not an AWS error: \(text) — an emulator answers so for an operation it does not implement"
    }

    /// `/a/b?x=1&y=2` → ("/a/b", [("x","1"),("y","2")]), the parameters decoded.
    static func splitPathQuery(_ text: String) -> (String, [(String, String)]) {
        guard let q = text.firstIndex(of: "?") else { return (text.isEmpty ? "/" : text, []) }
        let path = String(text[..<q])
        let pairs = text[text.index(after: q)...].split(separator: "&").map { pair -> (String, String) in
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in String(s).removingPercentEncoding ?? String(s) }
            return (decode(kv[0]), kv.count > 1 ? decode(kv[1]) : "")
        }
        return (path.isEmpty ? "/" : path, pairs)
    }

    /// The HTTP request of one attempt, before signing.
    func makeRequest(_ operation: OperationModel, _ input: JSONValue) throws -> HTTPRequest {
        switch model.wireProtocol {
        case .json:
            let body = try operation.input.map { try codec.jsonBody(input, shape: $0) } ?? .object([:])
            return HTTPRequest(method: "POST", url: endpoint + "/", headers: [
                ("Content-Type", "application/x-amz-json-\(model.jsonVersion ?? "1.1")"),
                ("X-Amz-Target", "\(model.targetPrefix ?? "").\(operation.name)"),
            ] + (model.isQueryCompatible ? [("x-amzn-query-mode", "true")] : []), body: Array(try body.jsonData()))
        case .query, .ec2:
            var params: [(String, String)] = [("Action", operation.name), ("Version", model.apiVersion)]
            if let shape = operation.input { params += try codec.queryParameters(input, shape: shape) }
            let body = params.map { "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))" }.joined(separator: "&")
            return HTTPRequest(method: "POST", url: endpoint + "/",
                               headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")], body: Array(body.utf8))
        case .restJSON:
            var query: [(String, String)] = []
            var headers: [(String, String)] = []
            if let shape = operation.input, case .structure(let members) = try model.shape(shape) {
                for member in members {
                    guard let value = input[member.name]?.text else { continue }
                    switch member.location {
                    case "querystring": query.append((member.locationName ?? member.name, value))
                    case "header": headers.append((member.locationName ?? member.name, value))
                    default: throw WireModelError("\(model.name) \(operation.name): member \(member.name) has a location bgsh does not write")
                    }
                }
            }
            let q = query.map { "\(PercentEncoding.encode($0.0))=\(PercentEncoding.encode($0.1))" }.joined(separator: "&")
            return HTTPRequest(method: operation.method, url: endpoint + operation.path + (q.isEmpty ? "" : "?" + q), headers: headers, body: [])
        }
    }

    /// Reads a 2xx answer by the protocol (never by Content-Type: emulators mislabel theirs).
    func decode(_ operation: OperationModel, _ response: HTTPResponse) throws -> JSONValue {
        guard let output = operation.output else { return .object([:]) }
        switch model.wireProtocol {
        case .json, .restJSON:
            if response.body.isEmpty || response.body.allSatisfy({ $0 == 32 || $0 == 10 || $0 == 13 }) { return .object([:]) }
            do {
                return try codec.fromJSON(try JSONDecoder().decode(JSONValue.self, from: Data(response.body)), shape: output)
            } catch {
                throw AWSError(NonAWSAnswer.code, "\(model.name) \(operation.name) answered \(response.status) with a body that is not JSON", statusCode: response.status)
            }
        case .query, .ec2:
            let root: XMLElement
            do { root = try XMLElement.parse(response.body) } catch {
                throw AWSError(NonAWSAnswer.code, "\(model.name) \(operation.name) answered \(response.status) with a body that is not XML (\(error))", statusCode: response.status)
            }
            return try codec.fromXML(root, operation: operation)
        }
    }
}
