import AutopilotCore
import Foundation

/// An opportunity as Autopilot sends it to a CRM: a qualified lead (open, with its score and tier) or a placed order (won,
/// with its amount), linked to its contact by email.
public struct CRMDeal: Sendable, Hashable {
    /// Where the deal stands. Persisted raw values never change.
    public enum Stage: String, Sendable, Hashable {
        /// A qualified lead: an open deal.
        case lead
        /// A placed order: a won deal.
        case won
    }

    /// `lead:<lead id>` (`contact:<contact id>` for a lead without one) or `order:<order id>`: the deal's key in every CRM, so
    /// a re-sent deal updates instead of duplicating.
    public var key: String
    public var title: String
    public var stage: Stage
    /// The contact's key (lower-cased email).
    public var contactEmail: String
    public var amount: Double?
    /// ISO 4217.
    public var currency: String?
    public var leadScore: Int?
    public var leadTier: String?
    /// When the deal happened (the event's time).
    public var occurredAt: Date

    public init(
        key: String, title: String, stage: Stage, contactEmail: String, amount: Double? = nil, currency: String? = nil, leadScore: Int? = nil,
        leadTier: String? = nil, occurredAt: Date
    ) {
        self.key = key
        self.title = title
        self.stage = stage
        self.contactEmail = contactEmail.lowercased()
        self.amount = amount.flatMap { $0.isFinite ? $0 : nil }
        self.currency = currency
        self.leadScore = leadScore
        self.leadTier = leadTier
        self.occurredAt = occurredAt
    }

    /// The outbox payload.
    public var json: JSONObject {
        var object: JSONObject = [
            "key": .string(key), "title": .string(title), "stage": .string(stage.rawValue), "contact_email": .string(contactEmail),
            "occurred_at": .string(Timestamp.format(occurredAt)),
        ]
        if let amount { object["amount"] = .double(amount) }
        if let currency { object["currency"] = .string(currency) }
        if let leadScore { object["lead_score"] = .int(Int64(leadScore)) }
        if let leadTier { object["lead_tier"] = .string(leadTier) }
        return object
    }

    /// Reads an outbox payload; nil when a required field is missing.
    public init?(json: JSONObject) {
        guard let key = json["key"]?.stringValue, let title = json["title"]?.stringValue,
            let stage = json["stage"]?.stringValue.flatMap(Stage.init(rawValue:)), let email = json["contact_email"]?.stringValue,
            let at = json["occurred_at"]?.stringValue.flatMap(Timestamp.parse)
        else { return nil }
        self.init(
            key: key, title: title, stage: stage, contactEmail: email, amount: json["amount"]?.doubleValue, currency: json["currency"]?.stringValue,
            leadScore: json["lead_score"]?.intValue.map { Int(clamping: $0) }, leadTier: json["lead_tier"]?.stringValue, occurredAt: at)
    }
}
