import ArgumentParser
import AutopilotCore
import Engine
import Foundation
import Logging
import Storage

/// `--database` and the logging set-up shared by every command.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "SQLite file path or postgres:// URL (default: $DATABASE_URL, $AUTOPILOT_DATABASE, ./autopilot.sqlite).")
    var database: String?

    var configuration: DatabaseConfiguration {
        DatabaseConfiguration.resolve(flag: database, environment: ProcessInfo.processInfo.environment)
    }
}

enum CommandLineSetup {
    /// Reads AUTOPILOT_LOG_LEVEL (trace…critical, default info), AUTOPILOT_LOG_FORMAT (text|json) and AUTOPILOT_LOG_FILE (append
    /// the log to this file instead of standard error) once per process.
    static let logger: Logger = {
        let environment = ProcessInfo.processInfo.environment
        let level = environment["AUTOPILOT_LOG_LEVEL"].flatMap { Logger.Level(rawValue: $0.lowercased()) } ?? .info
        let json = environment["AUTOPILOT_LOG_FORMAT"]?.lowercased() == "json"
        let file = environment["AUTOPILOT_LOG_FILE"].flatMap { $0.isEmpty ? nil : FileLogHandler.Sink(path: $0) }
        LoggingSystem.bootstrap { label in
            if let file { return FileLogHandler(label: label, level: level, sink: file) }
            if json { return JSONLogHandler(label: label, level: level) }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        return Logger(label: "autopilot")
    }()

    /// Opens the store, migrating it first, then seals its secrets with the instance's key (`SecretKeySource`): the store
    /// given to `body` seals and opens secrets.
    static func withMigratedStore<Result: Sendable>(
        _ configuration: DatabaseConfiguration, sqliteAccess: SQLiteDatabase.Access = .queued,
        _ body: @Sendable (SQLStore, Dependencies) async throws -> Result
    ) async throws -> Result {
        let logger = self.logger
        return try await configuration.withStore(logger: logger, sqliteAccess: sqliteAccess) { opened in
            try await opened.migrate(now: Date())
            let (store, source, report) = try await SecretKeySource.sealing(
                opened, database: configuration, environment: ProcessInfo.processInfo.environment, now: Date())
            if report.sealed + report.resealed > 0 {
                logger.notice(
                    "secrets sealed", metadata: ["sealed": "\(report.sealed)", "resealed": "\(report.resealed)", "key": "\(source.description)"])
            }
            let ai = try AIServices.fromEnvironment(ProcessInfo.processInfo.environment, store: store, clock: SystemClock(), logger: logger)
            return try await body(store, Dependencies(store: store, logger: logger, ai: ai))
        }
    }

    /// The tenant a command acts for: `--tenant`, or the only one there is.
    static func tenantID(_ flag: String?, store: SQLStore) async throws -> String {
        let tenants = try await store.tenants()
        if let flag {
            guard let tenant = tenants.first(where: { $0.id == flag }) ?? tenants.first(where: { $0.name == flag }) else {
                throw ValidationError(code: "unknown_tenant", field: "--tenant", message: "no tenant with id or name \"\(flag)\"")
            }
            return tenant.id
        }
        switch tenants.count {
        case 0: throw ValidationError(code: "no_tenant", field: "--tenant", message: "there is no tenant yet: run `autopilot tenants create NAME`")
        case 1: return tenants[0].id
        default:
            throw ValidationError(
                code: "ambiguous_tenant", field: "--tenant",
                message: "several tenants exist; choose one with --tenant: " + tenants.map { "\($0.name) (\($0.id))" }.joined(separator: ", "))
        }
    }
}

/// Prints a value as JSON on standard output.
enum JSONOutput {
    static func print(_ value: some Encodable, pretty: Bool = true) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        Swift.print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
