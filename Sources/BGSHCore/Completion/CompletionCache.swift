import Foundation

/// Names of live resources for completion, by key (`SCOPE#KIND`), each kept for a short time;
/// and the lookups in flight, so that a TAB that gave up waiting lets its lookup finish in the
/// background and the next TAB finds the names. Safe to use from the lookup threads.
public final class CompletionCache: @unchecked Sendable {
    // SAFETY (@unchecked Sendable): every member is read and written under `lock`.
    private let lock = NSLock()
    private var entries: [String: (names: [String], at: Double)] = [:]
    private var inFlight: [String: DispatchGroup] = [:]
    /// How long names stay fresh, in seconds.
    public var timeToLive: Double = 30
    /// The clock (monotonic seconds; a test's own).
    public var now: @Sendable () -> Double = { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    public init() {}

    /// The names under a key and whether they are still fresh.
    public func entry(_ key: String) -> (names: [String], isFresh: Bool)? {
        lock.withLock { entries[key].map { ($0.names, now() - $0.at < timeToLive) } }
    }

    /// Keeps names under a key from now.
    public func store(_ key: String, _ names: [String]) {
        lock.withLock { entries[key] = (names, now()) }
    }

    /// Forgets every key (`refresh`, `sim reset`, and after any command that changes resources).
    public func removeAll() {
        lock.withLock { entries = [:] }
    }

    /// True when nothing is cached under keys starting with `prefix`.
    public func isEmpty(prefix: String) -> Bool {
        lock.withLock { !entries.keys.contains { $0.hasPrefix(prefix) } }
    }

    /// Starts `lookup` for a key on a background thread unless one is in flight, and returns
    /// the group to wait on; when it ends its names are stored.
    func lookup(_ key: String, _ body: @escaping @Sendable () -> [String]?) -> DispatchGroup {
        lock.lock()
        if let running = inFlight[key] { lock.unlock(); return running }
        let group = DispatchGroup()
        group.enter()
        inFlight[key] = group
        lock.unlock()
        DispatchQueue.global(qos: .userInitiated).async {
            let names = body()
            self.lock.withLock {
                if let names { self.entries[key] = (names, self.now()) }
                self.inFlight[key] = nil
            }
            group.leave()
        }
        return group
    }
}
