import AutopilotCore
import Foundation
import Storage
import TestSupport
import Testing

/// Migration 16 skips what was still queued behind runs that had exited before the upgrade, as the previous version's
/// claim would have, so an upgrade sends nothing that version would not have sent.
@Suite("Storage — messages queued behind runs exited before the upgrade")
struct QueuedBeforeExitMigrationTests {
    @Test func queuedMessagesOfExitedRunsAreSkippedWithTheRunsReason() async throws {
        let directory = try ScratchDirectory.make("queued-before-exit")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SQLStore(database: try SQLiteDatabase(path: directory.appendingPathComponent("shop.sqlite").path))
        try await store.migrate(now: Fixtures.now)

        // Given rows as the previous version left them: runs, and messages still queued or held behind them.
        let run = "INSERT INTO flow_runs (id, tenant_id, flow_id, flow_version, contact_id, status, reason, started_at, updated_at, state) VALUES"
        let message =
            "INSERT INTO outbox (id, tenant_id, idempotency_key, contact_id, run_id, flow_id, channel, template, purpose, status, "
            + "scheduled_at, next_attempt_at, sent_at, created_at, updated_at) VALUES"
        try await store.database.executeScript([
            "INSERT INTO tenants (id, name, created_at) VALUES ('t1', 'Shop', 0)",
            "\(run) ('r1', 't1', 'abandoned-cart', 1, 'c1', 'exited', 'order_placed', 0, 0, '{}')",
            "\(run) ('r2', 't1', 'abandoned-cart', 1, 'c2', 'waiting', NULL, 0, 0, '{}')",
            "\(message) ('m1', 't1', 'r1/steps[1]', 'c1', 'r1', 'abandoned-cart', 'email', 'cart-1', 'marketing', 'blocked', 0, 5000, NULL, 0, 0)",
            "\(message) ('m2', 't1', 'r1/steps[0]', 'c1', 'r1', 'abandoned-cart', 'sms', 'cart-0', 'marketing', 'sent', 0, NULL, 10, 0, 0)",
            "\(message) ('m3', 't1', 'r2/steps[1]', 'c2', 'r2', 'abandoned-cart', 'email', 'cart-1', 'marketing', 'queued', 0, 5000, NULL, 0, 0)",
        ])

        // When the step runs (it already ran on the empty database; it is written to be run again).
        let step = try #require(Migrations.all.first { $0.version == 16 })
        try await store.database.executeScript(step.statements(for: store.database.dialect))

        // Then the exited run's held message is skipped with its reason; the rest is untouched.
        let messages: [OutboxRecord] = try await store.outboxMessages(tenantID: "t1", contactID: nil, limit: 10).map { $0.message }
        let byID = Dictionary(uniqueKeysWithValues: messages.map { ($0.id, $0) })
        #expect(byID["m1"]?.status == .skipped && byID["m1"]?.blockedReason == "run_exited:order_placed" && byID["m1"]?.nextAttemptAt == nil)
        #expect(byID["m2"]?.status == .sent)
        #expect(byID["m3"]?.status == .queued && byID["m3"]?.nextAttemptAt != nil)
    }
}
