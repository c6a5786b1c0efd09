import AutopilotCore
import Flows
import Foundation
import Testing

@Suite("Broadcasts — document, plan, winner (pure)")
struct BroadcastPlannerTests {
    static let now = Timestamp.parse("2026-03-10T12:00:00Z")!
    static let paris = TimeZone(identifier: "Europe/Paris")!

    static func definition(_ extra: JSONObject = [:]) throws -> BroadcastDefinition {
        var document: JSONObject = ["id": "spring", "name": "Spring", "segment": "all", "template": "win-back-1"]
        for (key, value) in extra { document[key] = value }
        return try BroadcastDefinition.read(document, now: now)
    }

    @Test(
        "bad documents name their field",
        arguments: [
            (["id": "Spring!"], "id"),
            (["name": ""], "name"),
            (["segment": .null], "segment"),
            (["channel": "fax"], "channel"),
            (["channel": "sms", "subject": "Hi"], "subject"),
            (["send_at": "tomorrow"], "send_at"),
            (["local_time": ["date": "2026-04-01", "time": "25:00"]], "local_time.time"),
            (["local_time": ["date": "April", "time": "10:00"]], "local_time.date"),
            (["send_at": "2026-04-01T09:00:00Z", "local_time": ["date": "2026-04-01", "time": "10:00"]], "local_time"),
            (["throttle_per_minute": 0], "throttle_per_minute"),
            (["test": ["share": 80, "variants": [["id": "a", "subject": "A"], ["id": "b", "subject": "B"]]]], "test.share"),
            (["test": ["share": 20, "variants": [["id": "a", "subject": "A"]]]], "test.variants"),
            (["test": ["share": 20, "variants": [["id": "a", "subject": "A"], ["id": "a", "subject": "B"]]]], "test.variants[1].id"),
            (["test": ["share": 20, "variants": [["id": "a", "subject": "A"], ["id": "b"]]]], "test.variants[1]"),
            (["test": ["share": 20, "metric": "revenue", "variants": [["id": "a", "subject": "A"], ["id": "b", "subject": "B"]]]], "test.metric"),
            (["test": ["share": 20, "duration": "1m", "variants": [["id": "a", "subject": "A"], ["id": "b", "subject": "B"]]]], "test.duration"),
            (["colour": "red"], "colour"),
        ] as [(JSONObject, String)])
    func invalid(extra: JSONObject, field: String) {
        do {
            _ = try Self.definition(extra)
            Issue.record("accepted: \(extra)")
        } catch let error as ValidationError {
            #expect(error.code == "invalid_broadcast")
            #expect(error.field == field, "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func theDocumentReadsBackTheSame() throws {
        let original = try Self.definition([
            "subject": "Hello", "local_time": ["date": "2026-04-01", "time": "10:00"], "throttle_per_minute": 600,
            "test": ["share": 20, "metric": "click", "duration": "4h", "variants": [["id": "a", "subject": "A"], ["id": "b", "template": "win-back-vip"]]],
        ])
        #expect(try BroadcastDefinition.read(original.document, now: Self.now.addingTimeInterval(86_400)) == original)
        // Without a time it goes now, and the document keeps that instant.
        let now = try Self.definition()
        #expect(now.schedule == .at(Self.now))
        #expect(try BroadcastDefinition.read(now.document, now: Self.now.addingTimeInterval(999)) == now)
    }

    @Test func theTestGroupIsTheSharedAndSplitEvenly() throws {
        let broadcast = try Self.definition([
            "test": ["share": 20, "variants": [["id": "a", "subject": "A"], ["id": "b", "subject": "B"]]]
        ])
        var counts: [String: Int] = [:]
        for index in 0..<100_000 { counts[BroadcastPlanner.testVariant(of: broadcast, contactID: "ct_\(index)")?.id ?? "rest", default: 0] += 1 }
        #expect(abs(Double(counts["a"] ?? 0) / 1_000 - 10) < 1)
        #expect(abs(Double(counts["b"] ?? 0) / 1_000 - 10) < 1)
        #expect(abs(Double(counts["rest"] ?? 0) / 1_000 - 80) < 1)
        // Stable: the same contact, the same answer.
        #expect(BroadcastPlanner.testVariant(of: broadcast, contactID: "ct_42") == BroadcastPlanner.testVariant(of: broadcast, contactID: "ct_42"))
    }

    @Test func eachContactAtTheirLocalTimeAndNeverBeforeNow() throws {
        let broadcast = try Self.definition(["local_time": ["date": "2026-03-11", "time": "10:00"]])
        let recipients = [
            BroadcastPlanner.Recipient(contactID: "ct_paris", timeZone: "Europe/Paris"),
            BroadcastPlanner.Recipient(contactID: "ct_ny", timeZone: "America/New_York"),
            BroadcastPlanner.Recipient(contactID: "ct_tokyo", timeZone: "Asia/Tokyo"),
            BroadcastPlanner.Recipient(contactID: "ct_unknown", timeZone: "Mars/Olympus"),
        ]
        // 2026-03-11 at 01:30 UTC: Tokyo's 10:00 (01:00 UTC) has passed — it goes now.
        let at = Timestamp.parse("2026-03-11T01:30:00Z")!
        let plan = BroadcastPlanner.plan(broadcast, recipients: recipients, test: false, winner: nil, tenantTimeZone: Self.paris, now: at, nextSlot: nil)
        let moments = Dictionary(uniqueKeysWithValues: plan.messages.map { ($0.contactID, Timestamp.format($0.scheduledAt)) })
        #expect(moments["ct_tokyo"] == "2026-03-11T01:30:00Z")
        #expect(moments["ct_paris"] == "2026-03-11T09:00:00Z")
        #expect(moments["ct_unknown"] == "2026-03-11T09:00:00Z")
        #expect(moments["ct_ny"] == "2026-03-11T14:00:00Z")
        #expect(broadcast.schedule.earliest == Timestamp.parse("2026-03-10T20:00:00Z"))
    }

    @Test func theThrottleSpacesMessagesAcrossPages() throws {
        let broadcast = try Self.definition(["throttle_per_minute": 120])
        let first = BroadcastPlanner.plan(
            broadcast, recipients: (0..<3).map { .init(contactID: "ct_\($0)", timeZone: nil) }, test: false, winner: nil, tenantTimeZone: Self.paris,
            now: Self.now, nextSlot: nil)
        #expect(first.messages.map { $0.scheduledAt.timeIntervalSince(Self.now) } == [0, 0.5, 1])
        let second = BroadcastPlanner.plan(
            broadcast, recipients: (3..<5).map { .init(contactID: "ct_\($0)", timeZone: nil) }, test: false, winner: nil, tenantTimeZone: Self.paris,
            now: Self.now, nextSlot: first.nextSlot)
        #expect(second.messages.map { $0.scheduledAt.timeIntervalSince(Self.now) } == [1.5, 2])
    }

    @Test(
        "the winner has the best rate; ties go to the first",
        arguments: [
            ([("a", 100, 20, 5), ("b", 100, 30, 2)], BroadcastMetric.open, "b"),
            ([("a", 100, 20, 5), ("b", 100, 30, 2)], BroadcastMetric.click, "a"),
            ([("a", 50, 10, 0), ("b", 100, 20, 0)], BroadcastMetric.open, "a"),
            ([("a", 0, 0, 0), ("b", 0, 0, 0)], BroadcastMetric.open, "a"),
        ] as [([(String, Int, Int, Int)], BroadcastMetric, String)])
    func winner(figures: [(String, Int, Int, Int)], metric: BroadcastMetric, expected: String) {
        let variants = figures.map { BroadcastPlanner.VariantFigures(id: $0.0, sent: $0.1, opened: $0.2, clicked: $0.3) }
        #expect(BroadcastPlanner.winner(of: variants, metric: metric) == expected)
    }
}
