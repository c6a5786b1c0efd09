import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// The real `autopilot` binary: `users create|list|reset-password` and `tenants set-time-zone` on an SQLite file.
@Suite("Accounts — autopilot users", .enabled(if: ServeProcess.executable != nil, "build the package first: .build/debug/autopilot"))
struct UsersCLITests {
    /// Runs the binary with extra environment variables; returns its exit status and standard output.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = ServeProcess.executable
        process.arguments = arguments
        process.environment = ServeProcess.environment(environment)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func createsListsAndResetsUsers() async throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("users-cli-\(UUID().uuidString).sqlite").path
        defer { TestDatabases.removeFiles(of: database) }
        let tenant = try JSONParser.parse(try ServeProcess.run(["tenants", "create", "CLI shop", "--database", database, "--json"]))
        let tenantID = try #require(tenant["tenant_id"]?.stringValue)

        let given = try Self.run(
            [
                "users", "create", "Ana@Shop.example", "--tenant", "CLI shop", "--role", "owner", "--password-env", "ANA_PASSWORD", "--json",
                "--database", database,
            ], environment: ["ANA_PASSWORD": "from the environment"])
        #expect(given.status == 0)
        let ana = try JSONParser.parse(given.output)
        #expect(ana["email"] == "ana@shop.example" && ana["role"] == "owner" && ana["tenant_id"] == .string(tenantID))
        #expect(ana["password"] == nil, "a password from the environment is not printed")

        let generated = try Self.run(["users", "create", "bob@shop.example", "--tenant", tenantID, "--role", "viewer", "--database", database])
        #expect(generated.status == 0 && generated.output.contains("bob@shop.example (viewer)"))
        let bobPassword = try #require(Self.oneTimePassword(in: generated.output))

        #expect(try Self.run(["users", "create", "eve@shop.example", "--role", "admin", "--database", database]).status != 0)
        #expect(
            try Self.run(["users", "create", "eve@shop.example", "--role", "viewer", "--password-env", "UNSET_VARIABLE_X", "--database", database])
                .status != 0)
        #expect(try Self.run(["users", "create", "ana@shop.example", "--role", "viewer", "--database", database]).status != 0, "the email is taken")

        let listed = try JSONParser.parse(try Self.run(["users", "list", "--tenant", tenantID, "--json", "--database", database]).output)
        #expect(listed[0]?["email"] == "ana@shop.example" && listed[1]?["email"] == "bob@shop.example" && listed[2] == nil)
        #expect(try Self.run(["users", "list", "--database", database]).output.split(separator: "\n").count == 2)

        let reset = try Self.run(["users", "reset-password", "bob@shop.example", "--database", database])
        let newPassword = try #require(Self.oneTimePassword(in: reset.output))
        #expect(reset.status == 0 && newPassword != bobPassword)
        #expect(try Self.run(["users", "reset-password", "nobody@shop.example", "--database", database]).status != 0)

        #expect(try Self.run(["tenants", "set-time-zone", "CLI shop", "Europe/Paris", "--database", database]).status == 0)
        #expect(try Self.run(["tenants", "set-time-zone", "CLI shop", "Mars/Olympus", "--database", database]).status != 0)

        let store = SQLStore(database: try SQLiteDatabase(path: database))
        let accounts = AccountService(dependencies: Dependencies(store: store))
        if case .signedIn(let grant) = try await accounts.login(email: "ana@shop.example", password: "from the environment", address: "cli") {
            #expect(grant.session.user.tenantID == tenantID && grant.session.user.role == .owner)
        } else {
            Issue.record("ana should sign in with the password from the environment")
        }
        #expect(try await accounts.login(email: "bob@shop.example", password: bobPassword, address: "cli") == .refused)
        if case .signedIn = try await accounts.login(email: "bob@shop.example", password: newPassword, address: "cli") {
        } else {
            Issue.record("bob should sign in with the reset password")
        }
        #expect(try await TenantService(dependencies: Dependencies(store: store)).timeZone(tenantID: tenantID).identifier == "Europe/Paris")
        try await store.database.close()
    }

    static func oneTimePassword(in output: String) -> String? {
        output.split(separator: "\n").first { $0.contains("One-time password") }.flatMap { $0.split(separator: " ").last.map(String.init) }
    }
}
