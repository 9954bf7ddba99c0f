import AWSModel
import Foundation

/// The embedded simulator as a backend: one store, a cloud per region, and emulator control.
public final class SimBackend: Backend, EmulatorControl {
    /// Where the state lives.
    public let statePath: String
    /// The account every ARN names.
    public let account: String
    private var openedStore: SimStore?
    /// `--debug`: each API call's operation and latency, as a line.
    public var debugLog: (@Sendable (String) -> Void)?

    /// Prepares the simulator on a state file; the file is opened on first use, so that `help`
    /// and the first prompt do not wait for SQLite.
    public init(statePath: String, account: String = "123456789012") {
        self.statePath = statePath
        self.account = account
    }

    /// The state, opened (and created, migrated) on first use.
    /// - Throws: `BackendUnavailable` when the file cannot be opened.
    public func store() throws -> SimStore {
        if let openedStore { return openedStore }
        do {
            let store = try SimStore(path: statePath)
            openedStore = store
            return store
        } catch {
            throw BackendUnavailable("cannot open the simulator state \(statePath): \(error)")
        }
    }

    /// `sim`.
    public var displayName: String { "sim" }

    /// The state file: two states are two accounts.
    public var cacheIdentity: String { "sim|" + statePath }

    /// A simulated cloud in a region.
    public func cloud(region: String) throws -> any Cloud {
        SimCloud(store: try store(), region: region, account: account, debugLog: debugLog)
    }

    /// The simulated account.
    public func accountId() throws -> String { account }

    /// Itself: the simulator can do all an emulator can.
    public var emulator: (any EmulatorControl)? { self }

    /// The virtual clock.
    public func now() throws -> Double {
        try store().read { try SimClock.now($0) }
    }

    /// Moves the virtual clock.
    public func advance(seconds: Double) throws {
        let store = try store()
        try store.write { tx in
            let start = try SimClock.now(tx)
            let now = start + max(0, seconds)
            // `sim load`: the requests of each minute passed, routed at that minute (so each
            // lands in its own one-minute datapoint), as far back as a day.
            let loads = try tx.metaEntries(prefix: "load.")
            if !loads.isEmpty {
                var t = max(start, now - 86_400)
                while t < now {
                    let next = min(now, (t / 60).rounded(.down) * 60 + 60)
                    try SimClock.set(tx, t)
                    for (key, value) in loads {
                        let parts = key.dropFirst("load.".count).split(separator: "|", maxSplits: 1).map(String.init)
                        guard parts.count == 2, let rate = Double(value) else { continue }
                        let requests = Int((rate * (next - t)).rounded())
                        if requests > 0 {
                            _ = try? SimCloud(store: store, region: parts[0], account: account).route(tx, listenerArn: parts[1], requests: requests)
                        }
                    }
                    t = next
                }
            }
            try SimClock.set(tx, now)
            // CodeDeploy runs on the clock: its deployments move as time does, in every region.
            // Tasks that cannot pull their image fail and are replaced as time passes.
            for region in try tx.regions(of: SimCloud.taskKind) {
                try SimCloud(store: store, region: region, account: account).replaceFailedTasks(tx, until: now)
            }
            for region in try tx.regions(of: SimCloud.codeDeploymentKind) {
                try SimCloud(store: store, region: region, account: account).progressDeployments(tx, now: now)
            }
            // ECS's native blue/green runs on the clock too.
            for region in try tx.regions(of: SimCloud.nativeDeploymentKind) {
                try SimCloud(store: store, region: region, account: account).progressNative(tx, now: now)
            }
            // Builds push their images, and pipelines move stage by stage (starting builds and
            // deployments, which the next look moves along).
            for region in Set(try tx.regions(of: SimCloud.buildKind) + tx.regions(of: SimCloud.executionKind)).sorted() {
                try SimCloud(store: store, region: region, account: account).progressPipelines(tx, now: now, deployments: false)
            }
        }
    }

    /// Virtual seconds per wall second while bgsh waits; nil for instant.
    public func pace() throws -> Double? {
        try store().read { Double(try $0.meta("pace") ?? "") }
    }

    /// Sets the pace; nil makes waits instant.
    public func setPace(_ pace: Double?) throws {
        try store().write { try $0.setMeta("pace", pace.map { String($0) } ?? "instant") }
    }

