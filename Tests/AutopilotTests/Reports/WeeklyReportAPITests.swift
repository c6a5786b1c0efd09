import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Reports — GET /v1/reports/weekly")
struct WeeklyReportAPITests {
    @Test func answersTheReportAndRefusesABadWeek() async throws {
        let harness = try await AITestHarness.make()
        try await harness.app.test(.router) { client in
            let headers = APITestHarness.auth(harness.key)
            let response = try await client.execute(uri: "/v1/reports/weekly?week_ending=2026-03-08&language=en", method: .get, headers: headers)
            #expect(response.status == .ok)
            let report = try APITestHarness.json(response)
            #expect(report["week"]?["week_ending"] == "2026-03-08" && report["provider"] == "offline")
            #expect(report["totals"]?["current"]?["sent"] == 0 && report["alerts"] == [])
            #expect(report["summary"]?["executive_summary"]?.stringValue?.hasPrefix("Week of 2026-03-02 to 2026-03-08") == true)

            let bad = try await client.execute(uri: "/v1/reports/weekly?week_ending=yesterday", method: .get, headers: headers)
            #expect(bad.status == .unprocessableContent)
            #expect(try APITestHarness.json(bad)["error"]?["field"] == "week_ending")
        }
    }
}
