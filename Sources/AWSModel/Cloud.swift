/// The AWS services bgsh uses, one protocol each, bundled: the backend interface.
///
/// A `Cloud` is bound to one account and region; the session asks its `Backend` for another when
/// the region changes. Calls are synchronous: the shell runs one command at a time, and a waiting
/// command polls (so Ctrl-C and the virtual clock are checked between calls).
public protocol Cloud: ECSAPI, EC2API, ELBv2API, ECRAPI, CodeDeployAPI, CloudWatchAPI, CodeBuildAPI, CodePipelineAPI, LogsAPI {
    /// The region every call goes to.
    var region: String { get }
}

/// Where clouds come from: the simulator or real AWS.
public protocol Backend: AnyObject {
    /// How the prompt and `context` name it: `sim`, `aws:prod`.
    var displayName: String { get }
    /// A cloud bound to a region.
    func cloud(region: String) throws -> any Cloud
    /// What an emulated account can do beyond AWS; nil on real AWS.
    var emulator: (any EmulatorControl)? { get }
    /// The AWS profile calls use (nil where profiles mean nothing: the simulator).
    var profile: String? { get }
    /// Switches the profile that later calls use; returns the region that profile names, if any.
    /// - Throws: `BackendUnavailable` when the profile cannot be used.
    func useProfile(_ name: String) throws -> String?
    /// The account the calls act in (GetCallerIdentity on AWS, asked once per profile).
    func accountId() throws -> String
}

extension Backend {
    /// What names resources apart from another backend's: a cache of names (completion) is
    /// kept per identity (with region and cluster), so a switch never offers stale names.
    public var cacheIdentity: String { displayName }
    /// The simulator has no profiles.
    public var profile: String? { nil }
    /// The simulator has no profiles: nothing changes.
    public func useProfile(_ name: String) throws -> String? { nil }
}

/// What an emulated account can do beyond AWS: its clock, faults and reset.
public protocol EmulatorControl: AnyObject {
    /// The virtual clock, in seconds since the Unix epoch.
    func now() throws -> Double
    /// Moves the virtual clock forward.
    func advance(seconds: Double) throws
    /// Empties the simulated account (every region).
    func reset() throws
    /// Virtual seconds per wall second while bgsh waits; nil for instant (waits jump).
    func pace() throws -> Double?
    /// Sets the pace (nil: instant).
    func setPace(_ pace: Double?) throws
    /// Makes the next `times` calls of `operation` fail with the AWS error `code`.
    func failAPI(operation: String, code: String, times: Int) throws
    /// From now on the targets of a target group fail their health checks.
    func failTargetGroup(_ targetGroupArn: String) throws
    /// Ends injected health failures: of one target group, or (nil) of all.
    func heal(_ targetGroupArn: String?) throws
    /// From now on the targets of a group stay healthy but answer `tenths`/1000 of requests with 5xx.
    func failRate(_ targetGroupArn: String, tenths: Int) throws
    /// Arms a health failure (`rateTenths` nil) or a 5xx rate for `side` (blue or green) of the
    /// service's next deployment, taking effect when that deployment starts.
    func armNextDeployment(serviceArn: String, side: String, rateTenths: Int?) throws
    /// Targets of the group stay healthy and answer `milliseconds` slower than the baseline;
    /// with `serviceArn` and `side`, armed for that side of the service's next deployment instead.
    func failLatency(_ targetGroupArn: String?, milliseconds: Int, nextDeploymentOf serviceArn: String?, side: String?) throws
    /// `sim load N/s`: from now on, while the clock moves, `perSecond` requests a virtual second
    /// through each listener (nil: none, `sim load off`).
    func setLoad(region: String, listenerArns: [String], perSecond: Int?) throws
    /// Runs `body` while holding the simulated account's deploy lock, so that two processes'
    /// check-then-create cannot interleave (two `deploy`s at once: one starts, one is refused).
    func exclusively<T>(_ body: () throws -> T) throws -> T
    /// `sim fail build PROJECT`: the project's next `times` builds fail in `phase`.
    func failBuild(region: String, project: String, phase: String, times: Int) throws
    /// Where the emulator reads a CodeBuild project's source (the buildspec) or a pipeline's
    /// source artifact (taskdef.json, appspec.yaml): the folder of its JSON file, or `build start --source-dir`.
    func setSourceDirectory(region: String, kind: SourceKind, name: String, directory: String) throws
    /// Sends simulated requests through a listener, split by its weights; records the ALB
    /// metrics (RequestCount, HTTPCode_Target_5XX_Count) that alarms evaluate.
    func traffic(region: String, listenerArn: String, requests: Int) throws -> [TrafficResult]
}

/// What `sim traffic` saw for one target group.
public struct TrafficResult: Sendable, Equatable {
    public var targetGroupArn: String
    public var requests: Int
    public var errors: Int
    public init(targetGroupArn: String, requests: Int, errors: Int) {
        self.targetGroupArn = targetGroupArn
        self.requests = requests
        self.errors = errors
    }
}

/// What an emulated source folder belongs to.
public enum SourceKind: String, Sendable {
    /// A CodeBuild project (the folder of its JSON file).
    case project
    /// A project's next build only (`build start --source-dir`).
    case nextBuild = "next-build"
    /// A pipeline (its source artifact).
    case pipeline
}
