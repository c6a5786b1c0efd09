import Foundation
import Logging
import Storage

/// Which database to open: an SQLite file (the default, `./autopilot.sqlite`) or a PostgreSQL URL.
public enum DatabaseConfiguration: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    public static let defaultSQLitePath = "autopilot.sqlite"

    /// `--database PATH` wins, then `DATABASE_URL` (PostgreSQL), then `AUTOPILOT_DATABASE`, then the default file.
    public static func resolve(flag: String?, environment: [String: String]) -> DatabaseConfiguration {
        if let flag, !flag.isEmpty { return from(flag) }
        if let url = environment["DATABASE_URL"], !url.isEmpty { return from(url) }
        if let path = environment["AUTOPILOT_DATABASE"], !path.isEmpty { return from(path) }
        return .sqlite(path: defaultSQLitePath)
    }

    static func from(_ value: String) -> DatabaseConfiguration {
        value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") ? .postgres(url: value) : .sqlite(path: value)
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "SQLite \(path)"
        case .postgres(let url): "PostgreSQL \(PostgresURLRedaction.redact(url))"
        }
    }

    /// Opens the store, runs the PostgreSQL pool while `body` runs, and closes everything after it. `sqliteAccess` says on
    /// which thread an SQLite file's statements run (`SQLiteDatabase.Access`).
    public func withStore<Result: Sendable>(
        logger: Logger, sqliteAccess: SQLiteDatabase.Access = .queued, _ body: @Sendable (SQLStore) async throws -> Result
    ) async throws -> Result {
        switch self {
        case .sqlite(let path):
            let database = try SQLiteDatabase(path: path, access: sqliteAccess)
            let store = SQLStore(database: database)
            do {
                let result = try await body(store)
                try await database.close()
                return result
            } catch {
                try? await database.close()
                throw error
            }
        case .postgres(let url):
            let database = try PostgresDatabase(url: url, logger: logger)
            return try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await database.run() }
                defer { group.cancelAll() }
                return try await body(SQLStore(database: database))
            }
        }
    }
}

enum PostgresURLRedaction {
    static func redact(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "(invalid URL)" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "(invalid URL)"
    }
}
