import Foundation
import TestSupport
import Testing

/// The dashboard's main journey in a real browser: Tests/Browser/dashboard_journey.py drives headless Chromium (Selenium 4)
/// against `autopilot serve` on a demo database, at 390 px and 1440 px, and fails on a failed step or any console error.
/// Skipped when Chromium, chromedriver or Python's selenium is missing — unless AUTOPILOT_REQUIRE_BROWSER=1 (CI), then it fails.
@Suite("Dashboard — the main journey in a real browser")
struct BrowserJourneyTests {
    @Test(
        .enabled(if: BrowserTools.usable, BrowserTools.skipReason), .timeLimit(.minutes(10)))
    func theMainJourneyPassesInHeadlessChromiumAtPhoneAndDesktopWidths() async throws {
        let missing = BrowserTools.missing
        try #require(missing.isEmpty, "AUTOPILOT_REQUIRE_BROWSER=1 but missing: \(missing.joined(separator: ", "))")
        let autopilot = try #require(BrowserTools.autopilotExecutable, "no .build/debug/autopilot: run `swift build` first")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-browser-\(UUID().uuidString.prefix(8))")
        let result = try await BrowserTools.runJourney(autopilot: autopilot, output: output)
        try #require(result.status == 0, "the browser journey failed (screenshots and server.log in \(output.path)):\n\(result.log)")
        let screenshots = (try? FileManager.default.contentsOfDirectory(atPath: output.path))?.filter { $0.hasSuffix(".png") } ?? []
        for step in ["login-form", "menu", "home", "lead", "customers", "template-editor", "template-activated", "automations", "english"] {
            for width in [390, 1440] {
                #expect(screenshots.contains { $0.hasSuffix("-\(step)-\(width).png") }, "no screenshot of \(step) at \(width) px")
            }
        }
        try? FileManager.default.removeItem(at: output)
    }
}

/// What the browser test needs on this machine, and how it runs the script.
enum BrowserTools {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let script = root.appendingPathComponent("Tests/Browser/dashboard_journey.py")
    static let chromium = ProcessInfo.processInfo.environment["CHROMIUM"] ?? "/usr/bin/chromium"
    static let chromedriver = ProcessInfo.processInfo.environment["CHROMEDRIVER"] ?? "/usr/bin/chromedriver"
    static let required = ProcessInfo.processInfo.environment["AUTOPILOT_REQUIRE_BROWSER"] == "1"

    /// Each missing tool, in words.
    static let missing: [String] = {
        var missing: [String] = []
        if !FileManager.default.isExecutableFile(atPath: chromium) { missing.append("Chromium (\(chromium))") }
        if !FileManager.default.isExecutableFile(atPath: chromedriver) { missing.append("chromedriver (\(chromedriver))") }
        if (try? runQuietly("/usr/bin/env", ["python3", "-c", "import selenium"])) != 0 {
            missing.append("python3 with selenium (pip install selenium)")
        }
        return missing
    }()

    /// Runs when the tools are there, and when CI requires them (then a missing tool fails the test).
    static var usable: Bool { missing.isEmpty || required }

    static var skipReason: Comment {
        "needs \(missing.joined(separator: ", ")); set AUTOPILOT_REQUIRE_BROWSER=1 to make this a failure"
    }

    static var autopilotExecutable: URL? { BuiltAutopilot.executable }

    /// Runs the journey script to its end; its output and errors go to a file in `output`'s parent, read back at the end.
    static func runJourney(autopilot: URL, output: URL) async throws -> (status: Int32, log: String) {
        try await run(script: script, autopilot: autopilot, output: output)
    }

    /// Runs a browser script of Tests/Browser to its end (same arguments as the journey's).
    static func run(script: URL, autopilot: URL, output: URL) async throws -> (status: Int32, log: String) {
        let logURL = output.appendingPathExtension("log")
        FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let log = try FileHandle(forWritingTo: logURL)
        defer { try? log.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", script.path, "--autopilot", autopilot.path, "--output", output.path, "--chromium", chromium, "--chromedriver", chromedriver,
        ]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = log
        process.standardError = log
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        let text = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(at: logURL)
        return (status, text)
    }

    /// The exit status of a short command whose output does not matter.
    static func runQuietly(_ executable: String, _ arguments: [String]) throws -> Int32 {
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
