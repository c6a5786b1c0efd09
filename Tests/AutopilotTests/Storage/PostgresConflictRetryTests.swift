import AutopilotCore
import Engine
import Foundation
import Storage
import Synchronization
import Testing

/// PostgreSQL gives up one of two transactions that wait on each other (a deadlock, `40P01`); the store runs it again
/// from its reads, so neither caller sees an error. And upserts lock their rows in key order, so overlapping ingests
/// do not deadlock in the first place.
@Suite(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
struct PostgresConflictRetryTests {

    final class Attempts: Sendable {
        let count = Mutex(0)
    }

    /// Locks `first`, waits, then asks for `second`'s lock and writes both rows.
    static func crossing(_ store: SQLStore, tenant: String, first: String, second: String, value: Int64, attempts: Attempts) async throws {
        let sql = "SELECT position FROM flow_cursors WHERE tenant_id = ? AND name = ? FOR UPDATE"
        let lockSecond = SQLStatement(sql, [.text(tenant), .text(second)])
        try await store.database.transaction(
            lock: nil, reads: [SQLStatement(sql, [.text(tenant), .text(first)]), SQLStatement("SELECT 1 FROM pg_sleep(1.5)")],
            followUps: [{ _ in [lockSecond] }]
        ) { _ in
            attempts.count.withLock { $0 += 1 }
            let write = SQLStatement(
                "UPDATE flow_cursors SET position = ? WHERE tenant_id = ? AND name IN (?, ?)", [.int(value), .text(tenant), .text("a"), .text("b")])
            return ([.statement(write)], ())
        }
    }

    @Test func twoTransactionsThatDeadlockBothCommit() async throws {
        try await TestDatabases.withPostgres { store in
            let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now), ids: SeededIDGenerator(seed: 3))
            let tenant = try await TenantService(dependencies: dependencies).create(name: "Deadlock shop").tenantID
            try await store.setFlowCursor(tenantID: tenant, name: "a", position: 0)
            try await store.setFlowCursor(tenantID: tenant, name: "b", position: 0)
            let attempts = Attempts()
            // Each locks one row, waits, then asks for the other's: PostgreSQL sees the cycle and aborts one of them.
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await Self.crossing(store, tenant: tenant, first: "a", second: "b", value: 1, attempts: attempts) }
                group.addTask { try await Self.crossing(store, tenant: tenant, first: "b", second: "a", value: 2, attempts: attempts) }
                try await group.waitForAll()
            }
            let a = try await store.flowCursor(tenantID: tenant, name: "a")
            let b = try await store.flowCursor(tenantID: tenant, name: "b")
            #expect(a == b && [1, 2].contains(a ?? 0), "both committed, one after the other")
            #expect(attempts.count.withLock { $0 } == 2, "decide runs only in attempts that got all their reads")
        }
    }

    @Test func upsertRowsGoInKeyOrder() {
        let rows: [[SQLValue]] = [[.text("c"), .int(1)], [.text("a"), .int(2)], [.text("b"), .int(3)]]
        guard case .insert(_, _, let ordered, _) = SQLWrite.upsert(table: "t", columns: ["id", "n"], key: ["id"], rows: rows) else {
            Issue.record("an upsert is an insert with a conflict clause")
            return
        }
        #expect(ordered.map { $0[0] } == [.text("a"), .text("b"), .text("c")])
    }
}
