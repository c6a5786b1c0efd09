import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// Segments kept current by the real worker on a real store: filled silently, contacts of new events re-evaluated at once,
/// time-dependent segments swept as the clock moves, entries and exits announced once (even after a crash), flows started
/// and stopped by them, tenants apart. On SQLite always, on PostgreSQL when AUTOPILOT_TEST_POSTGRES_URL is set.
@Suite("Segments — membership kept current")
struct SegmentKeeperTests {
    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.scenario($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.scenario($0) }
    }

    static func order(_ id: String, _ at: String, _ email: String, _ total: Double) -> JSONValue {
        Fixtures.envelope(
            "order.placed", at: at, key: "order-" + id, contact: ["email": .string(email)],
            properties: ["order_id": .string(id), "lines": [["sku": "TEA", "quantity": 1, "price": .double(total)]], "total": .double(total), "currency": "EUR"])
    }

    static func plan(_ email: String, _ plan: String, at: String, key: String) -> JSONValue {
        Fixtures.envelope("contact.updated", at: at, key: key, contact: ["email": .string(email)], properties: ["attributes": ["plan": .string(plan)]])
    }

    static let goldFlow = """
        id: gold-welcome
        name: Gold welcome
        trigger: { event: segment.entered, where: event.segment_id == "gold" }
        exits:
          - event: segment.left
            where: event.segment_id == "gold"
        steps:
          - wait: 30d
          - notify: { channel: log, message: "{{contact.email}} has been gold for a month" }
        """

    /// Listens to "recent-buyers" (its leavers): its entries and exits are announced; "big", which no flow listens to,
    /// is kept without announcements.
    static let lapsedFlow = """
        id: lapsed-buyer
        name: Lapsed buyer
        trigger:
          event: segment.left
          where: event.segment_id in ["recent-buyers"]
        steps:
          - notify: { channel: log, message: "{{contact.email}} has not ordered in 90 days" }
        """

    static func count(_ store: SQLStore, _ sql: String, _ binds: [SQLValue]) async throws -> Int {
        Int(try await store.database.read([SQLStatement(sql, binds)])[0].first?.int(0) ?? -1)
    }

    static func announcements(_ store: SQLStore, _ tenantID: String, _ type: String) async throws -> Int {
        try await count(store, "SELECT COUNT(*) FROM events WHERE tenant_key = (SELECT tenant_key FROM tenant_keys WHERE tenant_id = ?) AND type = ?", [.text(tenantID), .text(type)])
    }

    static func scenario(_ store: SQLStore) async throws {
        let clock = ManualClock(Fixtures.now)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 7))
        let tenants = TenantService(dependencies: dependencies)
        let first = try await tenants.create(name: "First").tenantID
        let second = try await tenants.create(name: "Second").tenantID
        let pipeline = IngestPipeline(dependencies: dependencies)
        let segments = SegmentService(dependencies: dependencies)
        let worker = try TestWorker.make(dependencies)

        // Ana ordered 9 days ago, Cyd 160 days ago; Bob never ordered. In the second shop, Dan ordered yesterday.
        _ = try await pipeline.ingest(
            document: [
                "events": [
                    order("A1", "2026-03-01T10:00:00Z", "ana@a.example", 150), order("C1", "2025-10-01T10:00:00Z", "cyd@a.example", 40),
                    Fixtures.envelope("contact.created", at: "2026-03-02T10:00:00Z", key: "bob", contact: ["email": "bob@a.example"]),
                ]
            ], tenantID: first)
        _ = try await pipeline.ingest(document: ["events": [order("D1", "2026-03-09T10:00:00Z", "dan@b.example", 20)]], tenantID: second)
        _ = try await FlowAdministration(dependencies: dependencies, tenantID: first).install(document: goldFlow)
        _ = try await FlowAdministration(dependencies: dependencies, tenantID: first).install(document: lapsedFlow)
        try await worker.runDue(now: clock.now())

        let recent = "history.days_since_order <= 90"
        _ = try await segments.save(id: "recent-buyers", name: "Ordered in the last 90 days", condition: recent, tenantID: first)
        _ = try await segments.save(id: "recent-buyers", name: "Ordered in the last 90 days", condition: recent, tenantID: second)
        _ = try await segments.save(id: "big", name: "Big spenders", condition: "contact.total_spent >= 100", tenantID: first)
        _ = try await segments.save(id: "gold", name: "Gold plan", condition: "contact.attributes.plan == 'gold'", tenantID: first)
        #expect(try await segments.segment(id: "big", tenantID: first)?.ready == false)

        // The first pass fills the new segments without announcing anyone.
        try await worker.runDue(now: clock.now())
        var counts = try await segments.list(tenantID: first).reduce(into: [String: Int]()) { $0[$1.id] = $1.members }
        #expect(counts == ["recent-buyers": 1, "big": 1, "gold": 0])
        #expect(try await segments.list(tenantID: first).allSatisfy(\.ready))
        #expect(try await segments.segment(id: "recent-buyers", tenantID: second)?.members == 1)
        #expect(try await announcements(store, first, "segment.entered") == 0)
        let firstMembers = try #require(try await segments.members(id: "recent-buyers", tenantID: first))
        #expect(firstMembers.map(\.email) == ["ana@a.example"])
        #expect(try await segments.members(id: "recent-buyers", tenantID: second)?.map(\.email) == ["dan@b.example"])

        // Bob orders 130: the event re-evaluates him at once; he enters both segments, announced once in "recent-buyers" (a
        // flow listens to it), not in "big" (none does).
        _ = try await pipeline.ingest(document: ["events": [order("B1", "2026-03-10T11:00:00Z", "bob@a.example", 130)]], tenantID: first)
        try await worker.runDue(now: clock.now())
        counts = try await segments.list(tenantID: first).reduce(into: [String: Int]()) { $0[$1.id] = $1.members }
        #expect(counts == ["recent-buyers": 2, "big": 2, "gold": 0])
        #expect(try await announcements(store, first, "segment.entered") == 1)
        #expect(try await announcements(store, second, "segment.entered") == 0)

        // Entering "gold" starts the flow; leaving it exits the run.
        _ = try await pipeline.ingest(document: ["events": [plan("bob@a.example", "gold", at: "2026-03-10T11:30:00Z", key: "gold")]], tenantID: first)
        try await worker.runDue(now: clock.now())
        let runs = "SELECT COUNT(*) FROM flow_runs WHERE tenant_id = ? AND flow_id = 'gold-welcome' AND status = ?"
        #expect(try await count(store, runs, [.text(first), .text("waiting")]) == 1)
        clock.advance(by: 3_600)
        _ = try await pipeline.ingest(document: ["events": [plan("bob@a.example", "silver", at: "2026-03-10T12:30:00Z", key: "silver")]], tenantID: first)
        try await worker.runDue(now: clock.now())
        #expect(try await count(store, runs, [.text(first), .text("exited")]) == 1)
        #expect(try await announcements(store, first, "segment.left") == 1)

        // 85 days on, Ana's order is 94 days old: the time sweep takes her out of "recent-buyers"; Bob (85 days) stays.
        clock.advance(by: 85 * 86_400)
        try await worker.runDue(now: clock.now())
        #expect(try await segments.members(id: "recent-buyers", tenantID: first)?.map(\.email) == ["bob@a.example"])
        #expect(try await announcements(store, first, "segment.left") == 2)
        // In the other shop Dan's order is 86 days old: he stays.
        #expect(try await segments.segment(id: "recent-buyers", tenantID: second)?.members == 1)

        // Nothing new: nothing more is announced.
        try await worker.runDue(now: clock.now())
        #expect(try await announcements(store, first, "segment.left") == 2)

        // A crash after the announcement and before the membership was written: the retry decides the same exit and its
        // event is the same (same key): still one.
        let ana = try #require(
            try await store.database.read([SQLStatement("SELECT id FROM contacts WHERE tenant_id = ? AND email = 'ana@a.example'", [.text(first)])])[0]
                .first?.text(0))
        try await store.database.transaction(lock: nil, reads: []) { _ in
            (
                [
                    .statement(
                        SQLStatement(
                            "UPDATE segment_members SET member = 1, transitions = 0 WHERE tenant_id = ? AND segment_id = 'recent-buyers' AND contact_id = ?",
                            [.text(first), .text(ana)])),
                    .statement(SQLStatement("UPDATE segments SET swept_at = NULL WHERE tenant_id = ? AND id = 'recent-buyers'", [.text(first)])),
                ], ()
            )
        }
        try await segments.refresh(tenantID: first, now: clock.now())
        #expect(try await announcements(store, first, "segment.left") == 2)
        #expect(try await segments.segment(id: "recent-buyers", tenantID: first)?.members == 1)

        // Editing a condition refills silently; deleting a segment leaves the other tenant's alone.
        _ = try await segments.save(id: "big", name: "Big spenders", condition: "contact.total_spent >= 140", tenantID: first)
        try await worker.runDue(now: clock.now())
        #expect(try await segments.members(id: "big", tenantID: first)?.map(\.email) == ["ana@a.example"])
        #expect(try await announcements(store, first, "segment.left") == 2)
        #expect(try await segments.delete(id: "recent-buyers", tenantID: first))
        #expect(try await segments.segment(id: "recent-buyers", tenantID: first) == nil)
        #expect(try await segments.segment(id: "recent-buyers", tenantID: second) != nil)
        #expect(try await !segments.delete(id: "recent-buyers", tenantID: first))
    }
}
