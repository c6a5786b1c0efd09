import AutopilotCore
import Engine
import Foundation
import Logging
import Storage
import TestSupport
import Testing

/// One schemathesis run against a real `autopilot serve`: a tenant created with the CLI, a few events ingested so ids
/// exist, then `schemathesis run` with every check, a fixed seed, deterministic generation and a bounded number of
/// examples. The settings schemathesis cannot take from openapi.yaml are in Tests/Schemathesis/schemathesis.toml.
enum SchemathesisRun {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let configuration = root.appendingPathComponent("Tests/Schemathesis/schemathesis.toml")
    static let required = ProcessInfo.processInfo.environment["AUTOPILOT_REQUIRE_SCHEMATHESIS"] == "1"
    /// Test cases per operation and phase: enough to reach every constraint, few enough for a few minutes on 2 loaded cores.
    static let examplesPerOperation = 10

    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent("schemathesis")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    static let missing: [String] = {
        var missing: [String] = []
        if executable == nil { missing.append("schemathesis on PATH (pip install schemathesis==4.32.5)") }
        if BuiltAutopilot.executable == nil { missing.append("the autopilot binary (swift build)") }
        return missing
    }()

    static var usable: Bool { missing.isEmpty || required }

    static var skipReason: Comment {
        "needs \(missing.joined(separator: ", ")); set AUTOPILOT_REQUIRE_SCHEMATHESIS=1 to make this a failure"
    }

    static func scratchDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-schemathesis-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func remove(_ directory: URL) {
        if ProcessInfo.processInfo.environment["KEEP"] == nil { try? FileManager.default.removeItem(at: directory) }
    }

    /// A new, empty database on the test PostgreSQL server (AUTOPILOT_TEST_POSTGRES_URL), or nil when none is set.
    static func freshPostgresDatabase() async throws -> String? {
        guard let base = TestDatabases.postgresURL, var components = URLComponents(string: base) else { return nil }
        let name = "autopilot_schemathesis_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        try await DatabaseConfiguration.postgres(url: base).withStore(logger: Logger(label: "test")) { admin in
            try await admin.database.executeScriptOutsideTransaction("CREATE DATABASE \(name)")
        }
        components.path = "/" + name
        return components.string
    }

    /// Serves `database`, seeds it, runs schemathesis; the status is schemathesis' exit status, the report its findings.
    static func check(database: String, directory: URL) async throws -> (status: Int32, report: String) {
        let created = try JSONParser.parse(try ServeProcess.run(["tenants", "create", "Schemathesis shop", "--database", database, "--json"]))
        guard let key = created["api_key"]?.stringValue else { throw SchemathesisFailure(reason: "`tenants create` gave no API key") }
        let port = try LoopbackPort.unused()
        let server = try serve(database: database, port: port, log: directory.appendingPathComponent("serve.log"))
        defer { ServeProcess.kill9(server) }
        try await ServeProcess.waitUntilHealthy(port: port)
        let status = try await ServeProcess.post(port: port, path: "/v1/events", key: key, ["events": .array(seedEvents())])
        guard (200..<300).contains(status) else { throw SchemathesisFailure(reason: "seeding the shop answered \(status)") }

        let output = directory.appendingPathComponent("schemathesis.txt")
        let base = "http://127.0.0.1:\(port)"
        let exit = try await run(
            [
                "--no-color", "--config-file", configuration.path, "run", "\(base)/openapi.yaml", "--url", base,
                "--header", "Authorization: Bearer \(key)", "--checks", "all", "--seed", "1", "--generation-deterministic",
                "--max-examples", String(examplesPerOperation),
                // One worker: with two threads, Python 3.11's `ast.parse` (hypothesis describing a filter) can fail
                // with "AST constructor recursion depth mismatch" (CPython gh-106905), a runtime error of the tool.
                "--workers", "1",
                // `--checks all` includes a 10 s limit per response (ST112): a wall-clock assertion, which fails on a
                // loaded machine (a correct 422 once took 23 s at load 22). Speed is the benches' job; the limit stays,
                // raised to 10 minutes, to catch a request that hangs. (4.32.5 has no `--exclude-checks` for it.)
                "--max-response-time", "600",
            ], output: output, directory: directory)
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        let report = text.range(of: "FAILURES").map { String(text[$0.lowerBound...]) } ?? text
        return (exit, String(report.suffix(40_000)))
    }

    /// `autopilot serve` without a worker, with a rate limit schemathesis never reaches, and the tests' secret
    /// key (the one `tenants create` used).
    private static func serve(database: String, port: Int, log: URL) throws -> Process {
        let process = Process()
        process.executableURL = BuiltAutopilot.executable
        process.arguments = ["serve", "--database", database, "--port", String(port), "--no-worker"]
        // The tests' secret key, as for the CLI run that created the tenant.
        process.environment = ServeProcess.environment(["AUTOPILOT_RATE_LIMIT": "100000", "AUTOPILOT_RATE_BURST": "100000"])
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    private static func run(_ arguments: [String], output: URL, directory: URL) async throws -> Int32 {
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = handle
        process.standardError = handle
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }

    /// Contacts with orders, a cart and a lead, so that lists have rows and ids exist.
    static func seedEvents() -> [JSONValue] {
        let now = Timestamp.format(Date().addingTimeInterval(-3_600))
        let lines: JSONValue = [["sku": "TEA-01", "quantity": 1, "price": 24.0]]
        return [
            [
                "type": "contact.created", "occurred_at": .string(now), "idempotency_key": "seed-contact",
                "contact": ["email": "ann@example.com", "phone": "+33612345678"], "properties": [:],
            ],
            [
                "type": "order.placed", "occurred_at": .string(now), "idempotency_key": "seed-order",
                "contact": ["email": "ann@example.com"],
                "properties": ["order_id": "O-1", "lines": lines, "total": 24.0, "currency": "EUR"],
            ],
            [
                "type": "cart.abandoned", "occurred_at": .string(now), "idempotency_key": "seed-cart",
                "contact": ["email": "bob@example.com"],
                "properties": ["cart_id": "C-1", "lines": lines, "total": 24.0, "currency": "EUR"],
            ],
        ]
    }
}

struct SchemathesisFailure: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
}
