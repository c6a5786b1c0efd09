import AutopilotCore
import Foundation
import Storage

/// Where the key that seals stored secrets comes from, in this order: `AUTOPILOT_SECRET_KEY` (or its older name
/// `AUTOPILOT_SETTINGS_KEY`), else the key file — `AUTOPILOT_SECRET_KEY_FILE`, else beside the SQLite file (`PATH.key`),
/// else `autopilot.key` in the working directory for PostgreSQL — created (0600, a new random key) when the database has
/// no sealed secret yet. An in-memory database gets a key of its own that dies with it.
public struct SecretKeySource: Sendable {
    public static let fileVariable = "AUTOPILOT_SECRET_KEY_FILE"
    /// The key file of a PostgreSQL database when `AUTOPILOT_SECRET_KEY_FILE` is unset (in the working directory).
    public static let postgresKeyFile = "autopilot.key"

    public enum Origin: Sendable, Equatable {
        case environment(variable: String)
        case file(path: String)
        case memory
    }

    public let cipher: SettingsCipher
    public let origin: Origin

    /// The variable an operator changes to give another key.
    public var variable: String {
        switch origin {
        case .environment(let variable): variable
        case .file, .memory: Self.fileVariable
        }
    }

    public var description: String {
        switch origin {
        case .environment(let variable): "the key of \(variable)"
        case .file(let path): "the key file \(path)"
        case .memory: "a key kept in memory"
        }
    }

    /// The key file for `database`, nil for an in-memory SQLite database (unless `AUTOPILOT_SECRET_KEY_FILE` is set).
    public static func keyFilePath(database: DatabaseConfiguration, environment: [String: String]) -> String? {
        if let path = environment[fileVariable], !path.isEmpty { return path }
        switch database {
        case .sqlite(let path): return path == ":memory:" || path.isEmpty ? nil : path + ".key"
        case .postgres: return postgresKeyFile
        }
    }

    /// The key for `database`; `mayCreate`: a missing key file is created (false when the database already holds sealed
    /// secrets: a new key could not open them).
    public static func resolve(database: DatabaseConfiguration, environment: [String: String], mayCreate: Bool) throws -> SecretKeySource {
        if let cipher = try SettingsCipher.fromEnvironment(environment) {
            let variable = environment[SettingsCipher.variable].map { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } == true
                ? SettingsCipher.variable : SettingsCipher.alias
            return SecretKeySource(cipher: cipher, origin: .environment(variable: variable))
        }
        let previous = try previousKeys(environment)
        guard let path = keyFilePath(database: database, environment: environment) else {
            return SecretKeySource(cipher: try SettingsCipher(key: SettingsCipher.randomKey(), previous: previous), origin: .memory)
        }
        let key: [UInt8]
        if FileManager.default.fileExists(atPath: path) {
            key = try SecretKeyFile.read(path: path, variable: fileVariable)
        } else {
            guard mayCreate else {
                throw ConfigurationError(
                    variable: SettingsCipher.variable,
                    reason: "the database holds encrypted secrets but no key was given and \(path) does not exist: set \(SettingsCipher.variable) "
                        + "or \(fileVariable) to the key they were sealed with (see docs/security.md)")
            }
            key = try SecretKeyFile.create(path: path, key: SettingsCipher.randomKey(), variable: fileVariable)
        }
        return SecretKeySource(cipher: try SettingsCipher(key: key, previous: previous), origin: .file(path: path))
    }

    static func previousKeys(_ environment: [String: String]) throws -> [[UInt8]] {
        guard let text = environment[SettingsCipher.previousVariable], !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return [] }
        return [try SettingsCipher.parseKey(text, variable: SettingsCipher.previousVariable)]
    }

    /// The store with its cipher, every secret it holds sealed (the startup step; one transaction, idempotent). A key that
    /// does not open the database's secrets is a `ConfigurationError` naming where the key came from.
    public static func sealing(
        _ store: SQLStore, database: DatabaseConfiguration, environment: [String: String], now: Date
    ) async throws -> (store: SQLStore, source: SecretKeySource, report: SecretSealingReport) {
        let source = try resolve(database: database, environment: environment, mayCreate: !(try await store.hasSealedSecrets()))
        var keyed = store
        keyed.cipher = source.cipher
        do {
            let report = try await keyed.sealStoredSecrets(now: now)
            return (keyed, source, report)
        } catch let error as ConfigurationError {
            throw ConfigurationError(variable: source.variable, reason: "\(source.description) \(error.reason)")
        }
    }
}
