import AutopilotCore
import Engine
import Foundation
import PostgresNIO
@testable import Storage
import Testing

/// A batch's events go into PostgreSQL through `COPY` (text format) inside the batch's transaction: the values come back
/// byte for byte, however hostile; two batches sharing idempotency keys at the same time record each key once; a batch
/// that fails after some of its writes leaves nothing behind. And a long `IN (…)` list of texts goes as one array.
@Suite struct PostgresCopyIngestTests {
    /// Property values the text format must escape (tab, newline, carriage return, backslash, a literal `\N`) or carry as
    /// they are (quotes, emoji, combining marks, a long string).
    static let hostile: [String] = [
        "tab\there", "line\nbreak", "carriage\rreturn", "back\\slash", "\\N", "\\\\N", "ends with a backslash\\",
        "\"double\" and 'single' quotes", "emoji 🌞👩‍👩‍👧", "e\u{301}te\u{301} combining", "\t\n\r\\ all four", "",
        String(repeating: "long\tvalue\\", count: 20_000),
    ]

    static func envelope(_ index: Int, key: String, note: String) -> JSONValue {
        [
            "type": "contact.updated", "occurred_at": .string(Timestamp.format(Fixtures.now.addingTimeInterval(-Double(index)))),
            "idempotency_key": .string(key), "contact": ["email": .string("person\(index % 40)@copy.example")],
            "properties": ["note": .string(note), "first_name": .string(note.isEmpty ? "x" : String(note.prefix(30)))],
        ]
    }

    static func events(_ store: SQLStore) async throws -> [(key: String, properties: JSONObject)] {
        let rows = try await store.database.read([SQLStatement("SELECT idempotency_key, properties FROM events ORDER BY seq")])[0]
        return rows.map { ($0.text(0) ?? "", $0.eventProperties(1)) }
    }

