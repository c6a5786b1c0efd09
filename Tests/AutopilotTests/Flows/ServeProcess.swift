import AsyncHTTPClient
import AutopilotCore
import Foundation
import NIOCore
import NIOHTTP1

#if canImport(Glibc)
    import Glibc
#endif

/// A real `autopilot` process built by `swift build` (the package's executable), for crash tests.
struct ServeProcess {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The executable next to the test bundle's build products.
    static var executable: URL? {
        for configuration in ["debug", "release"] {
            let url = root.appendingPathComponent(".build/\(configuration)/autopilot")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// The secret key of every process a test starts, unless the test names one: a CLI run and a server on the same
    /// database then agree, and no key file is written into the working directory (PostgreSQL's default place).
    static let secretKey = "YXV0b3BpbG90LXRlc3RzLXNlY3JldC1rZXktMzItYnk="

    /// This process's environment with `extra`, and the tests' secret key when neither names a key.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.merging(extra) { _, new in new }
        let named = ["AUTOPILOT_SECRET_KEY", "AUTOPILOT_SETTINGS_KEY", "AUTOPILOT_SECRET_KEY_FILE"].contains { environment[$0] != nil }
        if !named { environment["AUTOPILOT_SECRET_KEY"] = secretKey }
        return environment
    }

    /// Runs `autopilot ARGUMENTS` to completion and returns its standard output.
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment()
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Starts `autopilot serve`, its output going to `log`.
    static func serve(database: String, port: Int, log: URL) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["serve", "--database", database, "--port", String(port)]
        // Messages a killed worker had claimed come back after the lease: seconds here, five minutes by default.
        process.environment = environment(["AUTOPILOT_WORKER_LEASE_SECONDS": "2"])
        if !FileManager.default.fileExists(atPath: log.path) { FileManager.default.createFile(atPath: log.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    /// Starts `autopilot worker` with extra environment variables, its output going to `log`.
    static func worker(database: String, log: URL, environment: [String: String]) throws -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["worker", "--database", database]
        process.environment = Self.environment(environment)
        if !FileManager.default.fileExists(atPath: log.path) { FileManager.default.createFile(atPath: log.path, contents: nil) }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    /// Kills the process with SIGKILL: no chance to finish anything.
    static func kill9(_ process: Process) {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Waits until `GET /health` answers.
    static func waitUntilHealthy(port: Int, timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/health")
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)), response.status == .ok { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw CocoaError(.fileReadUnknown)
    }

    /// POSTs a JSON document to the API.
    static func post(port: Int, path: String, key: String, _ body: JSONValue) async throws -> UInt {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: body.jsonString))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        return response.status.code
    }
}
