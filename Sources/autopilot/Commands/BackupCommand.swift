import ArgumentParser
import AutopilotCore
import Engine
import Foundation
import Storage

/// `autopilot backup PATH`: a consistent copy of the SQLite database while `serve` runs (SQLite's online backup API).
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the SQLite database to a new file (0600), consistent while serve runs; PostgreSQL: pg_dump (docs/security.md).")

    @Argument(help: "The new backup file.") var path: String
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let configuration = database.configuration
        guard case .sqlite(let source) = configuration else {
            throw AutopilotCore.ValidationError(
                code: "postgres_backup", field: "--database", message: "a PostgreSQL database is backed up with pg_dump: see docs/security.md")
        }
        guard source != ":memory:", FileManager.default.fileExists(atPath: source) else {
            throw AutopilotCore.ValidationError(code: "not_found", field: "--database", message: "\(source) does not exist")
        }
        let database = try SQLiteDatabase(path: source)
        let summary: SQLiteBackup.Summary
        do {
            summary = try SQLiteBackup.backup(database, to: path)
            try await database.close()
        } catch {
            try? await database.close()
            throw error
        }
        print("\(path): \(summary.bytes) bytes, \(summary.events) events, schema version \(summary.schemaVersion).")
        if let key = SecretKeySource.keyFilePath(database: configuration, environment: ProcessInfo.processInfo.environment),
            FileManager.default.fileExists(atPath: key)
        {
            print("The secrets in it are sealed with \(key), which is not in the backup: keep a copy of that key apart from the backups.")
        }
    }
}

/// `autopilot restore BACKUP`: puts a backup in place of a database no process has open, then migrates it.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the SQLite database by a backup (stop serve and workers first); PostgreSQL: pg_restore (docs/security.md).")

    @Argument(help: "The backup file made by `autopilot backup`.") var backup: String
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Replace an existing database (kept as DATABASE.before-restore).") var force = false

    func run() async throws {
        let configuration = database.configuration
        guard case .sqlite(let target) = configuration, target != ":memory:" else {
            throw AutopilotCore.ValidationError(
                code: "postgres_restore", field: "--database", message: "a PostgreSQL database is restored with pg_restore: see docs/security.md")
        }
        let kept = try SQLiteBackup.restore(backup: backup, to: target, replacing: force)
        let applied = try await CommandLineSetup.withMigratedStore(configuration) { store, _ in try await store.schemaStatus() }
        let summary = try SQLiteBackup.summary(of: target)
        print("\(target) restored from \(backup): \(summary.events) events, schema version \(applied.currentVersion).")
        if let kept { print("The database it replaced is kept as \(kept).") }
    }
}
