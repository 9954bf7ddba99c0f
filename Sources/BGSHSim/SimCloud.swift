import AWSModel
import Foundation

/// The simulated AWS account in one region: implements `Cloud` with AWS's validation and errors.
///
/// Every operation is one transaction on the store. State that moves with time (a task starting,
/// a target passing its health checks, a target draining) is stored as timestamps and derived
/// when it is read, from the virtual clock: nothing runs in the background, and any process that
/// reads the file sees the same account.
public struct SimCloud: Cloud {
    let store: SimStore
    /// The region every call goes to.
    public let region: String
    let account: String
    let debugLog: (@Sendable (String) -> Void)?

    init(store: SimStore, region: String, account: String, debugLog: (@Sendable (String) -> Void)? = nil) {
        self.store = store
        self.region = region
        self.account = account
        self.debugLog = debugLog
    }

    /// `--debug`: `sim Operation region 200 0.4ms` (or the error code instead of 200).
    func logged<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        guard let debugLog else { return try body() }
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> String {
            let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            return String(format: "%.1fms", ms)
        }
        do {
            let result = try body()
            debugLog("sim \(operation) \(region) 200 \(elapsed())")
            return result
        } catch let error as AWSError {
            debugLog("sim \(operation) \(region) \(error.statusCode) \(error.code) \(elapsed())")
            throw error
        }
    }

    /// `arn:aws:SERVICE:REGION:ACCOUNT:RESOURCE`.
    func arn(_ service: String, _ resource: String) -> String {
        "arn:aws:\(service):\(region):\(account):\(resource)"
    }

    /// Runs a mutating operation in one transaction, after any injected fault for it.
    func write<T>(_ operation: String, _ body: (SimStore.Transaction) throws -> T) throws -> T {
        try logged(operation) { try unloggedWrite(operation, body) }
    }

    func unloggedWrite<T>(_ operation: String, _ body: (SimStore.Transaction) throws -> T) throws -> T {
        let outcome: Result<T, AWSError> = try store.write { tx in
            if let fault = try SimFaults.take(tx, operation: operation) { return .failure(fault) }
            return .success(try body(tx))
        }
        return try outcome.get()
    }

    /// Runs a reading operation on a snapshot, after any injected fault for it.
    func read<T>(_ operation: String, _ body: (SimStore.Transaction) throws -> T) throws -> T {
        try logged(operation) { try unloggedRead(operation, body) }
    }

    func unloggedRead<T>(_ operation: String, _ body: (SimStore.Transaction) throws -> T) throws -> T {
        // One snapshot answers both "is a fault armed?" and the read itself; only a fault that
        // fires needs a write (to count it down).
        let outcome: T? = try store.read { tx in try SimFaults.isArmed(tx, operation: operation) ? nil : try body(tx) }
        if let outcome { return outcome }
        if let fault = try store.write({ try SimFaults.take($0, operation: operation) }) { throw fault }
        return try store.read(body)
    }

    /// The virtual clock inside a transaction.
    func now(_ tx: SimStore.Transaction) throws -> Double { try SimClock.now(tx) }

    /// A hex id that never repeats in this state: `counter` numbers it, the kind salts it.
    func hexID(_ tx: SimStore.Transaction, _ kind: String, length: Int = 17) throws -> String {
        let n = try tx.nextNumber("id." + kind)
        return SimIDs.hex(kind: kind, number: n, length: length)
    }
}

/// Deterministic AWS-shaped ids: the same runbook on a fresh state gives the same ids.
enum SimIDs {
    /// `length` hex digits from (kind, number), well mixed (splitmix64).
    static func hex(kind: String, number: Int, length: Int) -> String {
        var seed: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in kind.utf8 { seed = (seed ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        func mix(_ x: UInt64) -> UInt64 {
            var z = x &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var out = ""
        // Each id gets its own stream (the number is mixed in, not added), so that the ids of
        // consecutive numbers share no digits by construction.
        var state = mix(seed ^ mix(UInt64(number)))
        while out.count < length {
            state = mix(state)
            let chunk = String(state, radix: 16)
            out += String(repeating: "0", count: 16 - chunk.count) + chunk
        }
        return String(out.prefix(length))
    }

    /// A UUID-shaped id (CodeDeploy, ECS events).
    static func uuid(kind: String, number: Int) -> String {
        let h = hex(kind: kind, number: number, length: 32)
        let c = Array(h)
        return String(c[0..<8]) + "-" + String(c[8..<12]) + "-" + String(c[12..<16]) + "-" + String(c[16..<20]) + "-" + String(c[20..<32])
    }
}

/// ISO-8601 with milliseconds, as the aws CLI prints ELBv2 times.
func isoTime(_ seconds: Double) -> String {
    let date = Date(timeIntervalSince1970: seconds)
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
    func pad(_ n: Int?, _ w: Int) -> String { let s = String(n ?? 0); return String(repeating: "0", count: max(0, w - s.count)) + s }
    let millis = (c.nanosecond ?? 0) / 1_000_000
    return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)).\(pad(millis, 3))Z"
}
