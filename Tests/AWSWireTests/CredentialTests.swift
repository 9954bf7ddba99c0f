import AWSModel
import AWSSigV4
import Crypto
@testable import AWSWire
import Foundation
import Testing

struct CredentialCase: Decodable, CustomTestStringConvertible {
    let name: String
    var env: [String: String]?
    var config: String?
    var credentials: String?
    var files: [String: String]?
    var executable: [String]?
    var profile: String?
    var expect: String?
    var error: String?
    var testDescription: String { name }

    static let all: [CredentialCase] = {
        guard let data = FileManager.default.contents(atPath: supportFile("credential-cases.json")),
              let cases = try? JSONDecoder().decode([CredentialCase].self, from: data) else { return [] }
        return cases
    }()

    /// The case's files in a fresh folder, and its environment pointing at them.
    func materialize() throws -> (dir: String, env: [String: String]) {
        let dir = NSTemporaryDirectory() + "bgsh-creds-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        var all = files ?? [:]
        all["config"] = config ?? ""
        all["credentials"] = credentials ?? ""
        for (name, text) in all {
            let parent = (dir + "/" + name as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try text.replacingOccurrences(of: "{dir}", with: dir).write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
        for name in executable ?? [] { chmod(dir + "/" + name, 0o700) }
        var environment = ["HOME": dir, "AWS_CONFIG_FILE": dir + "/config", "AWS_SHARED_CREDENTIALS_FILE": dir + "/credentials",
                           "AWS_EC2_METADATA_DISABLED": "true", "PATH": "/usr/bin:/bin"]
        for (k, v) in env ?? [:] { environment[k] = v.replacingOccurrences(of: "{dir}", with: dir) }
        return (dir, environment)
    }
}

@Suite struct CredentialTests {
    static func chain(_ env: [String: String], profile: String? = nil, transport: ScriptedTransport = ScriptedTransport(body: "{}"),
                      region: String? = "us-east-1") -> CredentialChain {
        let settings = AWSSettings(environment: AWSEnvironment(variables: env), flags: AWSFlags(profile: profile, region: region))
        let context = WireContext(transport: transport, retry: RetryPolicy(maxAttempts: 1))
        context.now = { 1_900_000_000 }
        return CredentialChain(settings: settings, context: context)
    }

    @Test func theTableIsBotocores() throws {
        let cases = CredentialCase.all
        #expect(cases.count >= 15)
        let lines = try runPython("credentials_botocore.py", [])
        var botocore: [String: String?] = [:]
        for line in lines.split(separator: "\n") {
            let doc = try JSONDecoder().decode([String: String?].self, from: Data(line.utf8))
            botocore[(doc["name"] ?? nil) ?? ""] = doc["key"] ?? nil
        }
        for c in cases {
            #expect(botocore.keys.contains(c.name), "\(c.name): botocore did not run it")
            #expect((botocore[c.name] ?? nil) == c.expect, "\(c.name): botocore finds \(String(describing: botocore[c.name]))")
        }
    }

    @Test(arguments: CredentialCase.all)
    func resolves(_ c: CredentialCase) throws {
        let (dir, env) = try c.materialize()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let chain = CredentialTests.chain(env, profile: c.profile)
        if let expected = c.expect {
            #expect(try chain.credentials().accessKeyId == expected)
        } else {
            let error = #expect(throws: AWSConfigError.self) { _ = try chain.credentials() }
            if let fragment = c.error { #expect(error?.description.contains(fragment) == true, "\(error?.description ?? "")") }
        }
    }

    static let assumeRoleAnswer = """
    <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
    <Credentials><AccessKeyId>ASIAROLE</AccessKeyId><SecretAccessKey>rs</SecretAccessKey><SessionToken>rt</SessionToken>
    <Expiration>2031-03-17T12:00:00Z</Expiration></Credentials>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/deploy/bgsh</Arn><AssumedRoleId>AROA:bgsh</AssumedRoleId></AssumedRoleUser>
    </AssumeRoleResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></AssumeRoleResponse>
    """

    @Test func assumeRoleWithASourceProfile() throws {
        let c = CredentialCase(name: "assume", config: "[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = base\nrole_session_name = bgsh\nexternal_id = x-1\n",
                               credentials: "[base]\naws_access_key_id = AKBASE\naws_secret_access_key = base-secret\n")
        let (dir, env) = try c.materialize()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = ScriptedTransport(body: CredentialTests.assumeRoleAnswer)
        let chain = CredentialTests.chain(env, profile: "deploy", transport: t)
        let creds = try chain.credentials()
        #expect(creds.accessKeyId == "ASIAROLE" && creds.sessionToken == "rt")
        #expect(creds.expiration == epochSeconds(iso: "2031-03-17T12:00:00Z"))
        let request = try #require(t.sent.first)
        #expect(request.url == "https://sts.us-east-1.amazonaws.com/")
        #expect(request.form["Action"] == "AssumeRole" && request.form["RoleArn"] == "arn:aws:iam::123456789012:role/deploy")
        #expect(request.form["RoleSessionName"] == "bgsh" && request.form["ExternalId"] == "x-1")
        #expect(request.header("Authorization")?.contains("Credential=AKBASE/") == true)
        // Cached until five minutes before expiry: no second call.
        _ = try chain.credentials()
        #expect(t.sent.count == 1)
    }

    @Test func assumeRoleFromTheEnvironment() throws {
        let c = CredentialCase(name: "env-source", env: ["AWS_ACCESS_KEY_ID": "AKENV", "AWS_SECRET_ACCESS_KEY": "s"],
                               config: "[profile deploy]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Environment\n")
        let (dir, env) = try c.materialize()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = ScriptedTransport(body: CredentialTests.assumeRoleAnswer)
        #expect(try CredentialTests.chain(env, profile: "deploy", transport: t).credentials().accessKeyId == "ASIAROLE")
        #expect(t.sent.first?.header("Authorization")?.contains("Credential=AKENV/") == true)
    }

    @Test func mfaSerialAsksForTheCodeAndSendsIt() throws {
        let c = CredentialCase(name: "mfa", config: "[profile deploy]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = base\nmfa_serial = arn:aws:iam::1:mfa/ops\n",
                               credentials: "[base]\naws_access_key_id = AKBASE\naws_secret_access_key = s\n")
        let (dir, env) = try c.materialize()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = ScriptedTransport(body: CredentialTests.assumeRoleAnswer)
        let asked = WaitLog()
        let settings = AWSSettings(environment: AWSEnvironment(variables: env), flags: AWSFlags(profile: "deploy", region: "us-east-1"))
        let context = WireContext(transport: t, retry: RetryPolicy(maxAttempts: 1))
        context.now = { 1_900_000_000 }
        let chain = CredentialChain(settings: settings, context: context, prompt: { question in asked.addLine(question); return " 123456\n" })
        #expect(try chain.credentials().accessKeyId == "ASIAROLE")
        #expect(asked.lines == ["Enter MFA code for arn:aws:iam::1:mfa/ops: "])
        #expect(t.sent.first?.form["SerialNumber"] == "arn:aws:iam::1:mfa/ops")
        #expect(t.sent.first?.form["TokenCode"] == "123456")
        // Nobody to ask (a runbook without a terminal): a clear error, no call.
        let silent = CredentialChain(settings: settings, context: WireContext(transport: t, retry: RetryPolicy(maxAttempts: 1)), prompt: nil)
        let error = #expect(throws: AWSConfigError.self) { _ = try silent.credentials() }
        #expect(error?.description.contains("needs an MFA code") == true)
        #expect(t.sent.count == 1)
    }

    @Test func aRoleWithoutASourceIsRefused() throws {
        let c = CredentialCase(name: "no-source", config: "[profile deploy]\nrole_arn = arn:aws:iam::1:role/r\n")
        let (dir, env) = try c.materialize()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let error = #expect(throws: AWSConfigError.self) { _ = try CredentialTests.chain(env, profile: "deploy").credentials() }
        #expect(error?.description.contains("neither source_profile nor credential_source") == true)
    }

    static func ssoCase(expiresAt: String) -> CredentialCase {
        // The aws CLI names the cache file by the SHA-1 of the session's name: sha1("corp").
        CredentialCase(name: "sso", config: """
            [profile dev]
            sso_session = corp
            sso_account_id = 111122223333
            sso_role_name = Deployer
            region = eu-west-1
            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            sso_region = eu-central-1
            """)
            .withSSOToken(expiresAt: expiresAt)
    }

    @Test func ssoUsesTheCachedToken() throws {
        let (dir, env) = try CredentialTests.ssoCase(expiresAt: "2031-01-01T00:00:00Z").materialize()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = ScriptedTransport(body: #"{"roleCredentials": {"accessKeyId": "ASIASSO", "secretAccessKey": "x", "sessionToken": "y", "expiration": 1900003600000}}"#)
        let creds = try CredentialTests.chain(env, profile: "dev", transport: t).credentials()
        #expect(creds.accessKeyId == "ASIASSO" && creds.expiration == 1_900_003_600)
        let request = try #require(t.sent.first)
        #expect(request.method == "GET")
        let (path, query) = (request.url.split(separator: "?").first.map(String.init) ?? "", request.url.split(separator: "?").last.map(String.init) ?? "")
        #expect(path == "https://portal.sso.eu-central-1.amazonaws.com/federation/credentials")
        #expect(Set(query.split(separator: "&")) == ["role_name=Deployer", "account_id=111122223333"])
        #expect(request.header("x-amz-sso_bearer_token") == "cached-token")
        #expect(request.header("Authorization") == nil)
    }

    @Test func anExpiredSSOTokenSaysToLogIn() throws {
        let (dir, env) = try CredentialTests.ssoCase(expiresAt: "2020-01-01T00:00:00Z").materialize()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let t = ScriptedTransport(body: "{}")
        let error = #expect(throws: AWSConfigError.self) { _ = try CredentialTests.chain(env, profile: "dev", transport: t).credentials() }
        #expect(error?.description.contains("aws sso login --profile dev") == true)
        #expect(t.sent.isEmpty)
    }

    @Test func ecsContainerCredentials() throws {
        let t = ScriptedTransport(body: #"{"AccessKeyId": "ASIATASK", "SecretAccessKey": "s", "Token": "t", "Expiration": "2031-01-01T00:00:00Z"}"#)
        let env = ["HOME": "/nonexistent", "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:8/creds",
                   "AWS_CONTAINER_AUTHORIZATION_TOKEN": "auth-1", "AWS_EC2_METADATA_DISABLED": "true"]
        #expect(try CredentialTests.chain(env, transport: t).credentials().accessKeyId == "ASIATASK")
        #expect(t.sent.first?.url == "http://127.0.0.1:8/creds" && t.sent.first?.header("Authorization") == "auth-1")
    }

    @Test func instanceMetadataV2() throws {
        let t = ScriptedTransport([
            { r in HTTPResponse(status: r.method == "PUT" && r.header("X-aws-ec2-metadata-token-ttl-seconds") == "21600" ? 200 : 403, headers: [:], body: Array("imds-token".utf8)) },
            { r in HTTPResponse(status: r.header("X-aws-ec2-metadata-token") == "imds-token" ? 200 : 401, headers: [:], body: Array("web-role\n".utf8)) },
            { r in HTTPResponse(status: r.url.hasSuffix("/web-role") ? 200 : 404, headers: [:],
                                body: Array(#"{"AccessKeyId": "ASIAIMDS", "SecretAccessKey": "s", "Token": "t", "Expiration": "2031-01-01T00:00:00Z"}"#.utf8)) },
        ])
        let env = ["HOME": "/nonexistent", "AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:9/"]
        #expect(try CredentialTests.chain(env, transport: t).credentials().accessKeyId == "ASIAIMDS")
        #expect(t.sent.map(\.url) == ["http://127.0.0.1:9/latest/api/token", "http://127.0.0.1:9/latest/meta-data/iam/security-credentials/",
                                      "http://127.0.0.1:9/latest/meta-data/iam/security-credentials/web-role"])
    }

    @Test func regionAndEndpointPrecedence() {
        let config = "[profile p]\nregion = eu-north-1\nendpoint_url = http://127.0.0.1:1\nservices = local\n[services local]\necs =\n  endpoint_url = http://127.0.0.1:2\n"
        func settings(_ env: [String: String], _ flags: AWSFlags) -> AWSSettings {
            AWSSettings(environment: AWSEnvironment(variables: env.merging(["AWS_CONFIG_FILE": "/c"]) { a, _ in a }, readFile: { $0 == "/c" ? config : nil }), flags: flags)
        }
        #expect(settings([:], AWSFlags(profile: "p")).region == "eu-north-1")
        #expect(settings(["AWS_DEFAULT_REGION": "ap-south-1"], AWSFlags(profile: "p")).region == "ap-south-1")
        #expect(settings(["AWS_DEFAULT_REGION": "ap-south-1", "AWS_REGION": "sa-east-1"], AWSFlags(profile: "p")).region == "sa-east-1")
        #expect(settings(["AWS_REGION": "sa-east-1"], AWSFlags(profile: "p", region: "us-west-2")).region == "us-west-2")
        #expect(settings([:], AWSFlags()).region == nil)
        let p = settings([:], AWSFlags(profile: "p"))
        #expect(p.configuredEndpoint(serviceId: "ECS", serviceKey: "ecs") == "http://127.0.0.1:2")
        #expect(p.configuredEndpoint(serviceId: "EC2", serviceKey: "ec2") == "http://127.0.0.1:1")
        let env = settings(["AWS_ENDPOINT_URL": "http://127.0.0.1:3", "AWS_ENDPOINT_URL_ECS": "http://127.0.0.1:4"], AWSFlags(profile: "p"))
        #expect(env.configuredEndpoint(serviceId: "ECS", serviceKey: "ecs") == "http://127.0.0.1:4")
        #expect(env.configuredEndpoint(serviceId: "Elastic_Load_Balancing_v2", serviceKey: "elbv2") == "http://127.0.0.1:3")
        #expect(settings(["AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2": "http://127.0.0.1:5"], AWSFlags())
            .configuredEndpoint(serviceId: "Elastic_Load_Balancing_v2", serviceKey: "elbv2") == "http://127.0.0.1:5")
        #expect(settings(["AWS_ENDPOINT_URL": "http://127.0.0.1:3"], AWSFlags(profile: "p", endpointURL: "http://127.0.0.1:6"))
            .configuredEndpoint(serviceId: "ECS", serviceKey: "ecs") == "http://127.0.0.1:6")
        #expect(settings(["AWS_ENDPOINT_URL": "http://127.0.0.1:3", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true"], AWSFlags(profile: "p"))
            .configuredEndpoint(serviceId: "ECS", serviceKey: "ecs") == nil)
        #expect(settings(["AWS_MAX_ATTEMPTS": "7"], AWSFlags()).maxAttempts == 7)
        #expect(settings(["AWS_RETRY_MODE": "legacy"], AWSFlags()).maxAttempts == 5)
        #expect(settings([:], AWSFlags()).maxAttempts == 3)
    }
}

extension CredentialCase {
    /// Puts the SSO token cache file (named as the aws CLI names it) with that expiry.
    func withSSOToken(expiresAt: String) -> CredentialCase {
        var copy = self
        let file = ".aws/sso/cache/" + Hex.string(Array(Insecure.SHA1.hash(data: Array("corp".utf8)))) + ".json"
        copy.files = [file: #"{"startUrl": "https://corp.awsapps.com/start", "region": "eu-central-1", "accessToken": "cached-token", "expiresAt": "\#(expiresAt)"}"#]
        return copy
    }
}
