import AutopilotCore
import Foundation

/// A person's data as a whole (docs/privacy.md): the export read page by page, erasure in one transaction, the tenant's
/// suppression list of erased addresses, and retention's bounded prunes. Every operation is scoped by tenant.
public protocol PrivacyStore: Sendable {
    /// Whether the tenant has this contact (erased or not).
    func hasContact(id: String, tenantID: String) async throws -> Bool
    /// Up to `limit` rows of `table` about the contact, after `cursor` (nil: from the start), each as column → value.
    func contactRows(_ table: ContactDataMap.Table, contactID: String, tenantID: String, after cursor: ContactRowCursor?, limit: Int)
        async throws -> ContactRowPage
    /// The tenant's key for hashing erased addresses; nil until its first erasure.
    func privacyHashKey(tenantID: String) async throws -> String?
    /// The tenant's key for hashing erased addresses, `newKey` stored when it has none yet.
    func privacyHashKey(tenantID: String, now: Date, newKey: String) async throws -> String
    /// Erases the contact in one transaction (see `ContactDataMap`), adds its addresses' hashes to the suppression list and
    /// records the audit row; a contact already erased is left as it is and its first receipt returned. Nil: no such contact.
    func eraseContact(_ request: ErasureRequest) async throws -> ErasureReceipt?
    /// The erasure receipt of a contact, if it was erased.
    func erasureReceipt(contactID: String, tenantID: String) async throws -> ErasureReceipt?
    /// Which of `hashes` are on the tenant's suppression list.
    func suppressedHashes(_ hashes: [String], tenantID: String) async throws -> Set<String>
    /// Deletes up to `limit` of the tenant's oldest events received before `cutoff`; returns how many.
    func pruneEvents(tenantID: String, receivedBefore cutoff: Date, limit: Int) async throws -> Int
    /// Blanks the recipient, subject and body of up to `limit` outbox messages created before `cutoff`, and deletes up to
    /// `limit` message timeline rows (opens, clicks) before it; returns how many rows changed.
    func pruneMessageContents(tenantID: String, before cutoff: Date, limit: Int) async throws -> Int
    /// Deletes up to `limit` chat messages of conversations last active before `cutoff` and blanks voice transcripts of
    /// calls started before it; returns how many rows changed.
    func pruneConversationContents(tenantID: String, before cutoff: Date, limit: Int) async throws -> Int
    /// Gives up to `pages` free pages back to the file system (SQLite `incremental_vacuum`); nil on PostgreSQL.
    func reclaimFreePages(_ pages: Int) async throws -> Int?
}

/// Where the next page of a table's rows starts.
public enum ContactRowCursor: Sendable, Equatable {
    case offset(Int)
    case after(Int64)
}

/// One page of rows about a contact.
public struct ContactRowPage: Sendable {
    public var rows: [JSONObject]
    /// Nil when the table has no more rows.
    public var next: ContactRowCursor?
}

/// An erasure asked for: who asked (an API key's prefix, `cli`), when, and the tenant's keyed hash of an address
/// (`kind` is `email` or `phone`).
public struct ErasureRequest: Sendable {
    public var tenantID: String
    public var contactID: String
    public var requestedBy: String
    public var now: Date
    public var hash: @Sendable (_ kind: String, _ address: String) -> String

    public init(tenantID: String, contactID: String, requestedBy: String, now: Date, hash: @escaping @Sendable (String, String) -> String) {
        self.tenantID = tenantID
        self.contactID = contactID
        self.requestedBy = requestedBy
        self.now = now
        self.hash = hash
    }
}

/// What an erasure did, as the audit log keeps it: ids, time and counts, never the personal data.
public struct ErasureReceipt: Sendable, Equatable, Codable {
    public var contactID: String
    public var requestedBy: String
    public var erasedAt: Date
    /// Rows deleted or anonymised per table, and `suppressed` (addresses added to the suppression list) and
    /// `fields_scrubbed` (personal fields removed from JSON columns).
    public var counts: [String: Int]

    enum CodingKeys: String, CodingKey {
        case contactID = "contact_id", requestedBy = "requested_by", erasedAt = "erased_at", counts
    }

    public init(contactID: String, requestedBy: String, erasedAt: Date, counts: [String: Int]) {
        self.contactID = contactID
        self.requestedBy = requestedBy
        self.erasedAt = erasedAt
        self.counts = counts
    }
}