    /// Arms an API fault.
    public func failAPI(operation: String, code: String, times: Int) throws {
        try store().write { try SimFaults.arm($0, operation: operation, code: code, times: times) }
    }

    /// Targets of the group fail health checks from now on.
    public func failTargetGroup(_ targetGroupArn: String) throws {
        try store().write { tx in try tx.setMeta("faults.tg." + targetGroupArn, String(try SimClock.now(tx))) }
    }

    /// Ends injected health failures.
    public func heal(_ targetGroupArn: String?) throws {
        try store().write { tx in
            try tx.deleteMeta(prefix: "faults.tg." + (targetGroupArn ?? ""))
            try tx.deleteMeta(prefix: "faults.rate." + (targetGroupArn ?? ""))
            try tx.deleteMeta(prefix: "faults.latency." + (targetGroupArn ?? ""))
            if targetGroupArn == nil {
                try tx.deleteMeta(prefix: "faults.next.")
                try tx.deleteMeta(prefix: "cb.fail.")  // `sim fail build` too
            }
        }
    }

    /// Runs `body` holding an exclusive lock on the state file's lock file (flock): the
    /// processes sharing a state take turns.
    public func exclusively<T>(_ body: () throws -> T) throws -> T {
        let fd = open(statePath + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw BackendUnavailable("cannot open \(statePath).lock: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else { throw BackendUnavailable("cannot lock \(statePath).lock: \(String(cString: strerror(errno)))") }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Arms a fault for one side of a service's next deployment (`sim fail --next`).
    public func armNextDeployment(serviceArn: String, side: String, rateTenths: Int?) throws {
        try store().write { tx in try ArmedFaults.arm(tx, serviceArn: serviceArn, side: side, rateTenths: rateTenths) }
    }

    public func failLatency(_ targetGroupArn: String?, milliseconds: Int, nextDeploymentOf serviceArn: String?, side: String?) throws {
        try store().write { tx in
            if let serviceArn, let side {
                try tx.setMeta(ArmedFaults.key(serviceArn, side) + ".latency", String(milliseconds))
            } else if let targetGroupArn {
                try tx.setMeta("faults.latency." + targetGroupArn, String(milliseconds))
            }
        }
    }

    public func setLoad(region: String, listenerArns: [String], perSecond: Int?) throws {
        try store().write { tx in
            try tx.deleteMeta(prefix: "load.")
            guard let perSecond else { return }
            for arn in listenerArns { try tx.setMeta("load.\(region)|\(arn)", String(perSecond)) }
        }
    }

    /// Targets of the group answer a share of requests with 5xx.
    public func failRate(_ targetGroupArn: String, tenths: Int) throws {
        try store().write { try $0.setMeta("faults.rate." + targetGroupArn, String(tenths)) }
    }

    /// Routes requests by the listener's weights (a seeded generator, so runs repeat), counts
    /// 5xx per target group, and records them as one-minute ALB metrics.
    public func traffic(region: String, listenerArn: String, requests: Int) throws -> [TrafficResult] {
        let cloud = SimCloud(store: try store(), region: region, account: account)
        return try store().write { tx in try cloud.route(tx, listenerArn: listenerArn, requests: requests) }
    }

    /// `sim fail build PROJECT --phase P --times N`.
    public func failBuild(region: String, project: String, phase: String, times: Int) throws {
        try store().write { try $0.setMeta(SimCloud.failKey(region, project), "\(phase)|\(times)") }
    }

    /// Where the simulator reads the source of a CodeBuild project or a pipeline.
    public func setSourceDirectory(region: String, kind: SourceKind, name: String, directory: String) throws {
        try store().write { try $0.setMeta(SimCloud.sourceKey(region, kind.rawValue, name), directory) }
    }

    /// Empties the simulated account.
    public func reset() throws {
        try store().write { try $0.wipe() }
    }
}

/// The virtual clock, kept in the state so that every process sees the same time.
enum SimClock {
    static func now(_ tx: SimStore.Transaction) throws -> Double {
        Double(try tx.meta("clock") ?? "") ?? SimStore.epoch
    }

    static func set(_ tx: SimStore.Transaction, _ value: Double) throws {
        try tx.setMeta("clock", String(value))
    }
}
