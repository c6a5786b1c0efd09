import Foundation
import Testing

@testable import Storage

/// On PostgreSQL a batch's lookups (idempotency keys, contacts by email, phone or id, carts, orders, products, messages)
/// are one index probe per value through a `LATERAL` subquery, the values sent as one text; `IN` stays for SQLite, for
/// reads that do not end with the list, and for values the separator cannot carry.
@Suite struct IngestProbeTests {
    @Test func postgresProbesEachValue() throws {
        let statement = try #require(
            SnapshotReads.probes("SELECT id FROM contacts WHERE tenant_id = ? AND email", tenant: .text("tn_1"), values: ["a@x.fr", "b@x.fr"]))
        #expect(
            statement.sql
                == "SELECT found.* FROM unnest(string_to_array(?, chr(31))) AS probe(value) CROSS JOIN LATERAL (SELECT id FROM contacts WHERE tenant_id = ? AND email = probe.value OFFSET 0) AS found"
        )
        #expect(statement.binds == [.text("a@x.fr\u{1F}b@x.fr"), .text("tn_1")])
    }

    @Test func valuesTheSeparatorCannotCarryKeepTheList() {
        #expect(SnapshotReads.probes("SELECT id FROM t WHERE tenant_id = ? AND k", tenant: .text("tn_1"), values: ["a\u{1F}b"]) == nil)
        #expect(SnapshotReads.probes("SELECT id FROM t WHERE tenant_id = ? AND k", tenant: .text("tn_1"), values: ["", "b"]) == nil)
    }
}
