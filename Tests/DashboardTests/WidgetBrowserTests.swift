import Foundation
import TestSupport
import Testing

/// The chat widget in a real browser: Tests/Browser/widget_journey.py serves a small shop page on loopback under a strict
/// Content-Security-Policy, loads /widget.js from `autopilot serve`, asks a question and gets the answer, shows the
/// team's answer, reads and answers the conversation in the dashboard at 390 px, and checks a foreign origin is refused.
/// Skipped when Chromium, chromedriver or Python's selenium is missing — unless AUTOPILOT_REQUIRE_BROWSER=1 (CI).
@Suite("Chat widget — in a real browser")
struct WidgetBrowserTests {
    static let script = BrowserTools.root.appendingPathComponent("Tests/Browser/widget_journey.py")

    @Test(.enabled(if: BrowserTools.usable, BrowserTools.skipReason), .timeLimit(.minutes(5)))
    func aVisitorAsksThroughTheWidgetAndAForeignOriginIsRefused() async throws {
        let missing = BrowserTools.missing
        try #require(missing.isEmpty, "AUTOPILOT_REQUIRE_BROWSER=1 but missing: \(missing.joined(separator: ", "))")
        let autopilot = try #require(BrowserTools.autopilotExecutable, "no .build/debug/autopilot: run `swift build` first")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-widget-\(UUID().uuidString.prefix(8))")
        let result = try await BrowserTools.run(script: Self.script, autopilot: autopilot, output: output)
        try #require(result.status == 0, "the widget journey failed (screenshots and server.log in \(output.path)):\n\(result.log)")
        for shot in ["widget-answer", "widget-team-answer", "dashboard-conversations", "dashboard-conversation", "widget-foreign-origin"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("\(shot)-390.png").path), "no screenshot \(shot)")
        }
        try? FileManager.default.removeItem(at: output)
    }
}
