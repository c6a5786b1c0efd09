import AutopilotCore
import Foundation

/// What the leads pages read and change: a page of leads by score, one lead with its contact, notes and outcome. Every
/// query reads an index of one tenant.
public protocol LeadPagesStore: Sendable {
    func leadList(_ query: LeadListQuery, tenantID: String) async throws -> LeadListPage
    /// The distinct sources of the tenant's leads, for the filter.
    func leadSources(tenantID: String) async throws -> [String]
    func leadFile(id: String, tenantID: String) async throws -> LeadFile?
    /// The contact's latest messages, newest first (by the contact's index).
    func contactMessages(contactID: String, tenantID: String, limit: Int) async throws -> [MessageRecord]
    /// Adds a note to a lead of the tenant; false when the lead is not the tenant's.
    func addLeadNote(_ note: LeadNote, tenantID: String) async throws -> Bool
    /// Marks a lead won, lost or open again; false when the lead is not the tenant's.
    func setLeadStatus(leadID: String, status: LeadStatus, at: Date, by: String, tenantID: String) async throws -> Bool
    /// Stores a fresh qualification (score, tier, the JSON of the fields and evidence, who wrote it); false when the lead is
    /// not the tenant's.
    func saveLeadQualification(_ qualification: StoredLeadQualification, leadID: String, tenantID: String) async throws -> Bool
}

/// Where a lead stands. Raw values are persisted.
public enum LeadStatus: String, Sendable, CaseIterable {
    case open, won, lost
}

/// Filters and page of the leads list.
public struct LeadListQuery: Sendable, Equatable {
    public var tier: String?
    public var source: String?
    /// Matched against the contact's names and email and the lead's company, ignoring case.
    public var search: String?
    public var page = 1
    public var pageSize = 50

    public init(tier: String? = nil, source: String? = nil, search: String? = nil, page: Int = 1, pageSize: Int = 50) {
        self.tier = tier
        self.source = source
        self.search = search
        self.page = max(1, page)
        self.pageSize = max(1, pageSize)
    }
}

/// One page of leads and how many match in all.
public struct LeadListPage: Sendable, Equatable {
    public var rows: [LeadRow]
    public var total: Int

    public init(rows: [LeadRow], total: Int) {
        self.rows = rows
        self.total = total
    }
}

/// A lead as the list shows it.
public struct LeadRow: Sendable, Equatable {
    public var id: String
    public var contactID: String
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var company: String?
    public var source: String?
    public var score: Int?
    public var tier: String?
    public var status: LeadStatus
    public var createdAt: Date
    /// The latest message sent to or replied by the contact.
    public var lastContactAt: Date?

    public init(
        id: String, contactID: String, firstName: String?, lastName: String?, email: String?, company: String?, source: String?, score: Int?,
        tier: String?, status: LeadStatus, createdAt: Date, lastContactAt: Date?
    ) {
        self.id = id
        self.contactID = contactID
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.company = company
        self.source = source
        self.score = score
        self.tier = tier
        self.status = status
        self.createdAt = createdAt
        self.lastContactAt = lastContactAt
    }
}

/// A lead with its message, outcome, last stored qualification and notes (newest first).
public struct LeadFile: Sendable, Equatable {
    public var row: LeadRow
    public var message: String?
    public var phone: String?
    public var statusAt: Date?
    public var statusBy: String?
    public var qualification: StoredLeadQualification?
    public var notes: [LeadNote]

    public init(
        row: LeadRow, message: String?, phone: String?, statusAt: Date?, statusBy: String?, qualification: StoredLeadQualification?,
        notes: [LeadNote]
    ) {
        self.row = row
        self.message = message
        self.phone = phone
        self.statusAt = statusAt
        self.statusBy = statusBy
        self.qualification = qualification
        self.notes = notes
    }
}

/// A qualification written after the lead came in (a re-qualification): the JSON of the fields, score and evidence, and
/// who wrote it (`rules`, or `model:<provider>`).
public struct StoredLeadQualification: Sendable, Equatable {
    public var score: Int
    public var tier: String
    public var json: String
    public var qualifiedBy: String
    public var qualifiedAt: Date

    public init(score: Int, tier: String, json: String, qualifiedBy: String, qualifiedAt: Date) {
        self.score = score
        self.tier = tier
        self.json = json
        self.qualifiedBy = qualifiedBy
        self.qualifiedAt = qualifiedAt
    }
}

/// A person's note on a lead.
public struct LeadNote: Sendable, Equatable {
    public static let maximumLength = 5_000

    public var id: String
    public var leadID: String
    public var authorID: String
    public var authorEmail: String
    public var text: String
    public var createdAt: Date

    public init(id: String, leadID: String, authorID: String, authorEmail: String, text: String, createdAt: Date) {
        self.id = id
        self.leadID = leadID
        self.authorID = authorID
        self.authorEmail = authorEmail
        self.text = text
        self.createdAt = createdAt
    }
}
