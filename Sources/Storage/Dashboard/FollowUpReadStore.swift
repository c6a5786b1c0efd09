import AutopilotCore
import Foundation

/// What the daily list of follow-ups reads: only the contacts a decision rule can hold for, with the scores the last
/// scoring stored on them, never every customer's history.
public protocol FollowUpReadStore: Sendable {
    /// The candidates at `horizon` (`FollowUpData`), or `contactID` alone when given.
    func followUpData(tenantID: String, horizon: Date, contactID: String?) async throws -> FollowUpData
}

/// The contacts a follow-up rule can hold for: a lead that came in since the horizon and is hot or was written to since,
/// a conversation message (one not marked marketing or transactional) sent or delivered since then, or a stored churn
/// band of `critical`. `data` holds those contacts, their messages and replies since the horizon and their leads since
/// then; no orders and no tickets.
public struct FollowUpData: Sendable {
    /// What the last scoring stored on a contact.
    public struct StoredScores: Sendable, Equatable {
        public var churnScore: Double?
        public var churnBand: String?
        public var lifetimeValue: Double?

        public init(churnScore: Double?, churnBand: String?, lifetimeValue: Double?) {
            self.churnScore = churnScore
            self.churnBand = churnBand
            self.lifetimeValue = lifetimeValue
        }
    }

    public var data = ScoringData()
    /// Stored scores by contact id.
    public var scores: [String: StoredScores] = [:]
    /// What each candidate who ordered spent so far (orders not cancelled, net of refunds), by contact id; a candidate
    /// absent from it has no order and is no customer.
    public var spent: [String: Double] = [:]

    public init() {}
}
