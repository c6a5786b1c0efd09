import AutopilotCore
import Flows
import Foundation
import Testing

@Suite("Send-time optimisation (pure)")
struct SendTimeOptimizerTests {
    static let daytime = Set(8..<20)

    @Test(
        "the best hour, whose engagement chose it",
        arguments: [
            // The contact's own hours, enough of them.
            ([9, 9, 10, 21, 9, 14], [Int](), daytime, 9, "contact"),
            // Neighbours count half: 10 (2) + 9 and 11 (2 × 0.5) beats 15 (2 alone).
            ([9, 10, 10, 11, 15, 15], [], daytime, 10, "contact"),
            // Too few of the contact's own: the tenant's peak.
            ([22, 22], Array(repeating: 18, count: 20) + Array(repeating: 11, count: 12), daytime, 18, "tenant"),
            // The contact reads at 20:00, when the 8–20 window has closed: the best allowed hour is the one next to it, 19.
            ([20, 20, 20, 20, 21, 21], [], daytime, 19, "contact"),
            // Ties go to the earliest allowed hour.
            ([9, 9, 15, 15, 12], [], daytime, 9, "contact"),
            // Nights only, window 8–20: midnight's neighbours are 23 and 1, nothing in the window scores; the tenant decides.
            ([2, 2, 3, 3, 2], Array(repeating: 12, count: 30), daytime, 12, "tenant"),
        ] as [([Int], [Int], Set<Int>, Int, String)])
    func bestHour(contact: [Int], tenant: [Int], allowed: Set<Int>, hour: Int, source: String) {
        let choice = SendTimeOptimizer.bestHour(contactHours: contact, tenantHours: tenant, allowedHours: allowed)
        #expect(choice?.hour == hour)
        #expect(choice?.source.rawValue == source)
    }

    @Test func notEnoughEngagementAnywhereSendsAsPlanned() {
        #expect(SendTimeOptimizer.bestHour(contactHours: [9, 9], tenantHours: Array(repeating: 10, count: 29), allowedHours: Self.daytime) == nil)
        #expect(SendTimeOptimizer.bestHour(contactHours: Array(repeating: 9, count: 9), tenantHours: [], allowedHours: []) == nil)
    }

    @Test(
        "allowed hours of a sending window",
        arguments: [("08:00", "20:00", 8, 19), ("09:30", "18:30", 9, 18), ("00:00", "24:00", 0, 23)])
    func allowedHours(start: String, end: String, first: Int, last: Int) throws {
        let window = SendingWindow(
            start: try #require(SendingWindow.TimeOfDay(start)), end: try #require(SendingWindow.TimeOfDay(end)), days: Set(SendingWindow.Weekday.allCases),
            skipPublicHolidays: false)
        let hours = SendTimeOptimizer.allowedHours(window)
        #expect(hours.min() == first && hours.max() == last)
        #expect(SendTimeOptimizer.allowedHours(nil).count == 24)
    }

    @Test(
        "the moment in the contact's own time zone",
        arguments: [
            ("2026-03-10T06:20:00Z", 9, "Europe/Paris", "2026-03-10T08:00:00Z"),  // 07:20 Paris → 09:00 Paris the same day
            ("2026-03-10T08:20:00Z", 9, "Europe/Paris", "2026-03-10T08:20:00Z"),  // already in the 9 o'clock hour
            ("2026-03-10T09:20:00Z", 9, "Europe/Paris", "2026-03-11T08:00:00Z"),  // 10:20 Paris → tomorrow 09:00
            ("2026-03-10T12:00:00Z", 18, "America/New_York", "2026-03-10T22:00:00Z"),  // 08:00 New York → 18:00 New York
            ("2026-03-28T12:00:00Z", 9, "Europe/Paris", "2026-03-29T07:00:00Z"),  // across the spring-forward night: 09:00 CEST
        ])
    func moment(planned: String, hour: Int, zone: String, expected: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let moment = SendTimeOptimizer.moment(planned: try #require(Timestamp.parse(planned)), hour: hour, timeZone: timeZone)
        #expect(moment == Timestamp.parse(expected))
    }

    @Test func localHoursFollowTheZone() throws {
        let moments = [Timestamp.parse("2026-07-01T07:30:00Z")!, Timestamp.parse("2026-01-01T07:30:00Z")!]
        #expect(SendTimeOptimizer.localHours(moments, timeZone: try #require(TimeZone(identifier: "Europe/Paris"))) == [9, 8])
    }
}
