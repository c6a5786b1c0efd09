import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// The real `autopilot` binary: a webhook secret given without the command line, the key file, `secrets rotate`,
/// `backup` and `restore` on an SQLite file.
@Suite("Secrets — autopilot webhooks add, secrets rotate, backup, restore", .enabled(if: ServeProcess.executable != nil, "build the package first"))
struct SecretsCLITests {
    static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = ServeProcess.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment
            .filter { ![SettingsCipher.variable, SettingsCipher.alias, SecretKeySource.fileVariable].contains($0.key) }
            .merging(environment) { _, new in new }
        let (output, error, stdin) = (Pipe(), Pipe(), Pipe())
        process.standardOutput = output
        process.standardError = error
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber).intValue & 0o777
    }

    @Test func secretsStayOffTheCommandLineAndTheKeyRotatesAndBackupsRestore() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("secrets-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("shop.sqlite").path
        #expect(try Self.run(["tenants", "create", "CLI shop", "--database", database]).status == 0)
        #expect(try Self.mode(database + ".key") == 0o600)

        let fromEnvironment = try Self.run(
            ["webhooks", "add", "stripe", "--secret-env", "SHOP_WHSEC", "--database", database], environment: ["SHOP_WHSEC": "whsec_from_env"])
        #expect(fromEnvironment.status == 0 && !fromEnvironment.error.contains("warning"))
        let piped = try Self.run(["webhooks", "add", "shopify", "--database", database], input: "shpss_from_stdin\n")
        #expect(piped.status == 0 && !piped.error.contains("warning"))
        let inArguments = try Self.run(["webhooks", "add", "woocommerce", "--secret", "wc_in_ps", "--database", database])
        #expect(inArguments.status == 0 && inArguments.error.contains("warning") && inArguments.error.contains("ps"))

        let keyBefore = try String(contentsOfFile: database + ".key", encoding: .utf8)
        let backup = directory.appendingPathComponent("shop-backup.sqlite").path
        let backedUp = try Self.run(["backup", backup, "--database", database])
        #expect(backedUp.status == 0 && backedUp.output.contains("not in the backup"))
        #expect(try Self.mode(backup) == 0o600)

        let rotated = try Self.run(["secrets", "rotate", "--database", database])
        #expect(rotated.status == 0, "\(rotated.error)")
        #expect(rotated.output.contains("3 secrets re-sealed"))
        #expect(try String(contentsOfFile: database + ".key", encoding: .utf8) != keyBefore)
        #expect(try Self.mode(database + ".key") == 0o600)

        let store = SQLStore(database: try SQLiteDatabase(path: database))
        let keyed = try await SecretKeySource.sealing(store, database: .sqlite(path: database), environment: [:], now: Fixtures.now).store
        let secrets = try await keyed.webhookEndpoints(tenantID: try await store.tenants()[0].id).map(\.secret).sorted()
        #expect(secrets == ["shpss_from_stdin", "wc_in_ps", "whsec_from_env"])
        try await store.database.close()

        // The backup holds secrets sealed with the old key: restoring it beside the new key is refused by name.
        #expect(try Self.run(["restore", backup, "--database", database]).status != 0, "an existing database needs --force")
        let restoredPath = directory.appendingPathComponent("restored.sqlite").path
        let wrongKey = try Self.run(["restore", backup, "--database", restoredPath], environment: [SecretKeySource.fileVariable: database + ".key"])
        #expect(wrongKey.status != 0 && wrongKey.error.contains(SecretKeySource.fileVariable))
        try FileManager.default.removeItem(atPath: restoredPath)
        try keyBefore.write(toFile: directory.appendingPathComponent("old.key").path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory.appendingPathComponent("old.key").path)
        let restored = try Self.run(
            ["restore", backup, "--database", restoredPath], environment: [SecretKeySource.fileVariable: directory.appendingPathComponent("old.key").path])
        #expect(restored.status == 0, "\(restored.error)")
        #expect(try Self.mode(restoredPath) == 0o600)
    }
}
