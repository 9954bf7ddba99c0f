import AWSModel
import AWSSigV4
import Crypto
import Foundation

/// Credentials as the aws CLI finds them, in botocore's order: the environment (unless a profile
/// was named with --profile), assume-role profiles (`role_arn` with `source_profile` or
/// `credential_source`), SSO profiles (the token `aws sso login` cached), the credentials file,
/// `credential_process`, the config file, ECS container credentials, then IMDSv2.
///
/// Temporary credentials are kept until five minutes before they expire, then fetched again.
public final class CredentialChain: CredentialSource, @unchecked Sendable {
    // SAFETY: `cached` is read and written under `lock`.
    let settings: AWSSettings
    let context: WireContext
    /// Asks the person at the terminal (an MFA code); nil when nobody can answer.
    let prompt: (@Sendable (String) -> String?)?
    private let lock = NSLock()
    private var cached: Credentials?
    /// Where the chain found them, for `context` and errors (`env`, `profile prod`, `sso`, …).
    public private(set) var sourceName: String?

    /// Creates one.
    public init(settings: AWSSettings, context: WireContext, prompt: (@Sendable (String) -> String?)? = nil) {
        self.settings = settings
        self.context = context
        self.prompt = prompt
    }

    public func credentials() throws -> Credentials {
        lock.lock()
        defer { lock.unlock() }
        if let cached, cached.expiration.map({ $0 - context.now() > 300 }) ?? true { return cached }
        let (found, source) = try resolve(profile: settings.profileName, depth: 0, allowEnvironment: !settings.isProfileExplicit)
        cached = found
        sourceName = source
        return found
    }

    var env: AWSEnvironment { settings.environment }

    /// The chain for one profile (source profiles recurse, at most 8 deep).
    func resolve(profile name: String, depth: Int, allowEnvironment: Bool) throws -> (Credentials, String) {
        guard depth < 8 else { throw AWSConfigError("profile \(name): source_profile chain is longer than 8 (a loop?)") }
        if allowEnvironment, depth == 0, let creds = fromEnvironment() { return (creds, "environment") }
        let config = settings.profile(name) ?? [:]
        let file = settings.credentialsSection(name) ?? [:]
        if depth == 0, settings.isProfileNamed, settings.profile(name) == nil, settings.credentialsSection(name) == nil {
            throw AWSConfigError("the profile '\(name)' is not in \(env.configPath) or \(env.credentialsPath)")
        }
        func value(_ key: String) -> String? {
            if let v = config[key], !v.isEmpty { return v }
            return nil
        }
        // AWS: static keys in a profile that also has role_arn are the source of nothing; the role wins.
        if let role = value("role_arn") {
            return (try assumeRole(profile: name, role: role, config: config, depth: depth), "assume-role \(role)")
        }
        if value("sso_session") != nil || value("sso_start_url") != nil {
            return (try sso(profile: name, config: config), "sso")
        }
        if let key = file["aws_access_key_id"], let secret = file["aws_secret_access_key"], !key.isEmpty, !secret.isEmpty {
            return (Credentials(accessKeyId: key, secretAccessKey: secret, sessionToken: file["aws_session_token"].flatMap { $0.isEmpty ? nil : $0 }),
                    "credentials file [\(name)]")
        }
        if let command = value("credential_process") {
            return (try process(command, profile: name), "credential_process")
        }
        if let key = value("aws_access_key_id"), let secret = value("aws_secret_access_key") {
            return (Credentials(accessKeyId: key, secretAccessKey: secret, sessionToken: value("aws_session_token")), "config file [\(name)]")
        }
        if depth == 0 {
            if let creds = try container() { return (creds, "container") }
            if let creds = try instanceMetadata() { return (creds, "instance metadata") }
        }
        throw AWSConfigError(depth == 0
            ? "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or name a profile of \(env.configPath) with --profile or AWS_PROFILE (`aws configure` writes one)"
            : "the source profile '\(name)' has no credentials")
    }

    func fromEnvironment() -> Credentials? {
        guard let key = env["AWS_ACCESS_KEY_ID"], let secret = env["AWS_SECRET_ACCESS_KEY"] else { return nil }
        return Credentials(accessKeyId: key, secretAccessKey: secret, sessionToken: env["AWS_SESSION_TOKEN"] ?? env["AWS_SECURITY_TOKEN"])
    }

