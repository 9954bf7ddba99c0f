import Crypto

/// Signature Version 4 (AWS4-HMAC-SHA256) for one service in one region.
///
/// The date and the credentials are given to every call, never read from a clock here, so the
/// signer is a pure function and checked against AWS's published vectors and botocore's signer.
public struct Signer: Sendable {
    /// The signing name of the service, the fourth part of the credential scope (`ecs`,
    /// `elasticloadbalancing`, `monitoring`).
    public var service: String
    /// The region, the third part of the scope.
    public var region: String

    /// Creates a signer.
    public init(service: String, region: String) {
        self.service = service
        self.region = region
    }

    /// Headers never signed (botocore leaves them out: proxies and clients change them).
    static let unsignedHeaders: Set<String> = ["expect", "transfer-encoding", "user-agent", "x-amzn-trace-id", "authorization"]

    /// Signs a request: returns its headers with `X-Amz-Date`, `X-Amz-Security-Token` (temporary
    /// credentials) and `Authorization` added.
    /// - Parameters:
    ///   - request: the request as it will be sent (its `Host` header is added when missing).
    ///   - credentials: the key pair to sign with.
    ///   - date: the signing time, seconds since the Unix epoch.
    public func sign(_ request: SigningRequest, credentials: Credentials, date: Double) -> [(String, String)] {
        let stamp = AmzDate(epochSeconds: date)
        var headers = request.headers.filter {
            let name = $0.0.lowercased()
            return name != "authorization" && name != "x-amz-date" && name != "x-amz-security-token"
        }
        if !headers.contains(where: { $0.0.lowercased() == "host" }) { headers.append(("Host", request.host)) }
        headers.append(("X-Amz-Date", stamp.full))
        if let token = credentials.sessionToken { headers.append(("X-Amz-Security-Token", token)) }
        let canonical = canonicalRequest(request, headers: headers)
        let scope = "\(stamp.day)/\(region)/\(service)/aws4_request"
        let stringToSign = "AWS4-HMAC-SHA256\n\(stamp.full)\n\(scope)\n\(Hex.sha256(Array(canonical.text.utf8)))"
        let signature = Hex.string(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8),
                                                                      using: signingKey(secret: credentials.secretAccessKey, day: stamp.day)))
        headers.append(("Authorization", "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyId)/\(scope), SignedHeaders=\(canonical.signedHeaders), Signature=\(signature)"))
        return headers
    }

    /// The canonical request and the `SignedHeaders` list, as AWS defines them.
    public func canonicalRequest(_ request: SigningRequest, headers: [(String, String)]) -> (text: String, signedHeaders: String) {
        // Header names lower-cased; values trimmed, inner runs of spaces folded; repeated names
        // joined with commas in the order they came.
        var byName: [String: [String]] = [:]
        for (name, value) in headers {
            let key = name.lowercased()
            guard !Signer.unsignedHeaders.contains(key) else { continue }
            byName[key, default: []].append(Signer.foldSpaces(value))
        }
        let names = byName.keys.sorted()
        let canonicalHeaders = names.map { "\($0):\(byName[$0, default: []].joined(separator: ","))\n" }.joined()
        let signedHeaders = names.joined(separator: ";")
        let text = [
            request.method.uppercased(),
            Signer.canonicalPath(request.path),
            Signer.canonicalQuery(request.query),
            canonicalHeaders,
            signedHeaders,
            Hex.sha256(request.body),
        ].joined(separator: "\n")
        return (text, signedHeaders)
    }

    /// The key for a day: HMAC("AWS4" + secret, day) → region → service → "aws4_request".
    func signingKey(secret: String, day: String) -> SymmetricKey {
        func hmac(_ key: SymmetricKey, _ text: String) -> SymmetricKey {
            SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(text.utf8), using: key)))
        }
        var key = SymmetricKey(data: Array(("AWS4" + secret).utf8))
        for part in [day, region, service, "aws4_request"] { key = hmac(key, part) }
        return key
    }

    /// A header value with its white space trimmed and each inner run folded to one space (as
    /// botocore's `' '.join(value.split())`).
    static func foldSpaces(_ value: String) -> String {
        value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The path with `.` and `..` segments and repeated slashes removed (RFC 3986 5.2.4, as
    /// botocore does), then percent-encoded once more, as every service but S3 expects.
    static func canonicalPath(_ path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var segments: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: true) where segment != "." {
            if segment == ".." {
                if !segments.isEmpty { segments.removeLast() }
            } else {
                segments.append(segment)
            }
        }
        let first = path.hasPrefix("/") ? "/" : ""
        let last = path.hasSuffix("/") && !segments.isEmpty ? "/" : ""
        return PercentEncoding.encode(first + segments.joined(separator: "/") + last, keeping: "/~")
    }

    /// Query parameters sorted by encoded name, then value, each encoded with AWS's unreserved set.
    static func canonicalQuery(_ query: [(String, String)]) -> String {
        query.map { (PercentEncoding.encode($0.0), PercentEncoding.encode($0.1)) }
            .sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }
}

