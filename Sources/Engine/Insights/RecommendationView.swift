import AutopilotCore
import Decisions
import Foundation

/// A recommendation as the API and the CLI show it: snake_case keys, ISO 8601 times, `contact` is the email when known.
public struct RecommendationView: Encodable, Sendable {
    public let recommendation: Recommendation
    /// For a customer at churn risk above 0.5: how to keep them, and who wrote it.
    public var retention: RetentionSuggestion?
    /// Why it is on the daily list, in one line (`WhyWriter`); set by the daily list.
    public var why: String?

    public init(_ recommendation: Recommendation, retention: RetentionSuggestion? = nil) {
        self.recommendation = recommendation
        self.retention = retention
    }

    enum CodingKeys: String, CodingKey {
        case id, contact, contactID = "contact_id", rule, action, reason, priority, channel, template
        case createdAt = "created_at", dueAt = "due_at", evidence, retention = "retention_suggestion"
        case why, contactName = "contact_name", expectedValue = "expected_value"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(recommendation.id, forKey: .id)
        try container.encode(recommendation.contactEmail ?? recommendation.contactID, forKey: .contact)
        try container.encode(recommendation.contactID, forKey: .contactID)
        try container.encode(recommendation.rule.rawValue, forKey: .rule)
        try container.encode(recommendation.action.rawValue, forKey: .action)
        try container.encode(recommendation.reason, forKey: .reason)
        try container.encode(recommendation.priority.rawValue, forKey: .priority)
        try container.encode(recommendation.channel.rawValue, forKey: .channel)
        try container.encode(recommendation.templateID, forKey: .template)
        try container.encode(Timestamp.format(recommendation.createdAt), forKey: .createdAt)
        try container.encode(Timestamp.format(recommendation.dueAt), forKey: .dueAt)
        try container.encode(recommendation.evidence, forKey: .evidence)
        try container.encodeIfPresent(retention, forKey: .retention)
        try container.encodeIfPresent(why, forKey: .why)
        try container.encodeIfPresent(recommendation.contactName, forKey: .contactName)
        try container.encode(ExpectedValueView(recommendation.expectedValue), forKey: .expectedValue)
    }
}

/// An expected value as the API shows it: `{"amount": 820, "basis": "lead", "likelihood": 0.82, "value": 1000, "source": "default_deal_size"}`.
struct ExpectedValueView: Encodable {
    var amount: Double
    var basis: String
    var likelihood: Double
    var value: Double
    var source: String

    init(_ value: ExpectedValue) {
        amount = value.amount
        basis = value.basis.rawValue
        likelihood = value.likelihood
        self.value = value.value
        source = value.source.rawValue
    }
}