    // MARK: assume role

    func assumeRole(profile name: String, role: String, config: [String: String], depth: Int) throws -> Credentials {
        let source: Credentials
        if let sourceProfile = config["source_profile"], !sourceProfile.isEmpty {
            // A profile that is its own source uses its static keys for the first hop (botocore allows that).
            if sourceProfile == name, let file = settings.credentialsSection(name),
               let key = file["aws_access_key_id"], let secret = file["aws_secret_access_key"] {
                source = Credentials(accessKeyId: key, secretAccessKey: secret, sessionToken: file["aws_session_token"])
            } else {
                guard settings.profile(sourceProfile) != nil || settings.credentialsSection(sourceProfile) != nil else {
                    throw AWSConfigError("profile \(name): its source_profile '\(sourceProfile)' does not exist")
                }
                source = try resolve(profile: sourceProfile, depth: depth + 1, allowEnvironment: false).0
            }
        } else if let credentialSource = config["credential_source"], !credentialSource.isEmpty {
            switch credentialSource {
            case "Environment":
                guard let creds = fromEnvironment() else { throw AWSConfigError("profile \(name): credential_source Environment, but AWS_ACCESS_KEY_ID is not set") }
                source = creds
            case "EcsContainer":
                guard let creds = try container() else { throw AWSConfigError("profile \(name): credential_source EcsContainer, but AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is not set") }
                source = creds
            case "Ec2InstanceMetadata":
                guard let creds = try instanceMetadata() else { throw AWSConfigError("profile \(name): credential_source Ec2InstanceMetadata, but instance metadata gave none") }
                source = creds
            default:
                throw AWSConfigError("profile \(name): credential_source must be Environment, EcsContainer or Ec2InstanceMetadata, not '\(credentialSource)'")
            }
        } else {
            throw AWSConfigError("profile \(name) has role_arn but neither source_profile nor credential_source")
        }
        var input: [String: JSONValue] = [
            "RoleArn": .string(role),
            "RoleSessionName": .string(config["role_session_name"].flatMap { $0.isEmpty ? nil : $0 } ?? "bgsh-session-\(Int(context.now()))"),
        ]
        if let external = config["external_id"], !external.isEmpty { input["ExternalId"] = .string(external) }
        if let duration = config["duration_seconds"].flatMap({ Int($0) }) { input["DurationSeconds"] = .number(Double(duration)) }
        if let serial = config["mfa_serial"], !serial.isEmpty {
            guard let prompt, let code = prompt("Enter MFA code for \(serial): "), !code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw AWSConfigError("profile \(name) needs an MFA code (mfa_serial \(serial)), and no terminal can ask for one")
            }
            input["SerialNumber"] = .string(serial)
            input["TokenCode"] = .string(code.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let region = config["sts_regional_endpoints"] == "legacy" ? "us-east-1" : (settings.region ?? "us-east-1")
        let sts = try AWSClient(service: "sts", region: region,
                                endpoint: settings.configuredEndpoint(serviceId: "STS", serviceKey: "sts"),
                                credentials: StaticCredentials(source), context: context)
        let answer = try sts.call("AssumeRole", .object(input))
        guard let creds = answer["Credentials"].flatMap({ CredentialChain.credentials(in: $0, token: "SessionToken") }) else {
            throw AWSConfigError("sts AssumeRole for \(role) answered without credentials")
        }
        return creds
    }

    // MARK: SSO

    func sso(profile name: String, config: [String: String]) throws -> Credentials {
        var startURL = config["sso_start_url"]
        var ssoRegion = config["sso_region"]
        var cacheKey = startURL ?? ""
        if let session = config["sso_session"], !session.isEmpty {
            guard let section = settings.section("sso-session " + session) else {
                throw AWSConfigError("profile \(name) names sso_session '\(session)', but \(env.configPath) has no [sso-session \(session)]")
            }
            startURL = section["sso_start_url"] ?? startURL
            ssoRegion = section["sso_region"] ?? ssoRegion
            cacheKey = session
        }
        guard let account = config["sso_account_id"], let role = config["sso_role_name"], let ssoRegion, startURL != nil else {
            throw AWSConfigError("profile \(name) is an SSO profile without sso_account_id, sso_role_name, sso_region and sso_start_url")
        }
        // The aws CLI names its token cache file by the SHA-1 of the session name (or the start URL).
        let file = Hex.string(Insecure.SHA1.hash(data: Array(cacheKey.utf8)))
        let path = env.expand("~/.aws/sso/cache/\(file).json")
        let login = "run `aws sso login --profile \(name)` and try again"
        guard let text = env.readFile(path), let doc = try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)),
              let token = doc["accessToken"]?.text else {
            throw AWSConfigError("profile \(name): no SSO token is cached (\(path)); \(login)")
        }
        if let expires = doc["expiresAt"]?.text.flatMap(epochSeconds(iso:)), expires <= context.now() {
            throw AWSConfigError("profile \(name): the SSO token expired at \(doc["expiresAt"]?.text ?? "?"); \(login)")
        }
        let portal = try AWSClient(service: "sso", region: ssoRegion,
                                   endpoint: settings.configuredEndpoint(serviceId: "SSO", serviceKey: "sso"),
                                   credentials: nil, context: context)
        let answer: JSONValue
        do {
            answer = try portal.call("GetRoleCredentials", .object([
                "roleName": .string(role), "accountId": .string(account), "accessToken": .string(token),
            ]))
        } catch let error as AWSError where error.code == "UnauthorizedException" {
            throw AWSConfigError("profile \(name): the SSO token was refused (\(error.message)); \(login)")
        }
        guard let c = answer["roleCredentials"], let key = c["accessKeyId"]?.text, let secret = c["secretAccessKey"]?.text else {
            throw AWSConfigError("sso GetRoleCredentials answered without credentials")
        }
        // SSO gives the expiry in milliseconds.
        let expiration = c["expiration"].flatMap { v -> Double? in if case .number(let ms) = v { return ms / 1000 } else { return nil } }
        return Credentials(accessKeyId: key, secretAccessKey: secret, sessionToken: c["sessionToken"]?.text, expiration: expiration)
    }

    // MARK: credential_process

    func process(_ command: String, profile name: String) throws -> Credentials {
        let words = try CredentialChain.shellSplit(command)
        guard let program = words.first else { throw AWSConfigError("profile \(name): credential_process is empty") }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: program.contains("/") ? program : "/usr/bin/env")
        child.arguments = program.contains("/") ? Array(words.dropFirst()) : words
        var environment = env.variables
        environment.removeValue(forKey: "AWS_SECRET_ACCESS_KEY")
        child.environment = environment
        let out = Pipe(), err = Pipe()
        child.standardOutput = out
        child.standardError = err
        child.standardInput = FileHandle.nullDevice
        do { try child.run() } catch {
            throw AWSConfigError("profile \(name): credential_process '\(program)' could not start: \(error.localizedDescription)")
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        guard child.terminationStatus == 0 else {
            throw AWSConfigError("profile \(name): credential_process failed (exit \(child.terminationStatus)): \(errors.trimmedSpaces.replacingOccurrences(of: "\n", with: " "))")
        }
        guard let doc = try? JSONDecoder().decode(JSONValue.self, from: output) else {
            throw AWSConfigError("profile \(name): credential_process did not print JSON")
        }
        guard doc["Version"]?.text == "1" else {
            throw AWSConfigError("profile \(name): credential_process printed Version \(doc["Version"]?.text ?? "(none)"); only Version 1 is known")
        }
        guard let creds = CredentialChain.credentials(in: doc, token: "SessionToken") else {
            throw AWSConfigError("profile \(name): credential_process printed no AccessKeyId and SecretAccessKey")
        }
        return creds
    }

    /// Splits a command line as a POSIX shell would (quotes and backslashes), running nothing.
    static func shellSplit(_ text: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for ch in text {
            if escaped { current.append(ch); escaped = false; inWord = true; continue }
            if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escaped = true } else { current.append(ch) }
                continue
            }
            switch ch {
            case "\\": escaped = true; inWord = true
            case "'", "\"": quote = ch; inWord = true
            case " ", "\t", "\n":
                if inWord { words.append(current); current = ""; inWord = false }
            default: current.append(ch); inWord = true
            }
        }
        if quote != nil || escaped { throw AWSConfigError("credential_process has an unterminated quote or escape") }
        if inWord { words.append(current) }
        return words
    }

    // MARK: container and instance metadata (http by design: link-local endpoints)

    func fetch(_ url: String, method: String = "GET", headers: [(String, String)] = [], timeout: Double = 2) throws -> HTTPResponse {
        try context.transport.send(HTTPRequest(method: method, url: url, headers: headers, body: []), timeout: timeout, isCancelled: context.isCancelled)
    }

    /// ECS task credentials: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (on 169.254.170.2) or _FULL_URI.
    func container() throws -> Credentials? {
        let url: String
        if let relative = env["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] {
            url = "http://169.254.170.2" + relative
        } else if let full = env["AWS_CONTAINER_CREDENTIALS_FULL_URI"] {
            guard let p = EndpointPolicy.parts(full) else { throw AWSConfigError("AWS_CONTAINER_CREDENTIALS_FULL_URI '\(full)' is not a URL") }
            let allowed: Set<String> = ["169.254.170.2", "169.254.170.23", "fd00:ec2::23"]
            guard p.scheme == "https" || EndpointPolicy.isLoopback(p.host) || allowed.contains(p.host) else {
                throw AWSConfigError("AWS_CONTAINER_CREDENTIALS_FULL_URI must be https, loopback or ECS's own address, not '\(full)'")
            }
            url = full
        } else {
            return nil
        }
        var headers: [(String, String)] = []
        if let file = env["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] {
            guard let token = env.readFile(file) else { throw AWSConfigError("cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE \(file)") }
            headers.append(("Authorization", token.trimmedSpaces.replacingOccurrences(of: "\n", with: "")))
        } else if let token = env["AWS_CONTAINER_AUTHORIZATION_TOKEN"] {
            headers.append(("Authorization", token))
        }
        let response = try fetch(url, headers: headers)
        guard response.status == 200, let doc = try? JSONDecoder().decode(JSONValue.self, from: Data(response.body)),
              let creds = CredentialChain.credentials(in: doc, token: "Token") else {
            throw AWSConfigError("the ECS container credentials endpoint answered \(response.status) without credentials")
        }
        return creds
    }

    /// IMDSv2: a session token (PUT), the role's name, then its credentials; nil off EC2.
    func instanceMetadata() throws -> Credentials? {
        if env["AWS_EC2_METADATA_DISABLED"]?.lowercased() == "true" { return nil }
        var base = env["AWS_EC2_METADATA_SERVICE_ENDPOINT"] ?? "http://169.254.169.254"
        while base.hasSuffix("/") { base.removeLast() }
        guard let tokenAnswer = try? fetch(base + "/latest/api/token", method: "PUT",
                                           headers: [("X-aws-ec2-metadata-token-ttl-seconds", "21600")], timeout: 1),
              tokenAnswer.status == 200 else { return nil }
        let token = [("X-aws-ec2-metadata-token", String(decoding: tokenAnswer.body, as: UTF8.self))]
        let roles = try fetch(base + "/latest/meta-data/iam/security-credentials/", headers: token)
        guard roles.status == 200, let role = String(decoding: roles.body, as: UTF8.self).split(separator: "\n").first else { return nil }
        let answer = try fetch(base + "/latest/meta-data/iam/security-credentials/" + role, headers: token)
        guard answer.status == 200, let doc = try? JSONDecoder().decode(JSONValue.self, from: Data(answer.body)) else { return nil }
        return CredentialChain.credentials(in: doc, token: "Token")
    }

    /// Credentials from the document every source but SSO answers with: AccessKeyId,
    /// SecretAccessKey, the token under `token` (STS and credential_process say SessionToken,
    /// ECS and IMDS say Token), and an ISO-8601 Expiration; nil without the key pair.
    static func credentials(in doc: JSONValue, token: String) -> Credentials? {
        guard let key = doc["AccessKeyId"]?.text, let secret = doc["SecretAccessKey"]?.text else { return nil }
        return Credentials(accessKeyId: key, secretAccessKey: secret, sessionToken: doc[token]?.text,
                           expiration: doc["Expiration"]?.text.flatMap(epochSeconds(iso:)))
    }
}