/// A request as the signer sees it: method, host, path, decoded query parameters, headers, body.
public struct SigningRequest: Sendable {
    /// `GET`, `POST`.
    public var method: String
    /// The `Host` header's value (with a port when it is not the scheme's default).
    public var host: String
    /// The path as it goes on the wire.
    public var path: String
    /// The query parameters, decoded.
    public var query: [(String, String)]
    /// The headers to send (a `Host` among them or not).
    public var headers: [(String, String)]
    /// The body's bytes.
    public var body: [UInt8]

    /// Creates one.
    public init(method: String, host: String, path: String = "/", query: [(String, String)] = [],
                headers: [(String, String)] = [], body: [UInt8] = []) {
        self.method = method
        self.host = host
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }
}

/// `20150830T123600Z` and `20150830` from epoch seconds.
struct AmzDate {
    let full: String
    let day: String

    init(epochSeconds: Double) {
        let t = UTCTime(epochSeconds: epochSeconds)
        day = t.digits(t.year, 4) + t.digits(t.month, 2) + t.digits(t.day, 2)
        full = day + "T" + t.digits(t.hour, 2) + t.digits(t.minute, 2) + t.digits(t.second, 2) + "Z"
    }
}

/// A moment in UTC, from epoch seconds without Foundation (Howard Hinnant's civil-from-days).
public struct UTCTime: Sendable, Equatable {
    public let year, month, day, hour, minute, second: Int
    /// The thousandths of the second.
    public let millisecond: Int

    /// The moment `epochSeconds` after 1970-01-01T00:00:00Z.
    public init(epochSeconds: Double) {
        let whole = Int64(epochSeconds.rounded(.down))
        var days = whole / 86_400
        var secs = whole % 86_400
        if secs < 0 { secs += 86_400; days -= 1 }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = Int(doy - (153 * mp + 2) / 5 + 1)
        month = Int(mp < 10 ? mp + 3 : mp - 9)
        year = Int(yoe + era * 400 + (month <= 2 ? 1 : 0))
        hour = Int(secs / 3600)
        minute = Int(secs % 3600 / 60)
        second = Int(secs % 60)
        millisecond = min(999, Int(((epochSeconds - Double(whole)) * 1000).rounded(.down)))
    }

    /// `n` with leading zeros to `width` digits.
    public func digits(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    /// `2015-08-30T12:36:00.000Z`.
    public var iso8601: String {
        "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))T\(digits(hour, 2)):\(digits(minute, 2)):\(digits(second, 2)).\(digits(millisecond, 3))Z"
    }
}

/// Lower-case hex and SHA-256 in hex.
public enum Hex {
    /// The bytes as lower-case hex.
    public static func string<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 0x0f)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// SHA-256 of the bytes, in hex.
    public static func sha256(_ bytes: [UInt8]) -> String { string(SHA256.hash(data: bytes)) }
}

/// RFC 3986 percent-encoding with AWS's unreserved set (`A-Z a-z 0-9 - _ . ~`).
public enum PercentEncoding {
    /// Encodes every byte outside the unreserved set and `keeping`.
    public static func encode(_ text: String, keeping: String = "") -> String {
        let keep = Set(keeping.utf8)
        var out: [UInt8] = []
        let hex = Array("0123456789ABCDEF".utf8)
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.append(b)
            default:
                if keep.contains(b) { out.append(b) } else {
                    out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 0x0f)]]
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
