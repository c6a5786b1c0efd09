import AutopilotCore
import Foundation

/// Saved segments, their members, and what their conditions read (docs/segments.md). Every operation is one transaction,
/// scoped by tenant.
public protocol SegmentStore: Sendable {
    func segments(tenantID: String) async throws -> [SegmentRecord]
    func segment(tenantID: String, id: String) async throws -> SegmentRecord?
    /// Creates the segment or replaces its name and condition; a changed condition starts a silent refill. Returns whether
    /// it was created.
    func saveSegment(_ segment: SegmentRecord) async throws -> Bool
    /// Deletes the segment and its member rows; false when there was none.
    func deleteSegment(tenantID: String, id: String) async throws -> Bool
    /// Current members per segment id (segments without members are absent).
    func segmentMemberCounts(tenantID: String) async throws -> [String: Int]
    /// Members of one segment, by contact id after `after`.
    func segmentMembers(tenantID: String, segmentID: String, after: String?, limit: Int) async throws -> [SegmentMemberContact]
    /// The facts of the given contacts (those that exist).
    func segmentFacts(tenantID: String, contactIDs: Set<String>) async throws -> [SegmentFactsRecord]
    /// The facts of the next `limit` contacts by id after `after`: a sweep's page.
    func segmentFactsPage(tenantID: String, after: String?, limit: Int) async throws -> [SegmentFactsRecord]
    /// Where the contacts stand in the segments: rows that exist.
    func segmentMemberStates(tenantID: String, segmentIDs: [String], contactIDs: Set<String>) async throws -> [SegmentMemberRow]
    /// Writes member rows (upserts) and, for a sweep's page, the segments' sweep positions, in one transaction.
    func recordSegmentMembers(tenantID: String, rows: [SegmentMemberRow], sweeps: [SegmentSweepProgress]) async throws
}

/// A saved segment as stored.
public struct SegmentRecord: Sendable, Equatable {
    public var tenantID: String
    public var id: String
    public var name: String
    public var condition: String
    public var timeDependent: Bool
    /// The creation moment in milliseconds: tells a re-created segment from a deleted one of the same id.
    public var generation: Int64
    /// True once every contact was placed since the condition last changed.
    public var filled: Bool
    public var sweepAfter: String?
    public var sweptAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        tenantID: String, id: String, name: String, condition: String, timeDependent: Bool, createdAt: Date, updatedAt: Date,
        generation: Int64? = nil, filled: Bool = false, sweepAfter: String? = nil, sweptAt: Date? = nil
    ) {
        self.tenantID = tenantID
        self.id = id
        self.name = name
        self.condition = condition
        self.timeDependent = timeDependent
        self.generation = generation ?? Int64((createdAt.timeIntervalSince1970 * 1000).rounded())
        self.filled = filled
        self.sweepAfter = sweepAfter
        self.sweptAt = sweptAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One contact's place in one segment.
public struct SegmentMemberRow: Sendable, Equatable {
    public var segmentID: String
    public var contactID: String
    public var member: Bool
    public var transitions: Int
    public var changedAt: Date

    public init(segmentID: String, contactID: String, member: Bool, transitions: Int, changedAt: Date) {
        self.segmentID = segmentID
        self.contactID = contactID
        self.member = member
        self.transitions = transitions
        self.changedAt = changedAt
    }
}

/// How far a segment's sweep went: the last contact id placed, or done.
public struct SegmentSweepProgress: Sendable, Equatable {
    public var segmentID: String
    /// The last contact id of the page; nil when the sweep finished.
    public var after: String?
    public var at: Date

    public init(segmentID: String, after: String?, at: Date) {
        self.segmentID = segmentID
        self.after = after
        self.at = at
    }
}

/// A member as listed: the contact's id and how to reach them.
public struct SegmentMemberContact: Sendable, Equatable {
    public var contactID: String
    public var email: String?
    public var phone: String?
    public var since: Date

    public init(contactID: String, email: String?, phone: String?, since: Date) {
        self.contactID = contactID
        self.email = email
        self.phone = phone
        self.since = since
    }
}

/// What a segment condition reads of one contact, as stored: the contact, its scores, its latest lead, the last moments of
/// its messages.
public struct SegmentFactsRecord: Sendable, Equatable {
    public var contact: ContactRecord
    public var rfmSegment: String?
    public var rfm: (r: Int, f: Int, m: Int)?
    public var churnBand: String?
    public var churnScore: Double?
    public var clv: Double?
    public var pAlive: Double?
    public var leadTier: String?
    public var leadScore: Int?
    public var lastEmailSentAt: Date?
    public var lastEmailOpenAt: Date?
    public var lastClickAt: Date?
    public var lastReplyAt: Date?

    public init(contact: ContactRecord) {
        self.contact = contact
    }

    public static func == (a: SegmentFactsRecord, b: SegmentFactsRecord) -> Bool {
        a.contact == b.contact && a.rfmSegment == b.rfmSegment && a.rfm?.r == b.rfm?.r && a.rfm?.f == b.rfm?.f && a.rfm?.m == b.rfm?.m
            && a.churnBand == b.churnBand && a.churnScore == b.churnScore && a.clv == b.clv && a.pAlive == b.pAlive
            && a.leadTier == b.leadTier && a.leadScore == b.leadScore && a.lastEmailSentAt == b.lastEmailSentAt
            && a.lastEmailOpenAt == b.lastEmailOpenAt && a.lastClickAt == b.lastClickAt && a.lastReplyAt == b.lastReplyAt
    }
}
