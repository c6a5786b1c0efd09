import Foundation
@testable import Storage
import Testing

extension SQLValue {
    fileprivate var intValue: Int64? { if case .int(let value) = self { value } else { nil } }
}

/// Fewer round trips on PostgreSQL, the same rows: a scope-locked transaction's reads go as one statement and come back
/// read by read, exactly; consecutive inserts into different tables go as one statement, children beside their parents.
@Suite struct PostgresRoundTripTests {
    @Test func jsonRowsKeepTextNumbersNullsAndRepeatedNames() throws {
        var reader = JSONRowsReader(
            bytes: Array(#"[{"a":1,"a":"0123","b":null,"c":40.5,"d":"x\"y\\z\u00e9\n","e":-7,"f":1e+20}, {"a":9223372036854775807,"a":"","b":"{}","c":0,"d":"🌞","e":true,"f":[1,{"g":2}]}]"#.utf8))
        let rows = try reader.rows()
        #expect(rows.count == 2)
        #expect(rows[0].values == [.int(1), .text("0123"), .text(nil), .double(40.5), .text("x\"y\\zé\n"), .int(-7), .double(1e20)])
        #expect(rows[1].values == [.int(Int64.max), .text(""), .text("{}"), .int(0), .text("🌞"), .int(1), .text(#"[1,{"g":2}]"#)])
        var empty = JSONRowsReader(bytes: Array("[]".utf8))
        #expect(try empty.rows().isEmpty)
        var broken = JSONRowsReader(bytes: Array(#"[{"a":1"#.utf8))
        #expect(throws: PostgresReadBatchError.self) { try broken.rows() }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func combinedReadsGiveEachReadItsOwnRows() async throws {
        try await TestDatabases.withPostgres { store in
            try await store.database.executeScript([
                "CREATE TABLE probe (id TEXT PRIMARY KEY, n BIGINT, amount DOUBLE PRECISION, note TEXT)"
            ])
            let notes: [String?] = ["plain", "with \"quotes\", commas", "back\\slash", "(parens)", "NULL", "", "été 🌞", "line\nbreak", nil, "0123"]
            let rows: [[SQLValue]] = notes.enumerated().map { index, note in
                [.text("r\(index)"), .int(index % 3 == 0 ? nil : Int64(index) * 1_000_000_007), .double(index % 4 == 0 ? nil : Double(index) / 3), .text(note)]
            }
            try await store.database.transaction(lock: nil, reads: []) { _ in
                ([.insert(table: "probe", columns: ["id", "n", "amount", "note"], rows: rows, conflict: "")], ())
            }
            let reads = [
                SQLStatement("SELECT id, n, amount, note FROM probe WHERE id IN (?, ?, ?) ORDER BY id DESC", [.text("r1"), .text("r2"), .text("r9")]),
                SQLStatement("SELECT id, note FROM probe WHERE note = ?", [.text("nothing like it")]),
                SQLStatement("SELECT COUNT(*), MAX(n), MIN(note), MAX(note), AVG(amount) FROM probe"),
                SQLStatement("SELECT id, n, amount, note FROM probe ORDER BY id"),
            ]
            let separate = try await store.database.read(reads)
            // `numeric` answers (an average or a sum of integers) read as numbers, one statement a read or combined.
            let averages = try await store.database.read([SQLStatement("SELECT AVG(n), SUM(n), AVG(n)::text FROM probe")])[0][0]
            #expect(averages.double(0) == averages.double(2) && averages.double(0) != nil)
            #expect(averages.int(1) == rows.compactMap { $0[1].intValue }.reduce(0, +))
            let combined = try await store.database.transaction(lock: "probe", reads: reads) { rows in ([], rows.map { $0.map(\.values) }) }
            #expect(PostgresReadBatch.canCombine(reads))
            #expect(combined.count == reads.count)
            for (index, (one, other)) in zip(separate, combined).enumerated() {
                #expect(one.count == other.count, "read \(index)")
                for (left, right) in zip(one, other) {
                    for column in left.values.indices {
                        #expect(left.text(column) == SQLRow(right).text(column) || left.double(column) == SQLRow(right).double(column), "read \(index)")
                        #expect(left.int(column) == SQLRow(right).int(column), "read \(index) column \(column)")
                    }
                }
            }
        }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func insertsIntoSeveralTablesGoAsOneStatementChildrenBesideParents() async throws {
        try await TestDatabases.withPostgres { store in
            try await store.database.executeScript([
                "CREATE TABLE parent_probe (id TEXT PRIMARY KEY, name TEXT)",
                "CREATE TABLE child_probe (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parent_probe(id), n BIGINT)",
            ])
            guard let postgres = store.database as? PostgresDatabase else { return }
            let before = postgres.statementsSent
            try await store.database.transaction(lock: nil, reads: []) { _ in
                (
                    [
                        .insert(table: "child_probe", columns: ["id", "parent_id", "n"], rows: [[.text("c1"), .text("p1"), .int(1)]], conflict: ""),
                        .insert(table: "parent_probe", columns: ["id", "name"], rows: [[.text("p1"), .text("one")], [.text("p2"), .text("two")]], conflict: ""),
                        .upsert(table: "parent_probe", columns: ["id", "name"], key: ["id"], rows: [[.text("p2"), .text("deux")]]),
                        .statement(SQLStatement("UPDATE child_probe SET n = n + 1 WHERE parent_id = ?", [.text("p1")])),
                        .insert(table: "child_probe", columns: ["id", "parent_id", "n"], rows: [[.text("c2"), .text("p2"), .int(5)]], conflict: ""),
                    ], ()
                )
            }
            // BEGIN; child + parent together; the second parent insert (same table) on its own; the UPDATE; the last
            // child; COMMIT.
            #expect(postgres.statementsSent - before == 6)
            let read = try await store.database.read([
                SQLStatement("SELECT id, name FROM parent_probe ORDER BY id"), SQLStatement("SELECT id, n FROM child_probe ORDER BY id"),
            ])
            #expect(read[0].map { $0.text(1) } == ["one", "deux"])
            #expect(read[1].map { $0.int(1) } == [2, 5])
            // A child without its parent still fails the whole statement, and nothing of the transaction stays.
            await #expect(throws: (any Error).self) {
                try await store.database.transaction(lock: nil, reads: []) { _ in
                    (
                        [
                            .insert(table: "parent_probe", columns: ["id", "name"], rows: [[.text("p3"), .text("three")]], conflict: ""),
                            .insert(table: "child_probe", columns: ["id", "parent_id", "n"], rows: [[.text("c3"), .text("nobody"), .int(0)]], conflict: ""),
                        ], ()
                    )
                }
            }
            #expect(try await store.database.read([SQLStatement("SELECT COUNT(*) FROM parent_probe")])[0].first?.int(0) == 2)
        }
    }
}
