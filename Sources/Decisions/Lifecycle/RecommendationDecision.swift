import AutopilotCore
import Foundation

/// What a person decided about a recommendation. Stored by the engine (not here) and read back by `RecommendationTriage`.
///
/// JSON: `{"recommendationID": "rec_…", "status": "snoozed", "until": "…", "decidedAt": "…"}`.
public struct RecommendationDecision: Sendable, Hashable, Codable {
    /// The decision itself.
    public enum Status: Sendable, Hashable {
        /// The follow-up was sent (through the outbox); the same recommendation is done.
        case accepted
        /// Not relevant; the same recommendation never comes back.
        case dismissed
        /// Hidden until the given moment, then shown again if the rule still holds.
        case snoozed(until: Date)

        /// The persisted name: accepted, dismissed or snoozed.
        public var kind: RecommendationDecisionStatus {
            switch self {
            case .accepted: .accepted
            case .dismissed: .dismissed
            case .snoozed: .snoozed
            }
        }

        /// "accepted", "dismissed" or "snoozed".
        public var name: String { kind.rawValue }
    }

    public var recommendationID: String
    public var status: Status
    public var decidedAt: Date

    public init(recommendationID: String, status: Status, decidedAt: Date) {
        self.recommendationID = recommendationID
        self.status = status
        self.decidedAt = decidedAt
    }

    /// Whether the recommendation stays hidden at `now`.
    public func hides(at now: Date) -> Bool {
        switch status {
        case .accepted, .dismissed: true
        case .snoozed(let until): now < until
        }
    }

    private enum CodingKeys: String, CodingKey {
        case recommendationID, status, until, decidedAt
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        recommendationID = try container.decode(String.self, forKey: .recommendationID)
        decidedAt = try container.decode(Date.self, forKey: .decidedAt)
        let name = try container.decode(String.self, forKey: .status)
        switch RecommendationDecisionStatus(rawValue: name) {
        case .accepted: status = .accepted
        case .dismissed: status = .dismissed
        case .snoozed: status = .snoozed(until: try container.decode(Date.self, forKey: .until))
        case nil:
            throw DecodingError.dataCorruptedError(
                forKey: .status, in: container, debugDescription: "status must be accepted, dismissed or snoozed, not \"\(name)\""
            )
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(recommendationID, forKey: .recommendationID)
        try container.encode(status.name, forKey: .status)
        if case .snoozed(let until) = status { try container.encode(until, forKey: .until) }
        try container.encode(decidedAt, forKey: .decidedAt)
    }
}
