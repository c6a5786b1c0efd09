import AutopilotCore
import Foundation

/// What the dashboard's home page reads: a period's activity and the hot leads nobody has written to yet. Every query
/// reads an index of one tenant, never the whole event log.
public protocol TodayReadStore: Sendable {
    func activityCounts(tenantID: String, from: Date, until: Date) async throws -> ActivityCounts
    func waitingHotLeads(tenantID: String, limit: Int) async throws -> [WaitingLead]
    func heldMessageCount(tenantID: String) async throws -> Int
}

/// Messages sent and replied to, and unsubscribes, within a period.
public struct ActivityCounts: Sendable, Equatable {
    public var sent = 0
    public var replied = 0
    public var unsubscribed = 0

    public init(sent: Int = 0, replied: Int = 0, unsubscribed: Int = 0) {
        self.sent = sent
        self.replied = replied
        self.unsubscribed = unsubscribed
    }
}

/// A hot lead no message has gone to since it came in.
public struct WaitingLead: Sendable, Equatable {
    public var leadID: String
    public var contactID: String
    public var name: String?
    public var email: String?
    public var company: String?
    public var score: Int?
    public var createdAt: Date

    public init(leadID: String, contactID: String, name: String?, email: String?, company: String?, score: Int?, createdAt: Date) {
        self.leadID = leadID
        self.contactID = contactID
        self.name = name
        self.email = email
        self.company = company
        self.score = score
        self.createdAt = createdAt
    }
}
