import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// Broadcasts sent by the real worker through the real outbox, dispatcher and smart-sending policy: throttled, once per
/// contact even when the queueing is repeated, at each contact's local time, an A/B test decided on real opens with the
/// winner going to the rest, pause, resume and cancel. On SQLite always, on PostgreSQL when AUTOPILOT_TEST_POSTGRES_URL is set.
@Suite("Broadcasts — sent to a segment")
struct BroadcastTests {
    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.scenario($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.scenario($0) }
    }

    static func person(_ email: String, group: String, timezone: String = "Europe/Paris") -> JSONValue {
        Fixtures.envelope(
            "contact.created", at: "2026-03-01T10:00:00Z", key: "c-" + email, contact: ["email": .string(email)],
            properties: ["timezone": .string(timezone), "consents": ["email": true], "attributes": ["group": .string(group)]])
    }

    static func rows(_ store: SQLStore, _ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try await store.database.read([SQLStatement(sql, binds)])[0]
    }

    static func scenario(_ store: SQLStore) async throws {
        let clock = ManualClock(Fixtures.now)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 11))
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "Shop").tenantID
        let pipeline = IngestPipeline(dependencies: dependencies)
        let worker = try TestWorker.make(dependencies)
        let segments = SegmentService(dependencies: dependencies)
        let broadcasts = BroadcastService(dependencies: dependencies)
        var people: [JSONValue] = (0..<6).map { person("plain\($0)@a.example", group: "plain") }
        people += (0..<40).map { person("ab\($0)@a.example", group: "ab") }
        people += [person("paris@a.example", group: "local"), person("newyork@a.example", group: "local", timezone: "America/New_York")]
        people += (0..<6).map { person("slow\($0)@a.example", group: "slow") }
        _ = try await pipeline.ingest(document: ["events": .array(people)], tenantID: tenantID)
        for group in ["plain", "ab", "local", "slow"] {
            _ = try await segments.save(id: group, name: group, condition: "contact.attributes.group == '\(group)'", tenantID: tenantID)
        }
        try await worker.runDue(now: clock.now())
        #expect(try await segments.segment(id: "ab", tenantID: tenantID)?.members == 40)

        // Bad documents name their field.
        await #expect(throws: ValidationError.self) {
            _ = try await broadcasts.create(["id": "x", "name": "X", "segment": "nobody", "template": "win-back-1"], tenantID: tenantID)
        }
        do {
            _ = try await broadcasts.create(["id": "x", "name": "X", "segment": "plain", "template": "no-such-template"], tenantID: tenantID)
            Issue.record("an unknown template was accepted")
        } catch let error as ValidationError {
            #expect(error.field == "template")
        }

        // A plain broadcast, throttled to 2 a minute: queued once, spaced 30 s apart, all sent.
        _ = try await broadcasts.create(
            ["id": "plain", "name": "News", "segment": "plain", "template": "win-back-1", "subject": "Our news", "throttle_per_minute": 2],
            tenantID: tenantID)
        // Another throttled email broadcast at the same time queues behind it: the throttle is the channel's.
        _ = try await broadcasts.create(
            ["id": "plain2", "name": "More news", "segment": "slow", "template": "win-back-1", "throttle_per_minute": 2], tenantID: tenantID)
        try await worker.runDue(now: clock.now())
        let second = try await rows(store, "SELECT MIN(scheduled_at) FROM outbox WHERE tenant_id = ? AND step = 'broadcast:plain2'", [.text(tenantID)])
        #expect(second.first?.date(0) == clock.now().addingTimeInterval(180))
        let plain = try await rows(store, "SELECT scheduled_at FROM outbox WHERE tenant_id = ? AND step = 'broadcast:plain' ORDER BY scheduled_at", [.text(tenantID)])
        #expect(plain.count == 6)
        let moments = plain.compactMap { $0.date(0) }
        #expect(zip(moments, moments.dropFirst()).allSatisfy { $1.timeIntervalSince($0) == 30 })
        clock.advance(by: 600)
        try await worker.runDue(now: clock.now())
        try await worker.runDue(now: clock.now())
        var shown = try #require(try await broadcasts.broadcast(id: "plain", tenantID: tenantID))
        #expect(shown.report.total.sent == 6 && shown.status == "completed")
        let subjects = try await rows(store, "SELECT DISTINCT subject FROM outbox WHERE tenant_id = ? AND step = 'broadcast:plain'", [.text(tenantID)])
        #expect(subjects.map { $0.text(0) } == ["Our news"])
        // Queueing again (as after a crash before the position was saved) sends nothing twice.
        _ = try await store.database.transaction(lock: nil, reads: []) { _ in
            (
                [
                    .statement(
                        SQLStatement(
                            "UPDATE broadcasts SET status = 'sending', phase = 'rest', enqueue_after = NULL WHERE tenant_id = ? AND id = 'plain'", [.text(tenantID)]))
                ], ()
            )
        }
        try await worker.runDue(now: clock.now())
        shown = try #require(try await broadcasts.broadcast(id: "plain", tenantID: tenantID))
        #expect(shown.report.total.queued == 6 && shown.report.total.sent == 6)

        // Revenue: an order within the window of a click on the broadcast counts once (two clicks, one order); an order
        // placed before any touch, or by a recipient who never touched the message, does not.
        let sentPlain = try await rows(
            store,
            "SELECT x.id, c.email FROM outbox x JOIN contacts c ON c.id = x.contact_id WHERE x.tenant_id = ? AND x.step = 'broadcast:plain' ORDER BY c.email",
            [.text(tenantID)])
        func event(_ type: String, _ at: Date, _ key: String, _ row: SQLRow, _ properties: JSONObject) -> JSONValue {
            Fixtures.envelope(type, at: Timestamp.format(at), key: key, contact: ["email": .string(row.text(1) ?? "")], properties: .object(properties))
        }
        func order(_ id: String, total: Double) -> JSONObject {
            ["order_id": .string(id), "lines": [["sku": "TEA-01", "quantity": 1, "price": .double(total)]], "total": .double(total), "currency": "EUR"]
        }
        // All in the minutes after the sends, none in the future.
        let touched = clock.now().addingTimeInterval(-300)
        let click: JSONObject = ["message_id": .string(sentPlain[0].text(0) ?? ""), "channel": "email"]
        _ = try await pipeline.ingest(
            document: [
                "events": [
                    event("order.placed", touched.addingTimeInterval(-100), "early", sentPlain[0], order("B0", total: 99)),
                    event("message.clicked", touched, "click-1", sentPlain[0], click),
                    event("message.clicked", touched.addingTimeInterval(30), "click-2", sentPlain[0], click),
                    event("order.placed", touched.addingTimeInterval(200), "bought", sentPlain[0], order("B1", total: 42.5)),
                    event("order.placed", touched.addingTimeInterval(200), "untouched", sentPlain[1], order("B2", total: 10)),
                ]
            ], tenantID: tenantID)
        shown = try #require(try await broadcasts.broadcast(id: "plain", tenantID: tenantID))
        #expect(shown.report.total.orders == 1 && shown.report.total.revenue == ["EUR": 42.5])
        #expect(shown.report.rest.orders == 1)
        #expect(try await broadcasts.broadcast(id: "plain2", tenantID: tenantID)?.report.total.orders == 0)

        // An A/B test of two subjects on half of the segment; opens decide; the winner's subject goes to the rest.
        _ = try await broadcasts.create(
            [
                "id": "ab", "name": "Spring", "segment": "ab", "template": "win-back-1",
                "test": ["share": 50, "metric": "open", "duration": "1h", "variants": [["id": "a", "subject": "Spring is here"], ["id": "b", "subject": "20% off"]]],
            ], tenantID: tenantID)
        try await worker.runDue(now: clock.now())
        shown = try #require(try await broadcasts.broadcast(id: "ab", tenantID: tenantID))
        #expect(shown.status == "testing")
        let tested = try await rows(
            store,
            "SELECT x.id, x.step, c.email FROM outbox x JOIN contacts c ON c.id = x.contact_id WHERE x.tenant_id = ? AND x.step LIKE 'broadcast:ab/%' AND x.status = 'sent'",
            [.text(tenantID)])
        let testCount = tested.count
        #expect(testCount > 8 && testCount < 32)
        let opens: [JSONValue] = tested.filter { $0.text(1) == "broadcast:ab/b" }.enumerated().map { index, row in
            Fixtures.envelope(
                "message.opened", at: Timestamp.format(clock.now().addingTimeInterval(60)), key: "open-\(index)", contact: ["email": .string(row.text(2) ?? "")],
                properties: ["message_id": .string(row.text(0) ?? ""), "channel": "email"])
        }
        _ = try await pipeline.ingest(document: ["events": .array(opens)], tenantID: tenantID)
        clock.advance(by: 2 * 3_600)
        try await worker.runDue(now: clock.now())
        clock.advance(by: 60)
        try await worker.runDue(now: clock.now())
        shown = try #require(try await broadcasts.broadcast(id: "ab", tenantID: tenantID))
        #expect(shown.winner == "b")
        #expect(shown.report.rest.sent == 40 - testCount)
        #expect(shown.report.total.queued == 40)
        let restSubjects = try await rows(store, "SELECT DISTINCT subject FROM outbox WHERE tenant_id = ? AND step = 'broadcast:ab'", [.text(tenantID)])
        #expect(restSubjects.map { $0.text(0) } == ["20% off"])

        // At 10:00 in each contact's own time zone tomorrow.
        _ = try await broadcasts.create(
            ["id": "local", "name": "Morning", "segment": "local", "template": "win-back-1", "local_time": ["date": "2026-03-11", "time": "10:00"]],
            tenantID: tenantID)
        try await worker.runDue(now: clock.now())
        #expect(try await broadcasts.broadcast(id: "local", tenantID: tenantID)?.status == "scheduled")
        clock.set(Timestamp.parse("2026-03-10T21:00:00Z")!)
        try await worker.runDue(now: clock.now())
        let local = try await rows(
            store, "SELECT c.email, x.scheduled_at FROM outbox x JOIN contacts c ON c.id = x.contact_id WHERE x.tenant_id = ? AND x.step = 'broadcast:local'",
            [.text(tenantID)])
        let scheduled = Dictionary(uniqueKeysWithValues: local.map { ($0.text(0) ?? "", $0.date(1)) })
        #expect(scheduled["paris@a.example"] == Timestamp.parse("2026-03-11T09:00:00Z"))
        #expect(scheduled["newyork@a.example"] == Timestamp.parse("2026-03-11T14:00:00Z"))

        // Paused, nothing goes; resumed, it goes on where it stopped; a cancelled broadcast sends nothing and cannot resume.
        _ = try await broadcasts.create(
            ["id": "slow", "name": "Slow", "segment": "slow", "template": "win-back-1", "throttle_per_minute": 1, "send_at": "2026-03-12T10:00:00Z"],
            tenantID: tenantID)
        #expect(try await broadcasts.pause(id: "slow", tenantID: tenantID)?.status == "paused")
        clock.set(Timestamp.parse("2026-03-12T10:00:30Z")!)
        try await worker.runDue(now: clock.now())
        #expect(try await broadcasts.broadcast(id: "slow", tenantID: tenantID)?.queued == 0)
        #expect(try await broadcasts.resume(id: "slow", tenantID: tenantID)?.status == "scheduled")
        try await worker.runDue(now: clock.now())
        shown = try #require(try await broadcasts.broadcast(id: "slow", tenantID: tenantID))
        #expect(shown.queued == 6 && shown.report.total.sent == 1)
        #expect(try await broadcasts.pause(id: "slow", tenantID: tenantID)?.report.blockedReasons["broadcast_paused"] == 5)
        clock.advance(by: 600)
        try await worker.runDue(now: clock.now())
        #expect(try await broadcasts.broadcast(id: "slow", tenantID: tenantID)?.report.total.sent == 1)
        #expect(try await broadcasts.resume(id: "slow", tenantID: tenantID)?.status == "sending")
        try await worker.runDue(now: clock.now())
        try await worker.runDue(now: clock.now())
        shown = try #require(try await broadcasts.broadcast(id: "slow", tenantID: tenantID))
        #expect(shown.report.total.sent == 6 && shown.status == "completed")

        _ = try await broadcasts.create(
            ["id": "later", "name": "Later", "segment": "slow", "template": "win-back-1", "send_at": "2026-03-13T10:00:00Z"], tenantID: tenantID)
        #expect(try await broadcasts.cancel(id: "later", tenantID: tenantID)?.status == "cancelled")
        clock.set(Timestamp.parse("2026-03-13T10:05:00Z")!)
        try await worker.runDue(now: clock.now())
        #expect(try await broadcasts.broadcast(id: "later", tenantID: tenantID)?.queued == 0)
        do {
            _ = try await broadcasts.resume(id: "later", tenantID: tenantID)
            Issue.record("a cancelled broadcast resumed")
        } catch let error as BroadcastError {
            #expect(error.code == "broadcast_cancelled")
        }
    }
}
