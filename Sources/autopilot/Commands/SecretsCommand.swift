import ArgumentParser
import AutopilotCore
import Engine
import Foundation
import Storage

#if canImport(Glibc)
    import Glibc
#endif

struct SecretsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "secrets", abstract: "The key that seals stored secrets (docs/security.md).", subcommands: [Rotate.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-seal every stored secret with a new key, in one transaction.",
            discussion: """
                The new key (32 bytes, base64 or 64 hex digits) comes from --new-key-env NAME, --new-key-file PATH or standard input; \
                with none of them and no piped input, a random key is made. With a key file, the file is replaced; with \
                AUTOPILOT_SECRET_KEY, set it to the new key in every process afterwards (see docs/security.md).
                """)

        @OptionGroup var database: DatabaseOptions
        @Option(help: "The environment variable holding the new key.") var newKeyEnv: String?
        @Option(help: "A file holding the new key.") var newKeyFile: String?

        func run() async throws {
            let environment = ProcessInfo.processInfo.environment
            let (key, generated) = try newKey(environment)
            let configuration = database.configuration
            let (source, report) = try await configuration.withStore(logger: CommandLineSetup.logger) { opened in
                try await opened.migrate(now: Date())
                let (store, source, _) = try await SecretKeySource.sealing(opened, database: configuration, environment: environment, now: Date())
                guard source.origin != .memory else {
                    throw AutopilotCore.ValidationError(code: "memory_database", field: "--database", message: "an in-memory database has no key to rotate")
                }
                var rotated = store
                rotated.cipher = try source.cipher.rotated(to: key)
                // The new key is on disk before any secret is sealed with it.
                if case .file(let path) = source.origin { try SecretKeyFile.replace(path: path + ".new", key: key, variable: SecretKeySource.fileVariable) }
                let report = try await rotated.sealStoredSecrets(now: Date())
                if case .file(let path) = source.origin {
                    guard rename(path + ".new", path) == 0 else {
                        throw ConfigurationError(variable: SecretKeySource.fileVariable, reason: "\(path).new holds the new key but could not replace \(path)")
                    }
                }
                return (source, report)
            }
            print("\(report.resealed) secrets re-sealed with the new key.")
            switch source.origin {
            case .file(let path): print("\(path) now holds the new key. Restart every process that uses this database.")
            case .environment(let variable):
                if generated { print("The new key: \(rotated(key))") }
                print(
                    "Set \(variable) to the new key in every process and restart them; until then, a process started with the new key "
                        + "and \(SettingsCipher.previousVariable) set to the old one reads both.")
            case .memory: break
            }
        }

        func rotated(_ key: [UInt8]) -> String { Data(key).base64EncodedString() }

        func newKey(_ environment: [String: String]) throws -> ([UInt8], Bool) {
            if let newKeyEnv {
                guard let text = environment[newKeyEnv] else {
                    throw AutopilotCore.ValidationError(code: "missing_key", field: "--new-key-env", message: "the variable \(newKeyEnv) is not set")
                }
                return (try SettingsCipher.parseKey(text, variable: newKeyEnv), false)
            }
            if let newKeyFile { return (try SecretKeyFile.read(path: newKeyFile, variable: "--new-key-file"), false) }
            if isatty(STDIN_FILENO) == 0 {
                let text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
                if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return (try SettingsCipher.parseKey(text, variable: "standard input"), false) }
            }
            return (SettingsCipher.randomKey(), true)
        }
    }
}
