import AutopilotCore
import Foundation
import Testing

@Suite("Timestamps")
struct TimestampTests {
    @Test(arguments: [
        ("2026-03-01T10:00:00Z", 1_772_359_200.0), ("2026-03-01T11:00:00+01:00", 1_772_359_200.0), ("2026-03-01T10:00:00.250Z", 1_772_359_200.25),
        ("2024-02-29T00:00:00Z", 1_709_164_800.0), ("1970-01-01T00:00:00Z", 0.0), ("2026-03-01T05:30:00-0430", 1_772_359_200.0),
    ])
    func parsesRFC3339(text: String, seconds: Double) {
        #expect(Timestamp.parse(text)?.timeIntervalSince1970 == seconds)
    }

    @Test(arguments: [
        "2026-03-01", "2026-03-01T10:00:00", "2026-13-01T10:00:00Z", "2025-02-29T00:00:00Z", "2026-03-01T24:00:00Z", "yesterday",
        "2026-03-01T10:00:00Zjunk",
    ])
    func refusesOthers(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func formatsAndRoundTrips() {
        let date = Date(timeIntervalSince1970: 1_772_359_200.125)
        #expect(Timestamp.format(date) == "2026-03-01T10:00:00.125Z")
        #expect(Timestamp.parse(Timestamp.format(date)) == date)
        #expect(Timestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }
}
