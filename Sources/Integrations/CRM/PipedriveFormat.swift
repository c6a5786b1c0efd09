import AutopilotCore
import Foundation

/// Pipedrive API v1 wire format, purely: person and deal bodies, and the ids its answers carry
/// (`{"success": true, "data": {"id": 42, …}}`, and for a search `{"data": {"items": [{"item": {"id": 42}}]}}`).
public struct PipedriveFormat: Sendable {
    public let settings: PipedriveSettings

    public init(settings: PipedriveSettings) { self.settings = settings }

    /// `GET /persons/search` query items: an exact match on email.
    public static func personSearchQuery(email: String) -> [(name: String, value: String)] {
        [("term", email), ("fields", "email"), ("exact_match", "true"), ("limit", "1")]
    }

    /// The body of `POST /persons` and `PUT /persons/{id}`.
    public func person(_ contact: CRMContact) -> JSONValue {
        var body: JSONObject = [
            "name": .string(contact.displayName), "email": [["value": .string(contact.email), "primary": true, "label": "work"]],
        ]
        if let phone = contact.phone { body["phone"] = [["value": .string(phone), "primary": true, "label": "mobile"]] }
        if let field = settings.personScoreField, let score = contact.leadScore { body[field] = .int(Int64(score)) }
        if let field = settings.personTierField, let tier = contact.leadTier { body[field] = .string(tier) }
        return .object(body)
    }

    /// The body of `POST /deals` and `PUT /deals/{id}`, for the person `personID`.
    public func deal(_ deal: CRMDeal, personID: String) -> JSONValue {
        var body: JSONObject = [
            "title": .string(deal.title), "status": .string(deal.stage == .won ? "won" : "open"),
            "person_id": Int64(personID).map(JSONValue.int) ?? .string(personID),
        ]
        if let amount = deal.amount { body["value"] = .double(amount) }
        if let currency = deal.currency { body["currency"] = .string(currency) }
        if let field = settings.dealScoreField, let score = deal.leadScore { body[field] = .int(Int64(score)) }
        if let field = settings.dealTierField, let tier = deal.leadTier { body[field] = .string(tier) }
        return .object(body)
    }

    /// The id in `data.id` of a create or update answer.
    public static func createdID(_ body: JSONValue?) -> String? {
        id(body?["data"]?["id"])
    }

    /// The id of the first person a search found, nil when it found none.
    public static func foundID(_ body: JSONValue?) -> String? {
        id(body?["data"]?["items"]?.arrayValue?.first?["item"]?["id"])
    }

    /// Pipedrive's own explanation of a refused request (`error`, `error_info`).
    public static func errorMessage(_ body: JSONValue?) -> String? {
        let parts = [body?["error"]?.stringValue, body?["error_info"]?.stringValue].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ": ")
    }

    private static func id(_ value: JSONValue?) -> String? {
        value?.intValue.map(String.init) ?? value?.stringValue
    }
}
