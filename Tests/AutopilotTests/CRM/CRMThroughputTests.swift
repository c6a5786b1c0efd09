import AutopilotCore
import Engine
import Foundation
import Integrations
import Storage
import Testing

/// How fast the sync drains a backlog into a loopback HubSpot (wall time; the rate gate waits on the manual clock, so the
/// figure is Autopilot's own cost). Runs when AUTOPILOT_CRM_BENCH is set.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["AUTOPILOT_CRM_BENCH"] != nil, "set AUTOPILOT_CRM_BENCH=1 to measure"))
struct CRMThroughputTests {
    @Test func aBacklogOfFiveThousandOrdersDrains() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let hubspot = FakeHubSpot()
            try await CRMTestServer.with(respond: hubspot.respond) { base in
                try await harness.ingest((1...5_000).map { CRMHarness.order("\($0)", email: "buyer\($0)@example.com") })
                let sync = harness.sync(hubspot: base)
                let started = ContinuousClock.now
                let report = try await harness.pass(sync)
                let elapsed = ContinuousClock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                print(
                    "CRM throughput: \(report.sent) records in \(report.requests) requests, \(String(format: "%.2f", seconds)) s wall,"
                        + " \(Int(Double(report.sent) / seconds)) records/s; the rate gate waited"
                        + " \(String(format: "%.0f", harness.clock.now().timeIntervalSince(CRMHarness.start))) s (manual clock)")
                #expect(report.sent == 10_000 && report.requests == 150)
            }
        }
    }
}
