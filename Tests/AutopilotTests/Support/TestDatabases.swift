import Engine
import Foundation
import Logging
import PostgresNIO
import Storage
import Testing

/// Databases for tests: in-memory SQLite always; PostgreSQL when AUTOPILOT_TEST_POSTGRES_URL is set (a fresh database per use).
enum TestDatabases {
    static let postgresURL = ProcessInfo.processInfo.environment["AUTOPILOT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let skipMessage: Comment = "PostgreSQL tests skipped: set AUTOPILOT_TEST_POSTGRES_URL=postgres://user:pass@127.0.0.1:5432/db to run them"

    /// Removes an SQLite database file and the WAL and shared-memory files beside it (a process that exits without closing
    /// its database leaves them).
    static func removeFiles(of path: String) {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    static func withSQLite<Result: Sendable>(_ body: @Sendable (SQLStore) async throws -> Result) async throws -> Result {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: Fixtures.now)
        return try await body(store)
    }

    /// A new, empty PostgreSQL database for this test, migrated unless `migrated` is false.
    static func withPostgres<Result: Sendable>(
        migrated: Bool = true, _ body: @Sendable (SQLStore) async throws -> Result
    ) async throws -> Result {
        guard let base = postgresURL, var components = URLComponents(string: base) else { throw SkipError() }
        let name = "autopilot_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await DatabaseConfiguration.postgres(url: base).withStore(logger: Logger(label: "test")) { admin in
            try await admin.database.executeScriptOutsideTransaction("CREATE DATABASE \(name)")
        }
        components.path = "/" + name
        guard let url = components.string else { throw SkipError() }
        do {
            let result = try await DatabaseConfiguration.postgres(url: url).withStore(logger: Logger(label: "test")) { store in
                if migrated { try await store.migrate(now: Fixtures.now) }
                guard let seconds = watchSeconds, let postgres = store.database as? Storage.PostgresDatabase else { return try await body(store) }
                let watch = Task {
                    while !Task.isCancelled {
                        try await Task.sleep(for: .seconds(seconds))
                        print("[pool \(name)] \(postgres.gauge.read()) statements \(postgres.statementsSent)")
                    }
                }
                defer { watch.cancel() }
                return try await body(store)
            }
            await drop(name, from: base)
            return result
        } catch {
            await drop(name, from: base)
            throw error
        }
    }

    /// Drops a test's database once the test is over (a failure to drop leaves it behind, and says nothing).
    private static func drop(_ name: String, from base: String) async {
        try? await DatabaseConfiguration.postgres(url: base).withStore(logger: Logger(label: "test")) { admin in
            try await admin.database.executeScriptOutsideTransaction("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    /// AUTOPILOT_TEST_POSTGRES_WATCH=SECONDS prints each PostgreSQL test database's pool gauge at that interval.
    static let watchSeconds = ProcessInfo.processInfo.environment["AUTOPILOT_TEST_POSTGRES_WATCH"].flatMap(Int.init)

    struct SkipError: Error {}
}
