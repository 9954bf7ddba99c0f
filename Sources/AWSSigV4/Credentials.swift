/// An access key pair, with the session token of temporary credentials.
///
/// `description` never shows the secret or the token, so a credential printed by mistake
/// (in an error, a log line) gives nothing away.
public struct Credentials: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The access key id (`AKIA…`, `ASIA…`).
    public var accessKeyId: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The session token of temporary credentials.
    public var sessionToken: String?
    /// When temporary credentials stop working, in seconds since the Unix epoch.
    public var expiration: Double?

    /// Creates credentials.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil, expiration: Double? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.expiration = expiration
    }

    /// The key id only: `AKIA…(secret redacted)`.
    public var description: String { "\(accessKeyId) (secret redacted)" }
    /// The same as `description`.
    public var debugDescription: String { description }
}
