import AutopilotCore
import Foundation
import GRDB
import GRDBSQLite

/// Copies of an SQLite database made with SQLite's online backup API (`sqlite3_backup_*`): a backup reads one snapshot
/// while `serve` keeps writing; a restore refuses to replace a database another process has open.
public enum SQLiteBackup {
    /// What a copy holds.
    public struct Summary: Sendable, Equatable {
        public var bytes: Int
        public var schemaVersion: Int
        public var events: Int
    }

    /// Copies `database` into a new file at `path` (readable by its owner only), self-contained (no -wal file).
    @discardableResult
    public static func backup(_ database: SQLiteDatabase, to path: String) throws -> Summary {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ValidationError(code: "backup_exists", field: "PATH", message: "\(path) already exists: choose a new file name")
        }
        let partial = path + ".partial"
        try copy(from: database.writer, to: partial)
        try move(partial, to: path)
        return try summary(of: path)
    }

    /// Replaces the database at `target` by the backup at `backup`. A database in use (a `serve` or `worker` has it open)
    /// is refused; an existing one is replaced only when `replacing`, and kept as `TARGET.before-restore`.
    /// Returns where the replaced database was kept, if any.
    @discardableResult
    public static func restore(backup: String, to target: String, replacing: Bool) throws -> String? {
        let source = try open(backup, field: "BACKUP", readOnly: true)
        defer { try? source.close() }
        let check = try source.read { db in try String.fetchOne(db, sql: "PRAGMA quick_check") }
        let migrations = try source.read { db in try db.tableExists("schema_migrations") }
        guard check == "ok", migrations else {
            throw ValidationError(code: "invalid_backup", field: "BACKUP", message: "\(backup) is not an Autopilot database (\(check ?? "unreadable"))")
        }
        var kept: String?
        if FileManager.default.fileExists(atPath: target) {
            guard replacing else {
                throw ValidationError(
                    code: "database_exists", field: "--database",
                    message: "\(target) exists: add --force to replace it (it is kept as \(target).before-restore)")
            }
            try ensureNotInUse(target)
            kept = target + ".before-restore"
            try? FileManager.default.removeItem(atPath: kept!)
            try FileManager.default.moveItem(atPath: target, toPath: kept!)
        }
        let partial = target + ".restoring"
        try? FileManager.default.removeItem(atPath: partial)
        try copy(from: source, to: partial)
        try move(partial, to: target)
        return kept
    }

    /// Whether another connection has the database open: leaving WAL mode needs every other connection closed.
    static func ensureNotInUse(_ path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(path: path, configuration: configuration) } catch {
            throw ValidationError(code: "database_unreadable", field: "--database", message: "\(path) cannot be opened: \(error)")
        }
        defer { try? queue.close() }
        let mode = try? queue.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
        guard mode?.lowercased() == "delete" else {
            throw ValidationError(
                code: "database_in_use", field: "--database",
                message: "\(path) is in use by another process (autopilot serve or worker): stop it, then restore")
        }
    }

    static func open(_ path: String, field: String, readOnly: Bool) throws -> DatabaseQueue {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ValidationError(code: "not_found", field: field, message: "\(path) does not exist")
        }
        var configuration = Configuration()
        configuration.readonly = readOnly
        do { return try DatabaseQueue(path: path, configuration: configuration) } catch {
            throw ValidationError(code: "invalid_backup", field: field, message: "\(path) is not an SQLite database: \(error)")
        }
    }

    static func copy(from source: any DatabaseReader, to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        do {
            let destination = try DatabaseQueue(path: path)
            try source.backup(to: destination)
            _ = try destination.writeWithoutTransaction { db in try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE") }
            try destination.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    static func move(_ partial: String, to path: String) throws {
        for suffix in ["-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        guard rename(partial, path) == 0 else {
            try? FileManager.default.removeItem(atPath: partial)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// Size, schema version and event count of a database file.
    public static func summary(of path: String) throws -> Summary {
        let queue = try open(path, field: "PATH", readOnly: true)
        defer { try? queue.close() }
        let (version, events) = try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT max(version) FROM schema_migrations") ?? 0, try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? 0)
        }
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return Summary(bytes: bytes, schemaVersion: version, events: events)
    }
}
