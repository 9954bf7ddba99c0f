import AWSModel
import Foundation

/// The embedded simulator as a backend: one store, a cloud per region, and emulator control.
public final class SimBackend: Backend, EmulatorControl {
    /// The state.
    public let store: SimStore
    /// The account every ARN names.
    public let account: String

    /// Opens the simulator on a state file.
    /// - Throws: `BackendUnavailable` when the file cannot be opened.
    public init(statePath: String, account: String = "123456789012") throws {
        do {
            store = try SimStore(path: statePath)
        } catch {
            throw BackendUnavailable("cannot open the simulator state \(statePath): \(error)")
        }
        self.account = account
    }

    /// `sim`.
    public var displayName: String { "sim" }

    /// A simulated cloud in a region.
    public func cloud(region: String) throws -> any Cloud {
        SimCloud(store: store, region: region, account: account)
    }

    /// Itself: the simulator can do all an emulator can.
    public var emulator: (any EmulatorControl)? { self }

    /// The virtual clock.
    public func now() throws -> Double {
        try store.read { try SimClock.now($0) }
    }

    /// Moves the virtual clock.
    public func advance(seconds: Double) throws {
        try store.write { tx in try SimClock.set(tx, try SimClock.now(tx) + max(0, seconds)) }
    }

    /// Empties the simulated account.
    public func reset() throws {
        try store.write { try $0.wipe() }
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
