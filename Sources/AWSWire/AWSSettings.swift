import Foundation

/// Where the aws backend reads its configuration: the environment and the two files, injected so
/// tests are hermetic.
public struct AWSEnvironment: Sendable {
    public var variables: [String: String]
    /// Reads a file's text (nil when it is absent or unreadable).
    public var readFile: @Sendable (String) -> String?

    /// Creates one over a process environment and the file system.
    public init(variables: [String: String], readFile: @escaping @Sendable (String) -> String? = AWSEnvironment.readFromDisk) {
        self.variables = variables
        self.readFile = readFile
    }

    /// Reads a file from disk.
    public static let readFromDisk: @Sendable (String) -> String? = { path in
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A variable, nil when unset or empty.
    public subscript(name: String) -> String? {
        guard let v = variables[name], !v.isEmpty else { return nil }
        return v
    }

    /// `~` expanded against HOME.
    func expand(_ path: String) -> String {
        guard path.hasPrefix("~") else { return path }
        return (self["HOME"] ?? "") + path.dropFirst()
    }

    /// ~/.aws/config (AWS_CONFIG_FILE).
    var configPath: String { expand(self["AWS_CONFIG_FILE"] ?? "~/.aws/config") }
    /// ~/.aws/credentials (AWS_SHARED_CREDENTIALS_FILE).
    var credentialsPath: String { expand(self["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials") }
}

/// What the launch flags say (each wins over everything else).
public struct AWSFlags: Sendable, Equatable {
    public var profile: String?
    public var region: String?
    public var endpointURL: String?

    /// Creates them.
    public init(profile: String? = nil, region: String? = nil, endpointURL: String? = nil) {
        self.profile = profile
        self.region = region
        self.endpointURL = endpointURL
    }
}

/// A configuration error: the message says what is wrong and how to fix it (exit status 3).
public struct AWSConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The configuration of one profile, resolved the way botocore resolves it.
public struct AWSSettings: Sendable {
    public let environment: AWSEnvironment
    public let flags: AWSFlags
    /// The profile's name (`default` when none is named).
    public let profileName: String
    /// True when a profile was named (flag or AWS_PROFILE), so a missing one is an error.
    public let isProfileNamed: Bool
    /// True when the profile came from `--profile` or `profile NAME`: then, as botocore does,
    /// the AWS_ACCESS_KEY_ID variables are not used.
    public let isProfileExplicit: Bool
    let config: ConfigFile
    let credentials: ConfigFile

    /// Reads the files and picks the profile: the flag, else AWS_PROFILE (AWS_DEFAULT_PROFILE), else `default`.
    public init(environment: AWSEnvironment, flags: AWSFlags) {
        self.environment = environment
        self.flags = flags
        let fromEnv = environment["AWS_PROFILE"] ?? environment["AWS_DEFAULT_PROFILE"]
        profileName = flags.profile ?? fromEnv ?? "default"
        isProfileNamed = flags.profile != nil || fromEnv != nil
        isProfileExplicit = flags.profile != nil
        config = ConfigFile(text: environment.readFile(environment.configPath) ?? "")
        credentials = ConfigFile(text: environment.readFile(environment.credentialsPath) ?? "")
    }

    /// The `[profile NAME]` (or `[default]`) section of the config file.
    public func profile(_ name: String) -> [String: String]? {
        if name == "default" { return config["default"] ?? config["profile default"] }
        return config["profile " + name]
    }

    /// Every profile either file names (`[default]`, `[profile NAME]`; the credentials file's
    /// `[NAME]`), sorted.
    public var profileNames: [String] {
        let fromConfig = config.sections.keys.compactMap { header -> String? in
            if header == "default" { return header }
            return header.hasPrefix("profile ") ? String(header.dropFirst("profile ".count)).trimmingCharacters(in: .whitespaces) : nil
        }
        return Array(Set(fromConfig + credentials.sections.keys)).sorted()
    }

    /// The `[NAME]` section of the credentials file.
    public func credentialsSection(_ name: String) -> [String: String]? { credentials[name] }

    /// A section of the config file by its full header (`sso-session corp`, `services local`).
    public func section(_ header: String) -> [String: String]? { config[header] }

    /// True when the profile exists in either file.
    public var profileExists: Bool { profile(profileName) != nil || credentialsSection(profileName) != nil }

    /// A setting of the current profile (config file).
    public func value(_ key: String) -> String? {
        guard let v = profile(profileName)?[key], !v.isEmpty else { return nil }
        return v
    }

    /// The region: `--region`, AWS_REGION, AWS_DEFAULT_REGION, then the profile's `region`.
    public var region: String? {
        flags.region ?? environment["AWS_REGION"] ?? environment["AWS_DEFAULT_REGION"] ?? value("region")
    }

    /// `max_attempts` (AWS_MAX_ATTEMPTS): total attempts, first one included.
    public var maxAttempts: Int {
        if let n = (environment["AWS_MAX_ATTEMPTS"] ?? value("max_attempts")).flatMap({ Int($0) }), n >= 1 { return n }
        return retryMode == "legacy" ? 5 : 3
    }

    /// `retry_mode` (AWS_RETRY_MODE): standard (the default), legacy or adaptive.
    public var retryMode: String { environment["AWS_RETRY_MODE"] ?? value("retry_mode") ?? "standard" }

    /// AWS_CA_BUNDLE or the profile's `ca_bundle`.
    public var caBundle: String? { (environment["AWS_CA_BUNDLE"] ?? value("ca_bundle")).map(environment.expand) }

    /// The endpoint for a service, or nil for AWS's own: `--endpoint-url`, then
    /// AWS_ENDPOINT_URL_<SERVICE_ID>, AWS_ENDPOINT_URL, the profile's `services` section, the
    /// profile's `endpoint_url` (botocore's order; AWS_IGNORE_CONFIGURED_ENDPOINT_URLS skips all but the flag).
    func configuredEndpoint(serviceId: String, serviceKey: String) -> String? {
        if let flag = flags.endpointURL { return flag }
        let ignore = (environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] ?? value("ignore_configured_endpoint_urls"))?.lowercased() == "true"
        if ignore { return nil }
        if let v = environment["AWS_ENDPOINT_URL_" + serviceId.uppercased()] { return v }
        if let v = environment["AWS_ENDPOINT_URL"] { return v }
        if let services = value("services"), let section = section("services " + services),
           let v = section[serviceKey + ".endpoint_url"], !v.isEmpty {
            return v
        }
        return value("endpoint_url")
    }

    /// `https://PREFIX.REGION.amazonaws.com` (`.amazonaws.com.cn` in China).
    static func defaultEndpoint(prefix: String, region: String) -> String {
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return "https://\(prefix).\(region).\(suffix)"
    }
}

/// Endpoint rules of the security policy: https only, except http to loopback (emulators) and to
/// the two credential endpoints AWS serves over http.
enum EndpointPolicy {
    /// The host of a URL (`[::1]` without brackets), the scheme and the rest.
    static func parts(_ url: String) -> (scheme: String, host: String, port: Int?)? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        var rest = url[schemeEnd.upperBound...]
        if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) { rest = rest[..<slash] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        var host = String(rest)
        var port: Int?
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return nil }
            let after = host[host.index(after: close)...]
            if after.hasPrefix(":") { port = Int(after.dropFirst()) }
            host = String(host[host.index(after: host.startIndex)..<close])
        } else if let colon = host.lastIndex(of: ":") {
            port = Int(host[host.index(after: colon)...])
            host = String(host[..<colon])
        }
        guard !host.isEmpty else { return nil }
        return (scheme, host.lowercased(), port)
    }

    /// True for 127.0.0.0/8, ::1 and localhost.
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets.first == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// Refuses an endpoint that is not https, unless it is loopback (or one of `httpAllowed`).
    static func check(_ url: String, httpAllowed: Set<String> = []) throws {
        guard let p = parts(url), p.scheme == "https" || p.scheme == "http" else {
            throw AWSConfigError("endpoint '\(url)' is not an http(s) URL")
        }
        if p.scheme == "http", !isLoopback(p.host), !httpAllowed.contains(p.host) {
            throw AWSConfigError("endpoint '\(url)' is plain http to a host that is not loopback: bgsh sends credentials only over https (http is allowed to 127.0.0.1, ::1 and localhost, for emulators)")
        }
    }
}
