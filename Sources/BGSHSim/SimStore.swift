import Foundation
import GRDB
import GRDBSQLite

/// The simulator's state: a SQLite database (GRDB) in WAL mode, one immediate transaction per
/// API call, so a killed process leaves a state that loads and two shells on one file never lose
/// an update.
///
/// Resources are rows of (region, kind, id, name) with the AWS-shaped record as JSON, so a new
/// resource kind needs no migration; `meta` holds the clock and counters.
public final class SimStore: @unchecked Sendable {
    // SAFETY (@unchecked Sendable): GRDB's writers are thread-safe; the encoder and decoder are
    // used only inside the writer's serialized access.
    private let writer: any DatabaseWriter
    private let encoder: JSONEncoder
    private let decoder = JSONDecoder()
    private let decodeCache = DecodeCache()
    /// Where the state lives (`:memory:` for a throwaway one).
    public let path: String

    /// The virtual clock's start on a new state: 2026-01-01T00:00:00Z, so runs are repeatable.
    public static let epoch: Double = 1_767_225_600

    /// Opens (creating if needed) the state at `path`; `:memory:` keeps it in memory.
    /// - Throws: `BackendUnavailable`-style errors from GRDB when the file cannot be opened.
    public init(path: String) throws {
        self.path = path
        encoder = JSONEncoder()
        var config = Configuration()
        // Another bgsh may hold the write lock for a moment: wait for it rather than fail.
        config.busyMode = .timeout(30)
        config.label = "bgsh-sim"
        if path == ":memory:" {
            writer = try DatabaseQueue(configuration: config)
        } else {
            let dir = (path as NSString).deletingLastPathComponent
            if !dir.isEmpty { try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true) }
            // WAL with synchronous=NORMAL: a commit survives a killed process (not a power cut),
            // and a commit costs no fsync. One connection: a shell runs one command at a time,
            // and other processes are kept apart by SQLite's own file locks.
            config.journalMode = .wal
            config.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 4000; PRAGMA cache_size = -16000")
                // Keep the -wal file when the last connection closes: each bgsh process (a TAB's
                // `__complete` is one) then opens it as it is instead of creating and syncing it.
                var persist: Int32 = 1
                _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
            }
            writer = try DatabaseQueue(path: path, configuration: config)
        }
        try migrate()
    }

    private func migrate() throws {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE resource (
                    region TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL,
                    parent TEXT NOT NULL DEFAULT '', seq INTEGER NOT NULL, doc TEXT NOT NULL,
                    PRIMARY KEY (region, kind, id));
                CREATE INDEX resource_by_name ON resource(region, kind, name);
                CREATE INDEX resource_by_parent ON resource(region, kind, parent);
                CREATE INDEX resource_by_seq ON resource(seq);
                CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
                """)
        }
        // A state already made needs no write: checking reads only, so a process that only
        // reads (a TAB's `bgsh __complete`) never takes the write lock nor syncs the file.
        if try writer.read({ try migrator.hasCompletedMigrations($0) }) { return }
        try migrator.migrate(writer)
    }

    /// Runs `body` in one immediate write transaction: all of it commits, or none of it.
    public func write<T>(_ body: (Transaction) throws -> T) throws -> T {
        try transaction("BEGIN IMMEDIATE", body)
    }

    /// Runs `body` on a consistent snapshot (a deferred transaction that takes no write lock).
    public func read<T>(_ body: (Transaction) throws -> T) throws -> T {
        try transaction("BEGIN DEFERRED", body)
    }

    /// One transaction by hand, with cached statements: GRDB's helpers compile BEGIN and COMMIT
    /// anew on every call, which cost more than the work of a typical simulated API call.
    /// IMMEDIATE takes the write lock up front, so two processes never both read, then both try
    /// to upgrade to a write and one fail with SQLITE_BUSY.
    private func transaction<T>(_ begin: String, _ body: (Transaction) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            try db.cachedStatement(sql: begin).execute()
            do {
                let result = try body(Transaction(db: db, store: self))
                try db.cachedStatement(sql: "COMMIT").execute()
                return result
            } catch {
                if db.isInsideTransaction { try? db.cachedStatement(sql: "ROLLBACK").execute() }
                throw error
            }
        }
    }

    /// Every row of the state as text, in a stable order: what tests compare to prove that a
    /// failed or dry-run command changed nothing.
    public func dump() throws -> [String] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT region, kind, id, name, doc FROM resource ORDER BY region, kind, id").map { row in
                "\(row["region"] as String)|\(row["kind"] as String)|\(row["id"] as String)|\(row["name"] as String)|\(row["doc"] as String)"
            } + Row.fetchAll(db, sql: "SELECT key, value FROM meta ORDER BY key").map { row in
                "meta|\(row["key"] as String)|\(row["value"] as String)"
            }
        }
    }

    /// A record decoded from its JSON, or the value decoded from the same text before: the
    /// simulator reads the same records again and again (every look of a wait), and decoding
    /// JSON is most of what a simulated call costs. Records are values, so handing out the same
    /// one is safe; the key is the type and the whole text, so a changed record decodes afresh.
    func decoded<T: Decodable>(_ type: T.Type, _ doc: String) throws -> T {
        let key = DecodeCache.Key(type: ObjectIdentifier(T.self), doc: doc)
        if let hit = decodeCache.value(key) as? T { return hit }
        let value = try decoder.decode(T.self, from: Data(doc.utf8))
        decodeCache.store(key, value)
        return value
    }

    /// A view of the database inside one transaction, with typed access to resources.
    public struct Transaction {
        let db: Database
        let store: SimStore

        /// The record of a resource by id, or nil.
        public func get<T: Decodable>(_ type: T.Type, region: String, kind: String, id: String) throws -> T? {
            guard let doc = try String.fetchOne(try db.cachedStatement(sql: "SELECT doc FROM resource WHERE region = ? AND kind = ? AND id = ?"), arguments: [region, kind, id]) else { return nil }
            return try store.decoded(T.self, doc)
        }

        /// The records of a kind whose name is `name`, oldest first.
        public func find<T: Decodable>(_ type: T.Type, region: String, kind: String, name: String) throws -> [T] {
            try String.fetchAll(try db.cachedStatement(sql: "SELECT doc FROM resource WHERE region = ? AND kind = ? AND name = ? ORDER BY seq"), arguments: [region, kind, name])
                .map { try store.decoded(T.self, $0) }
        }

        /// The records of a kind that belong to `parent` (a VPC's subnets, a cluster's services), oldest first.
        public func children<T: Decodable>(_ type: T.Type, region: String, kind: String, parent: String) throws -> [T] {
            try String.fetchAll(try db.cachedStatement(sql: "SELECT doc FROM resource WHERE region = ? AND kind = ? AND parent = ? ORDER BY seq"), arguments: [region, kind, parent])
                .map { try store.decoded(T.self, $0) }
        }

        /// Every record of a kind in a region, oldest first.
        public func all<T: Decodable>(_ type: T.Type, region: String, kind: String) throws -> [T] {
            try String.fetchAll(try db.cachedStatement(sql: "SELECT doc FROM resource WHERE region = ? AND kind = ? ORDER BY seq"), arguments: [region, kind])
                .map { try store.decoded(T.self, $0) }
        }

        /// Inserts or replaces a record; a replaced record keeps its place in listing order.
        public func put<T: Encodable>(_ value: T, region: String, kind: String, id: String, name: String, parent: String = "") throws {
            let doc = String(decoding: try store.encoder.encode(value), as: UTF8.self)
            // Cached statements: compiled once per connection, not once per call.
            try db.cachedStatement(sql: """
                INSERT INTO resource(region, kind, id, name, parent, seq, doc)
                VALUES (?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM resource), ?)
                ON CONFLICT(region, kind, id) DO UPDATE SET name = excluded.name, parent = excluded.parent, doc = excluded.doc
                """).execute(arguments: [region, kind, id, name, parent, doc])
        }

        /// Removes a record.
        public func delete(region: String, kind: String, id: String) throws {
            try db.cachedStatement(sql: "DELETE FROM resource WHERE region = ? AND kind = ? AND id = ?").execute(arguments: [region, kind, id])
        }

        /// A value kept beside the resources (the clock, counters).
        public func meta(_ key: String) throws -> String? {
            try String.fetchOne(try db.cachedStatement(sql: "SELECT value FROM meta WHERE key = ?"), arguments: [key])
        }

        /// Every `meta` key and value under a prefix.
        public func metaEntries(prefix: String) throws -> [(String, String)] {
            try Row.fetchAll(try db.cachedStatement(sql: "SELECT key, value FROM meta WHERE substr(key, 1, ?) = ? ORDER BY key"),
                             arguments: [prefix.count, prefix]).map { ($0["key"], $0["value"]) }
        }

        /// Sets a `meta` value.
        public func setMeta(_ key: String, _ value: String) throws {
            try db.cachedStatement(sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
                .execute(arguments: [key, value])
        }

        /// The regions that hold records of a kind.
        public func regions(of kind: String) throws -> [String] {
            try String.fetchAll(try db.cachedStatement(sql: "SELECT DISTINCT region FROM resource WHERE kind = ?"), arguments: [kind])
        }

        /// Removes the `meta` values whose keys start with `prefix`.
        public func deleteMeta(prefix: String) throws {
            try db.execute(sql: "DELETE FROM meta WHERE substr(key, 1, ?) = ?", arguments: [prefix.count, prefix])
        }

        /// The next number of a named counter (1, 2, …), kept in the state so ids never repeat.
        public func nextNumber(_ counter: String) throws -> Int {
            let next = (Int(try meta("counter." + counter) ?? "0") ?? 0) + 1
            try setMeta("counter." + counter, String(next))
            return next
        }

        /// Empties everything.
        public func wipe() throws {
            try db.execute(sql: "DELETE FROM resource; DELETE FROM meta")
        }
    }
}

/// A store-level failure that is not AWS's (a corrupt record, for example).
public struct AWSStoreError: Error, CustomStringConvertible {
    /// What went wrong.
    public var description: String
    init(_ description: String) { self.description = description }
}

/// Decoded records by (type, JSON text), bounded: a look at the simulator decodes what it
/// decoded a moment ago.
final class DecodeCache: @unchecked Sendable {
    // SAFETY: `entries` is touched only under `lock`.
    struct Key: Hashable {
        var type: ObjectIdentifier
        var doc: String
    }
    private let lock = NSLock()
    private var entries: [Key: Any] = [:]
    /// At most this many entries; past it the cache starts afresh (simple, and enough: a
    /// runbook's working set is a few hundred records).
    static let limit = 4096

    func value(_ key: Key) -> Any? {
        lock.lock()
        defer { lock.unlock() }
        return entries[key]
    }

    func store(_ key: Key, _ value: Any) {
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= Self.limit { entries.removeAll(keepingCapacity: true) }
        entries[key] = value
    }
}