    @Test func copyTextEscapesTheFourBytesAndWritesNullAsBackslashN() {
        var bytes: [UInt8] = []
        PostgresCopyText.append(row: [.text("a\tb\nc\rd\\e"), .text(nil), .int(-42), .double(0.1), .int(nil), .text("🌞\"'")], to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "a\\tb\\nc\\rd\\\\e\t\\N\t-42\t0.1\t\\N\t🌞\"'\n")
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func hostileValuesComeBackTheSameThroughCopy() async throws {
        try await TestDatabases.withPostgres { store in
            let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now), ids: SeededIDGenerator(seed: 11))
            let tenant = try await TenantService(dependencies: dependencies).create(name: "Copy shop").tenantID
            // Enough events for COPY (at least PostgresCopyText.minimumRows), each hostile value several times.
            let count = max(PostgresCopyText.minimumRows, 600)
            let notes = (0..<count).map { Self.hostile[$0 % Self.hostile.count] }
            let document: JSONValue = ["events": .array((0..<count).map { Self.envelope($0, key: "k\($0)", note: notes[$0]) })]
            let result = try await IngestPipeline(dependencies: dependencies).ingest(document: document, tenantID: tenant)
            #expect(result.accepted.count == count)
            let postgres = try #require(store.database as? Storage.PostgresDatabase)
            #expect(postgres.profile.read()["COPY events"]?.count == 1, "the batch's events went through COPY")
            let stored = try await Self.events(store)
            #expect(stored.count == count)
            for (index, event) in stored.enumerated() {
                #expect(event.key == "k\(index)")
                #expect(event.properties["note"] == .string(notes[index]), "note of event \(index)")
                if event.properties["note"] != .string(notes[index]) { break }
            }
            // Sent again, the whole batch is refused as duplicates, and nothing is written twice.
            let again = try await IngestPipeline(dependencies: dependencies).ingest(document: document, tenantID: tenant)
            #expect(again.accepted.isEmpty && again.duplicates.count == count)
            #expect(try await Self.events(store).count == count)
        }
    }

    /// Two batches of the same tenant at the same time, on two connections, sharing half their idempotency keys: the
    /// tenant's ingest lock makes the second read the keys the first committed, so each key is recorded once.
    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func duplicatesAcrossTwoConcurrentBatchesAreRecordedOnce() async throws {
        try await TestDatabases.withPostgres { store in
            let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now), ids: SeededIDGenerator(seed: 12))
            let tenant = try await TenantService(dependencies: dependencies).create(name: "Race shop").tenantID
            let first: JSONValue = ["events": .array((0..<800).map { Self.envelope($0, key: "k\($0)", note: "first \($0)") })]
            let second: JSONValue = ["events": .array((400..<1_200).map { Self.envelope($0, key: "k\($0)", note: "second \($0)") })]
            let pipeline = IngestPipeline(dependencies: dependencies)
            async let a = pipeline.ingest(document: first, tenantID: tenant)
            async let b = pipeline.ingest(document: second, tenantID: tenant)
            let (resultA, resultB) = try await (a, b)
            #expect(resultA.accepted.count + resultB.accepted.count == 1_200)
            #expect(resultA.duplicates.count + resultB.duplicates.count == 400)
            let stored = try await Self.events(store)
            #expect(stored.count == 1_200)
            #expect(Set(stored.map(\.key)).count == 1_200, "each idempotency key once")
        }
    }

    /// A batch is first written without reading which of its keys are stored; when some were, the unique index refuses
    /// its events, nothing of that attempt stays, and the batch is decided again from the keys read: the stored keys are
    /// answered as duplicates with their first event's id, and their events' data is not applied a second time.
    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func aBatchWithStoredKeysIsDecidedAgainFromTheKeysRead() async throws {
        try await TestDatabases.withPostgres { store in
            let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now), ids: SeededIDGenerator(seed: 14))
            let tenant = try await TenantService(dependencies: dependencies).create(name: "Again shop").tenantID
            let postgres = try #require(store.database as? Storage.PostgresDatabase)
            let pipeline = IngestPipeline(dependencies: dependencies)
            let first = try await pipeline.ingest(
                document: ["events": .array((0..<600).map { Self.envelope($0, key: "k\($0)", note: "first \($0)") })], tenantID: tenant)
            #expect(first.accepted.count == 600 && postgres.profile.read()["COPY events"]?.count == 1, "one attempt, no key stored")
            let firstIDs = Dictionary(uniqueKeysWithValues: first.accepted.map { ("k\($0.index)", $0.id) })

            let second = try await pipeline.ingest(
                document: ["events": .array((300..<1_100).map { Self.envelope($0, key: "k\($0)", note: "second \($0)") })], tenantID: tenant)
            #expect(second.accepted.count == 500 && second.duplicates.count == 300)
            #expect(second.duplicates.allSatisfy { $0.id == firstIDs[$0.idempotencyKey ?? ""] }, "each duplicate names the first event")
            #expect(postgres.profile.read()["COPY events"]?.count == 3, "the refused attempt, then the batch decided again")
            #expect(postgres.profile.read()["ROLLBACK"]?.count == 1)
            let stored = try await Self.events(store)
            #expect(stored.count == 1_100 && Set(stored.map(\.key)).count == 1_100)
            #expect(stored.filter { $0.properties["note"] == .string("second 450") }.isEmpty, "a duplicate's data is not stored")

            // A small batch (a webhook delivered again) reads its keys first: no refused attempt.
            let one = try await pipeline.ingest(document: ["events": [Self.envelope(0, key: "k0", note: "once more")]], tenantID: tenant)
            #expect(one.accepted.isEmpty && one.duplicates.map(\.id) == [firstIDs["k0"]])
            #expect(postgres.profile.read()["ROLLBACK"]?.count == 1, "no attempt refused")
            #expect(try await Self.events(store).count == 1_100)

            // A batch of 150 events, too small for COPY but large enough to go unread first, is refused by the INSERT.
            let hundred = try await pipeline.ingest(
                document: ["events": .array((1_000..<1_150).map { Self.envelope($0, key: "k\($0)", note: "third \($0)") })], tenantID: tenant)
            #expect(hundred.accepted.count == 50 && hundred.duplicates.count == 100)
            #expect(postgres.profile.read()["ROLLBACK"]?.count == 2, "its INSERT refused the first attempt")
            #expect(try await Self.events(store).count == 1_150)
        }
    }

    /// The batch's contacts are written first, then COPY fails on its 501st event (a constraint added for the test):
    /// the transaction is rolled back whole — no contact, no event — and the next batch goes through on the same pool.
    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func aBatchThatFailsMidwayLeavesNothing() async throws {
        try await TestDatabases.withPostgres { store in
            let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now), ids: SeededIDGenerator(seed: 13))
            let tenant = try await TenantService(dependencies: dependencies).create(name: "Broken shop").tenantID
            try await store.database.executeScript(["ALTER TABLE events ADD CONSTRAINT no_poison CHECK (idempotency_key <> 'poison')"])
            let events = (0..<700).map { Self.envelope($0, key: $0 == 500 ? "poison" : "k\($0)", note: "n\($0)") }
            let pipeline = IngestPipeline(dependencies: dependencies)
            await #expect(throws: (any Error).self) {
                try await pipeline.ingest(document: ["events": .array(events)], tenantID: tenant)
            }
            let counts = try await store.database.read([
                SQLStatement("SELECT COUNT(*) FROM events"), SQLStatement("SELECT COUNT(*) FROM contacts WHERE tenant_id = ?", [.text(tenant)]),
            ])
            #expect(counts[0].first?.int(0) == 0, "no event of the failed batch")
            #expect(counts[1].first?.int(0) == 0, "no contact of the failed batch")
            // A failed COPY leaves its connection usable: the same batch without the poisoned key goes in whole.
            let fixed = (0..<700).map { Self.envelope($0, key: "k\($0)", note: "n\($0)") }
            let result = try await pipeline.ingest(document: ["events": .array(fixed)], tenantID: tenant)
            #expect(result.accepted.count == 700)
            #expect(try await Self.events(store).count == 700)
        }
    }

    static func children(_ prefix: String, parent: String) -> [[SQLValue]] {
        (0..<600).map { [.text("\(prefix)\($0)"), .text(parent), .text($0 % 2 == 0 ? nil : "n\t\($0)")] }
    }

    /// Only a transaction's last write goes through COPY: a large insert before its parent's still goes beside it in one
    /// statement (foreign keys checked when that statement ends), as it did before COPY.
    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func onlyTheLastLargeInsertGoesThroughCopy() async throws {
        try await TestDatabases.withPostgres { store in
            try await store.database.executeScript([
                "CREATE TABLE copy_parent (id TEXT PRIMARY KEY)",
                "CREATE TABLE copy_child (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES copy_parent(id), note TEXT)",
            ])
            let postgres = try #require(store.database as? Storage.PostgresDatabase)
            let first = Self.children("a", parent: "p1")
            let second = Self.children("b", parent: "p2")
            let columns = ["id", "parent_id", "note"]
            try await store.database.transaction(lock: nil, reads: []) { _ in
                (
                    [
                        .insert(table: "copy_child", columns: columns, rows: first, conflict: ""),
                        .insert(table: "copy_parent", columns: ["id"], rows: [[.text("p1")]], conflict: ""),
                    ], ()
                )
            }
            #expect(postgres.profile.read()["COPY copy_child"] == nil, "the child went beside its parent, in one statement")
            try await store.database.transaction(lock: nil, reads: []) { _ in
                (
                    [
                        .insert(table: "copy_parent", columns: ["id"], rows: [[.text("p2")]], conflict: ""),
                        .insert(table: "copy_child", columns: columns, rows: second, conflict: ""),
                    ], ()
                )
            }
            #expect(postgres.profile.read()["COPY copy_child"]?.count == 1, "the last write went through COPY")
            let read = try await store.database.read([
                SQLStatement("SELECT parent_id, COUNT(*), COUNT(note) FROM copy_child GROUP BY parent_id ORDER BY parent_id"),
                SQLStatement("SELECT note FROM copy_child WHERE id = 'b7'"),
            ])
            #expect(read[0].map { [$0.text(0), $0.text(1), $0.text(2)] } == [["p1", "600", "300"], ["p2", "600", "300"]])
            #expect(read[1].first?.text(0) == "n\t7")
        }
    }

    @Test func longInListsOfTextsGoAsOneArray() {
        let keys = (0..<10).map { SQLValue.text("k\($0)") }
        let query = Storage.PostgresDatabase.postgresQuery(
            "SELECT id FROM events WHERE tenant_key = ? AND idempotency_key IN " + SQLStatement.placeholders(10) + " AND type = ?",
            [.int(1)] + keys + [.text("t")])
        #expect(query.sql == "SELECT id FROM events WHERE tenant_key = $1 AND idempotency_key = ANY($2::text[]) AND type = $3")
        #expect(query.binds.count == 3)
        // Short lists, lists with a null or a number, and NOT IN stay as they were.
        let short = Storage.PostgresDatabase.postgresQuery("SELECT 1 WHERE x IN (?, ?)", [.text("a"), .text("b")])
        #expect(short.sql == "SELECT 1 WHERE x IN ($1, $2)")
        let withNull = Storage.PostgresDatabase.postgresQuery("SELECT 1 WHERE x IN " + SQLStatement.placeholders(10), Array(keys.dropLast()) + [.text(nil)])
        #expect(withNull.binds.count == 10)
        let negated = Storage.PostgresDatabase.postgresQuery("SELECT 1 WHERE x NOT IN " + SQLStatement.placeholders(10), keys)
        #expect(negated.binds.count == 10)
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func longInListsSelectTheSameRows() async throws {
        try await TestDatabases.withPostgres { store in
            try await store.database.executeScript(["CREATE TABLE in_probe (id TEXT PRIMARY KEY, n BIGINT)"])
            let ids = (0..<50).map { "id-\($0)'\"\\ é" }
            try await store.database.transaction(lock: nil, reads: []) { _ in
                ([.insert(table: "in_probe", columns: ["id", "n"], rows: ids.enumerated().map { [.text($1), .int(Int64($0))] }, conflict: "")], ())
            }
            let wanted = ids.enumerated().filter { $0.offset % 3 == 0 }.map(\.element) + ["absent"]
            let read = try await store.database.read([
                SQLStatement("SELECT n FROM in_probe WHERE id IN " + SQLStatement.placeholders(wanted.count) + " ORDER BY n", wanted.map { .text($0) }),
                SQLStatement("SELECT COUNT(*) FROM in_probe WHERE id NOT IN " + SQLStatement.placeholders(wanted.count), wanted.map { .text($0) }),
            ])
            #expect(read[0].map { $0.int(0) } == stride(from: 0, to: 50, by: 3).map { Int64($0) })
            #expect(read[1].first?.int(0) == 33)
        }
    }
}
