import AWSModel
import Foundation

/// AWS (or any endpoint that speaks its APIs) as a backend, configured as the aws CLI is.
public final class AWSBackend: Backend, @unchecked Sendable {
    // SAFETY: a shell uses its backend from one thread; fields change only in `useProfile`.
    let environment: AWSEnvironment
    var flags: AWSFlags
    public private(set) var settings: AWSSettings
    var chain: CredentialChain
    public let context: WireContext
    let prompt: (@Sendable (String) -> String?)?
    private var accounts: [String: String] = [:]

    /// Creates one; nothing is read from the network until the first call.
    /// - Parameters:
    ///   - transport: nil for libcurl (with AWS_CA_BUNDLE); tests give a recording or a fake one.
    ///   - prompt: asks the person at the terminal (MFA codes); nil when nobody can answer.
    public init(environment: AWSEnvironment, flags: AWSFlags, transport: (any HTTPTransport)? = nil,
                prompt: (@Sendable (String) -> String?)? = nil) {
        self.environment = environment
        self.flags = flags
        let settings = AWSSettings(environment: environment, flags: flags)
        self.settings = settings
        let transport = transport ?? CurlTransport(caBundle: settings.caBundle)
        let context = WireContext(transport: transport, retry: RetryPolicy(maxAttempts: settings.maxAttempts))
        self.context = context
        self.prompt = prompt
        chain = CredentialChain(settings: settings, context: context, prompt: prompt)
    }

    /// `aws:PROFILE`.
    public var displayName: String { "aws:\(settings.profileName)" }

    /// The profile in use.
    public var profile: String? { settings.profileName }

    /// Profile, account (once known) and endpoint: what the completion cache is kept per.
    public var cacheIdentity: String {
        "aws|\(settings.profileName)|\(accounts[settings.profileName] ?? "")|\(settings.configuredEndpoint(serviceId: "ECS", serviceKey: "ecs") ?? "")"
    }

    /// The region the configuration names (flag, environment, profile), or nil.
    public var configuredRegion: String? { settings.region }

    /// Real AWS has no emulator controls.
    public var emulator: (any EmulatorControl)? { nil }

    /// Checks that credentials can be had now, so that a missing one fails before any call.
    /// - Throws: `BackendUnavailable` (exit status 3).
    public func checkCredentials() throws {
        do { _ = try chain.credentials() } catch let error as AWSConfigError {
            throw BackendUnavailable(error.description)
        } catch let error as AWSError {
            throw BackendUnavailable("cannot get credentials for profile \(settings.profileName): \(error.code): \(error.message)")
        } catch let error as WireTransportError {
            throw BackendUnavailable("cannot get credentials for profile \(settings.profileName): \(error)")
        }
    }

    public func cloud(region: String) throws -> any Cloud {
        guard !region.isEmpty else { throw BackendUnavailable(AWSBackend.noRegion) }
        try checkCredentials()
        let settings = self.settings
        let chain = self.chain
        let context = self.context
        return AWSCloud(region: region) { service in
            let model = try WireModels.service(service)
            do {
                return try AWSClient(service: service, region: region,
                                     endpoint: settings.configuredEndpoint(serviceId: model.serviceId, serviceKey: service),
                                     credentials: chain, context: context)
            } catch let error as AWSConfigError {
                throw BackendUnavailable(error.description)
            }
        }
    }

    /// What to do when no region is configured.
    public static let noRegion = "no AWS region: give --region, set AWS_REGION (or AWS_DEFAULT_REGION), or put `region = …` in the profile (`aws configure`)"

    public func useProfile(_ name: String) throws -> String? {
        var next = flags
        next.profile = name
        let settings = AWSSettings(environment: environment, flags: next)
        guard settings.profileExists else {
            throw BackendUnavailable("the profile '\(name)' is not in \(environment.configPath) or \(environment.credentialsPath)")
        }
        flags = next
        self.settings = settings
        chain = CredentialChain(settings: settings, context: context, prompt: prompt)
        return settings.value("region")
    }

    /// The account id (STS GetCallerIdentity), asked once per profile.
    public func accountId() throws -> String {
        if let known = accounts[settings.profileName] { return known }
        try checkCredentials()
        let region = settings.region ?? "us-east-1"
        let sts = try AWSClient(service: "sts", region: region,
                                endpoint: settings.configuredEndpoint(serviceId: "STS", serviceKey: "sts"),
                                credentials: chain, context: context)
        let answer = try sts.call("GetCallerIdentity", .object([:]))
        guard let account = answer["Account"]?.text else { throw AWSError("InvalidResponse", "GetCallerIdentity answered without an Account") }
        accounts[settings.profileName] = account
        return account
    }
}
