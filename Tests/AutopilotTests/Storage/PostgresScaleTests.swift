import AutopilotCore
import DemoShop
import Engine
import Foundation
import Logging
import Storage
import Synchronization
import Testing

/// PostgreSQL as the way up: rows written as typed arrays in one statement come back exactly as they went in, and several
/// workers, each with its own connections as separate processes would have, step every due run exactly once.
@Suite(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
struct PostgresScaleTests {

    final class Claimed: Sendable {
        let ids = Mutex<[String]>([])
    }

    @Test func rowsGoInAsArraysAndComeBackTheSame() async throws {
        try await TestDatabases.withPostgres { store in
            try await store.database.executeScript([
                "CREATE TABLE bulk_probe (id TEXT PRIMARY KEY, n BIGINT, small INTEGER, amount DOUBLE PRECISION, note TEXT, never BIGINT)"
            ])
            // More rows than one statement carries (10,000), nulls in every typed column, and text PostgreSQL's array
            // syntax would need to escape (quotes, backslashes, braces, commas, NULL as a word) — sent in binary, nothing is.
            let notes = ["plain", "with \"quotes\"", "back\\slash", "{braces}", "a,b", "NULL", "", "été 🌞", "line\nbreak"]
            let rows: [[SQLValue]] = (0..<12_345).map { (index: Int) -> [SQLValue] in
                let id = "r" + String(repeating: "0", count: 5 - String(index).count) + String(index)
                let big: Int64? = index % 7 == 0 ? nil : Int64(index) * 1_000_000_007
                let amount: Double? = index % 5 == 0 ? nil : Double(index) / 3
                let note: String? = index % 11 == 0 ? nil : notes[index % notes.count]
                return [.text(id), .int(big), .int(Int64(index % 100)), .double(amount), .text(note), .int(nil)]
            }
            let columns = ["id", "n", "small", "amount", "note", "never"]
            // A write after them keeps them in arrays (only a transaction's last large insert goes through COPY, which
            // PostgresCopyIngestTests covers).
            let after = SQLStatement("UPDATE bulk_probe SET never = NULL WHERE id = ?", [.text("none")])
            try await store.database.transaction(lock: "bulk", reads: []) { _ in
                ([.insert(table: "bulk_probe", columns: columns, rows: rows, conflict: ""), .statement(after)], ())
            }
            let postgres = try #require(store.database as? Storage.PostgresDatabase)
            #expect(postgres.profile.read().keys.contains { $0.hasPrefix("COPY") } == false)
            // An upsert over some of them: the conflict clause sees the arrays' values as `excluded`.
            let changed = rows.prefix(20).map { row in [row[0], .int(-1), row[2], .double(0.5), .text("changed"), .int(nil)] }
            try await store.database.transaction(lock: nil, reads: []) { _ in
                ([SQLWrite.upsert(table: "bulk_probe", columns: columns, key: ["id"], rows: changed)], ())
            }
            let read = try await store.database.read([SQLStatement("SELECT \(columns.joined(separator: ", ")) FROM bulk_probe ORDER BY id")])[0]
            #expect(read.count == rows.count)
            for (index, row) in read.enumerated() {
                let expected = index < 20 ? changed[index] : rows[index]
                #expect(row.text(0) == expected[0].textValue)
                #expect(row.int(1) == expected[1].intValue, "n of row \(index)")
                #expect(row.int(2) == expected[2].intValue)
                #expect(row.double(3) == expected[3].doubleValue, "amount of row \(index)")
                #expect(row.text(4) == expected[4].textValue, "note of row \(index)")
                #expect(row.int(5) == nil)
                if row.text(0) != expected[0].textValue { break }
            }
        }
    }

    /// Four claimers, each with its own pool, take due runs seven at a time until none is left: every run is claimed by
    /// exactly one of them, once.
    @Test func concurrentClaimersTakeEachRunOnce() async throws {
        try await Self.withPostgresURL { url, store in
            let runs = 400
            let tenantID = try await FlowBenchmark(runs: runs, store: store) { _ in }.prepare()
            let claimed = Claimed()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        try await DatabaseConfiguration.postgres(url: url).withStore(logger: Logger(label: "test")) { own in
                            while true {
                                let count = try await own.advanceDueRuns(now: FlowBenchmark.passes[0], limit: 7) { records in
                                    claimed.ids.withLock { $0 += records.map(\.id) }
                                    var changes = FlowChanges()
                                    changes.runs = records.map { record in
                                        var moved = record
                                        moved.wakeAt = nil
                                        return moved
                                    }
                                    return changes
                                }
                                if count == 0 { return }
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let ids = claimed.ids.withLock { $0 }
            #expect(ids.count == runs, "claims in all: one per run")
            #expect(Set(ids).count == runs, "no run claimed twice")
            let left = try await store.database.read([
                SQLStatement("SELECT COUNT(*) FROM flow_runs WHERE tenant_id = ? AND wake_at IS NOT NULL", [.text(tenantID)])
            ])[0]
            #expect(left.first?.int(0) == 0)
        }
    }

    /// Three workers (the engine's own timer pass, each with its own pool, small batches) run the benchmark's two timer
    /// passes together: the steps they report add up to one per run in each pass, and one message is queued per run.
    @Test func threeWorkersStepEachRunOncePerPass() async throws {
        try await Self.withPostgresURL { url, store in
            let runs = 300
            let tenantID = try await FlowBenchmark(runs: runs, store: store) { _ in }.prepare()
            let catalogs = [tenantID: try await FlowCatalog.load(tenantID: tenantID, store: store)]
            for at in FlowBenchmark.passes {
                let steps = try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<3 {
                        group.addTask {
                            try await DatabaseConfiguration.postgres(url: url).withStore(logger: Logger(label: "test")) { own in
                                let worker = try FlowBenchmark.worker(store: own, batchSize: 16)
                                // A worker stops at its first short batch; others may still hold rows: go on until none is due.
                                var total = 0
                                while true {
                                    let stepped = try await worker.advanceTimers(now: at, catalogs: catalogs)
                                    total += stepped
                                    if stepped == 0 { return total }
                                }
                            }
                        }
                    }
                    return try await group.reduce(0, +)
                }
                #expect(steps == runs, "one step per run in the pass at \(at)")
            }
            let queued = try await store.outboxStatusCounts(tenantID: tenantID).values.reduce(0, +)
            #expect(queued == runs)
        }
    }

    /// A new migrated database, with its URL so that more pools (as other processes would) can open it.
    static func withPostgresURL(_ body: @Sendable (String, SQLStore) async throws -> Void) async throws {
        guard let base = TestDatabases.postgresURL, var components = URLComponents(string: base) else { return }
        let name = "autopilot_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await DatabaseConfiguration.postgres(url: base).withStore(logger: Logger(label: "test")) { admin in
            try await admin.database.executeScriptOutsideTransaction("CREATE DATABASE \(name)")
        }
        components.path = "/" + name
        guard let url = components.string else { return }
        try await DatabaseConfiguration.postgres(url: url).withStore(logger: Logger(label: "test")) { store in
            try await store.migrate(now: Fixtures.now)
            try await body(url, store)
        }
    }
}

extension SQLValue {
    fileprivate var textValue: String? { if case .text(let value) = self { value } else { nil } }
    fileprivate var intValue: Int64? { if case .int(let value) = self { value } else { nil } }
    fileprivate var doubleValue: Double? { if case .double(let value) = self { value } else { nil } }
}
