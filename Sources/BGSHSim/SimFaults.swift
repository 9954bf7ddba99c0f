import AWSModel
import Foundation

/// Injected API failures: `sim fail api OPERATION --error CODE --times N`.
enum SimFaults {
    struct Fault: Codable {
        var code: String
        var remaining: Int
    }

    static let key = "faults.api"

    static func load(_ tx: SimStore.Transaction) throws -> [String: Fault] {
        guard let text = try tx.meta(key) else { return [:] }
        return (try? JSONDecoder().decode([String: Fault].self, from: Data(text.utf8))) ?? [:]
    }

    static func save(_ tx: SimStore.Transaction, _ faults: [String: Fault]) throws {
        let data = try JSONEncoder().encode(faults)
        try tx.setMeta(key, String(decoding: data, as: UTF8.self))
    }

    /// Arms a fault: the next `times` calls of `operation` fail with `code`.
    static func arm(_ tx: SimStore.Transaction, operation: String, code: String, times: Int) throws {
        var faults = try load(tx)
        faults[operation] = Fault(code: code, remaining: times)
        try save(tx, faults)
    }

    /// Disarms every API fault.
    static func clear(_ tx: SimStore.Transaction) throws {
        try save(tx, [:])
    }

    static func isArmed(_ tx: SimStore.Transaction, operation: String) throws -> Bool {
        guard try tx.meta(key) != nil else { return false }
        return (try load(tx)[operation]?.remaining ?? 0) > 0
    }

    /// Consumes one armed failure of `operation`, if any, and returns the error to throw.
    static func take(_ tx: SimStore.Transaction, operation: String) throws -> AWSError? {
        guard try tx.meta(key) != nil else { return nil }
        var faults = try load(tx)
        guard var fault = faults[operation], fault.remaining > 0 else { return nil }
        fault.remaining -= 1
        faults[operation] = fault.remaining > 0 ? fault : nil
        try save(tx, faults)
        let status = ["ServiceUnavailable", "InternalFailure", "InternalError"].contains(fault.code) ? 503 : 400
        return AWSError(fault.code, "injected by `sim fail api \(operation)`", statusCode: status)
    }
}

/// Faults armed for a side of a service's next deployment: `sim fail --next green|blue`.
/// They take effect when the deployment starts (its green task set is made), on the target
/// groups that deployment gives each colour.
enum ArmedFaults {
    static func key(_ serviceArn: String, _ side: String) -> String { "faults.next.\(serviceArn).\(side)" }

    /// Arms a health failure (`rateTenths` nil) or a 5xx rate for `side` of the next deployment.
    static func arm(_ tx: SimStore.Transaction, serviceArn: String, side: String, rateTenths: Int?) throws {
        try tx.setMeta(key(serviceArn, side), rateTenths.map { "rate:\($0)" } ?? "health")
    }

    /// A deployment of the service starts: its armed faults move onto the colours' target groups.
    static func deploymentStarts(_ tx: SimStore.Transaction, serviceArn: String, greenTG: String, blueTG: String?, now: Double) throws {
        for (side, tg) in [("green", greenTG), ("blue", blueTG)] {
            // `sim fail --next SIDE --latency D`, alone or beside a health or rate fault.
            if let tg, let latency = try tx.meta(key(serviceArn, side) + ".latency") {
                try tx.deleteMeta(prefix: key(serviceArn, side) + ".latency")
                try tx.setMeta("faults.armed." + tg, side)
                try tx.setMeta("faults.latency." + tg, latency)
            }
            guard let tg, let armed = try tx.meta(key(serviceArn, side)) else { continue }
            try tx.deleteMeta(prefix: key(serviceArn, side))
            try tx.setMeta("faults.armed." + tg, side)
            if armed.hasPrefix("rate:") {
                try tx.setMeta("faults.rate." + tg, String(armed.dropFirst(5)))
            } else {
                try tx.setMeta("faults.tg." + tg, String(now))
            }
        }
    }

    /// A task set left its target group: a fault armed for that deployment's side ends with it
    /// (the next deployment that uses the group starts clean). A plain `sim fail` stays.
    static func taskSetRemoved(_ tx: SimStore.Transaction, targetGroupArn: String?) throws {
        guard let tg = targetGroupArn, try tx.meta("faults.armed." + tg) != nil else { return }
        for prefix in ["faults.armed.", "faults.tg.", "faults.rate.", "faults.latency."] { try tx.deleteMeta(prefix: prefix + tg) }
    }
}
