import AutopilotCore
import Engine
import Foundation
import Logging
import Server
import ServiceLifecycle
import Storage
import TestSupport
import Testing

/// The official Python MCP client (PyPI `mcp`) against Autopilot, over both transports: Tests/MCP/mcp_client_check.py
/// spawns `autopilot mcp` on a seeded SQLite file (stdio), and talks to `/mcp` of a real server on loopback (streamable
/// HTTP) with the tenant's key and a read-only key. Skipped when python3 cannot import `mcp` or the binary is not built —
/// unless AUTOPILOT_REQUIRE_MCP_CLIENT=1 (CI), then it fails.
@Suite("MCP — the official Python client over stdio and HTTP")
struct MCPClientTests {
    @Test(.enabled(if: MCPClientTools.usable, MCPClientTools.skipReason), .timeLimit(.minutes(10)))
    func listsCallsAndErrorsOverStdioAndStreamableHTTP() async throws {
        let missing = MCPClientTools.missing
        try #require(missing.isEmpty, "AUTOPILOT_REQUIRE_MCP_CLIENT=1 but missing: \(missing.joined(separator: ", "))")
        let autopilot = try #require(MCPClientTools.autopilotExecutable)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-mcp-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shop.sqlite").path
        let store = SQLStore(database: try SQLiteDatabase(path: path))
        try await store.migrate(now: ToolShop.now)
        let shop = try await ToolShop.seed(store)

        let result = try await MCPClientTools.serving(shop) { port in
            try await MCPClientTools.runScript([
                "--autopilot", autopilot.path, "--database", path, "--tenant", shop.tenantA.tenantID, "--url", "http://127.0.0.1:\(port)/mcp",
                "--key", shop.tenantA.apiKey, "--read-only-key", shop.readOnlyKeyA,
            ])
        }
        try #require(result.status == 0, "the MCP client checks failed:\n\(result.log)")
        #expect(result.log.contains("stdio: ok") && result.log.contains("http: ok") && result.log.contains("http read-only key: ok"))
    }
}

/// What the client test needs on this machine, and how it runs.
enum MCPClientTools {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = root.appendingPathComponent("Tests/MCP/mcp_client_check.py")
    static let required = ProcessInfo.processInfo.environment["AUTOPILOT_REQUIRE_MCP_CLIENT"] == "1"

    static let missing: [String] = {
        var missing: [String] = []
        if (try? run("/usr/bin/env", ["python3", "-c", "import mcp, httpx2"])) != 0 {
            missing.append("python3 with the MCP client (pip install mcp)")
        }
        if autopilotExecutable == nil { missing.append("the autopilot binary (swift build)") }
        return missing
    }()

    static var usable: Bool { missing.isEmpty || required }

    static var skipReason: Comment {
        "needs \(missing.joined(separator: ", ")); set AUTOPILOT_REQUIRE_MCP_CLIENT=1 to make this a failure"
    }

    static var autopilotExecutable: URL? { BuiltAutopilot.executable }

    /// Serves the shop's API (dashboard off) on 127.0.0.1 while `body` runs with the bound port, then shuts it down.
    static func serving<Result: Sendable>(_ shop: ToolShop, _ body: @Sendable (Int) async throws -> Result) async throws -> Result {
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.dashboardEnabled = false
        configuration.rateLimitPerSecond = 10_000
        configuration.rateLimitBurst = 10_000
        return try await LoopbackHTTP.run(label: "mcp-client-test", { ready, _ in
            buildApplication(configuration: configuration, dependencies: shop.dependencies, databaseName: "sqlite", onServerRunning: { ready($0) })
        }, body)
    }

    /// Runs the client script to its end; its output and errors are read back from a file.
    static func runScript(_ arguments: [String]) async throws -> (status: Int32, log: String) {
        let logURL = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-mcp-\(UUID().uuidString.prefix(8)).log")
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        defer {
            try? log.close()
            try? FileManager.default.removeItem(at: logURL)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return (status, (try? String(contentsOf: logURL, encoding: .utf8)) ?? "")
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
