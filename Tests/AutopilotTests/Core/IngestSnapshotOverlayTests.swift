import AutopilotCore
import Foundation
import Testing

/// A batch planned while the one before it is written sees that batch's records on top of what it read, and only what
/// its lookups would find (`IngestSnapshot.overlaid`).
@Suite("Ingest snapshot — the batch before, on top")
struct IngestSnapshotOverlayTests {
    static func contact(_ id: String, email: String?, orders: Int = 0) -> ContactRecord {
        var contact = ContactRecord(id: id, createdAt: Fixtures.now)
        contact.email = email
        contact.ordersCount = orders
        return contact
    }

    static func cart(_ id: String, contact: String, status: CartStatus) -> CartRecord {
        CartRecord(
            id: id, externalID: "ext-" + id, contactID: contact, status: status, value: 10, lines: [], createdAt: Fixtures.now,
            updatedAt: Fixtures.now)
    }

    static func lookups(emails: Set<String>, keys: Set<String> = [], activeCarts: Bool = false) throws -> IngestLookups {
        var lookups = IngestLookups(for: [])
        lookups.emails = emails
        lookups.idempotencyKeys = keys
        lookups.needsActiveCarts = activeCarts
        return lookups
    }

    @Test func aWrittenRecordReplacesTheOneReadAndOnlyWhatTheLookupsNameStays() throws {
        var read = IngestSnapshot()
        read.contacts = [Self.contact("c1", email: "ana@x.fr"), Self.contact("c2", email: "bo@x.fr")]
        read.existingKeys = ["k0": "ev0"]
        var written = IngestSnapshot()
        // c1 ordered (replaced); c2's email changed (no longer found by bo@x.fr); c3 is new and named; c4 new, not named.
        written.contacts = [
            Self.contact("c1", email: "ana@x.fr", orders: 1), Self.contact("c2", email: "bob@x.fr"), Self.contact("c3", email: "cy@x.fr"),
            Self.contact("c4", email: "dee@x.fr"),
        ]
        written.existingKeys = ["k1": "ev1", "k9": "ev9"]
        let lookups = try Self.lookups(emails: ["ana@x.fr", "bo@x.fr", "cy@x.fr"], keys: ["k0", "k1", "k2"])
        let overlaid = read.overlaid(with: written, for: lookups).canonical
        #expect(overlaid.contacts.map(\.id) == ["c1", "c3"])
        #expect(overlaid.contacts.first?.ordersCount == 1)
        #expect(overlaid.existingKeys == ["k0": "ev0", "k1": "ev1"])
    }

    @Test func activeCartsFollowTheContactsFoundAndTheirNewStatus() throws {
        var read = IngestSnapshot()
        read.contacts = [Self.contact("c1", email: "ana@x.fr")]
        read.carts = [Self.cart("k1", contact: "c1", status: .open)]
        var written = IngestSnapshot()
        written.carts = [Self.cart("k1", contact: "c1", status: .converted), Self.cart("k2", contact: "c1", status: .abandoned)]
        let overlaid = read.overlaid(with: written, for: try Self.lookups(emails: ["ana@x.fr"], activeCarts: true))
        #expect(overlaid.carts.map(\.id) == ["k2"])
        let withoutActive = read.overlaid(with: written, for: try Self.lookups(emails: ["ana@x.fr"]))
        #expect(withoutActive.carts.isEmpty)
    }

    @Test func theOrderOfTheRowsReadDoesNotMatterButEveryValueDoes() {
        var one = IngestSnapshot()
        one.contacts = [Self.contact("c2", email: "b@x.fr"), Self.contact("c1", email: "a@x.fr")]
        var other = IngestSnapshot()
        other.contacts = [Self.contact("c1", email: "a@x.fr"), Self.contact("c2", email: "b@x.fr")]
        #expect(one.canonical.plansLike(other.canonical, keysRead: true))
        other.contacts[1].ordersCount = 1
        #expect(!one.canonical.plansLike(other.canonical, keysRead: true))
        // Keys not read in the transaction (PostgreSQL's large batches) are left to the unique index.
        var keyed = one
        keyed.existingKeys = ["k": "ev"]
        #expect(keyed.canonical.plansLike(one.canonical, keysRead: false))
        #expect(!keyed.canonical.plansLike(one.canonical, keysRead: true))
    }
}
