import AutopilotCore
import Foundation

/// HubSpot CRM v3/v4 wire format, purely: batch upsert bodies for contacts (by `email`) and deals (by the deal key property),
/// the deal → contact association body, and what a batch answer says about each record.
public struct HubSpotFormat: Sendable {
    public let settings: HubSpotSettings

    public init(settings: HubSpotSettings) { self.settings = settings }

    /// HubSpot takes at most 100 inputs per batch call.
    public static let maxBatch = 100

    public static let contactsUpsertPath = "/crm/v3/objects/contacts/batch/upsert"
    public static let dealsUpsertPath = "/crm/v3/objects/deals/batch/upsert"
    public static let dealContactAssociationPath = "/crm/v4/associations/deals/contacts/batch/associate/default"

    /// `POST /crm/v3/objects/contacts/batch/upsert`.
    public func contactsUpsert(_ contacts: [CRMContact]) -> JSONValue {
        let inputs: [JSONValue] = contacts.map { contact in
            var properties: JSONObject = ["email": .string(contact.email)]
            if let value = contact.firstName { properties["firstname"] = .string(value) }
            if let value = contact.lastName { properties["lastname"] = .string(value) }
            if let value = contact.phone { properties["phone"] = .string(value) }
            if let value = contact.company { properties["company"] = .string(value) }
            if let value = contact.leadScore { properties[settings.scoreProperty] = .string(String(value)) }
            if let value = contact.leadTier { properties[settings.tierProperty] = .string(value) }
            return ["id": .string(contact.email), "idProperty": "email", "properties": .object(properties)]
        }
        return ["inputs": .array(inputs)]
    }

    /// `POST /crm/v3/objects/deals/batch/upsert`, keyed by `dealKeyProperty`.
    public func dealsUpsert(_ deals: [CRMDeal]) -> JSONValue {
        let inputs: [JSONValue] = deals.map { deal in
            var properties: JSONObject = [
                settings.dealKeyProperty: .string(deal.key), "dealname": .string(deal.title), "pipeline": .string(settings.pipeline),
                "dealstage": .string(deal.stage == .won ? settings.wonStage : settings.leadStage),
            ]
            if let amount = deal.amount { properties["amount"] = .string(Self.decimal(amount)) }
            if let currency = deal.currency { properties["deal_currency_code"] = .string(currency) }
            if deal.stage == .won { properties["closedate"] = .string(Timestamp.format(deal.occurredAt)) }
            if let value = deal.leadScore { properties[settings.scoreProperty] = .string(String(value)) }
            if let value = deal.leadTier { properties[settings.tierProperty] = .string(value) }
            return ["id": .string(deal.key), "idProperty": .string(settings.dealKeyProperty), "properties": .object(properties)]
        }
        return ["inputs": .array(inputs)]
    }

    /// `POST /crm/v4/associations/deals/contacts/batch/associate/default`: each deal id with its contact id.
    public func dealContactAssociations(_ pairs: [(deal: String, contact: String)]) -> JSONValue {
        ["inputs": .array(pairs.map { ["from": ["id": .string($0.deal)], "to": ["id": .string($0.contact)]] })]
    }

    /// The HubSpot id of each record a batch answer names, by key (the `idProperty` value echoed, whatever its case), and a
    /// reason for every sent key without one. When results do not echo the key, they are matched in order if every input has one.
    public static func upsertOutcome(_ body: JSONValue?, keys: [String], idProperty: String) -> (ids: [String: String], errors: [String: String]) {
        var ids: [String: String] = [:]
        let results = body?["results"]?.arrayValue ?? []
        var sent: [String: String] = [:]
        for key in keys { sent[key.lowercased()] = key }
        for result in results {
            guard let id = result["id"]?.stringValue ?? result["id"]?.intValue.map(String.init) else { continue }
            if let echoed = result["properties"]?[idProperty]?.stringValue, let key = sent[echoed.lowercased()] { ids[key] = id }
        }
        if ids.isEmpty, results.count == keys.count {
            for (key, result) in zip(keys, results) {
                if let id = result["id"]?.stringValue ?? result["id"]?.intValue.map(String.init) { ids[key] = id }
            }
        }
        let reasons = (body?["errors"]?.arrayValue ?? []).compactMap { $0["message"]?.stringValue }
        let reason = reasons.isEmpty ? "HubSpot returned no result for this record" : reasons.joined(separator: "; ")
        var errors: [String: String] = [:]
        for key in keys where ids[key] == nil { errors[key] = reason }
        return (ids, errors)
    }

    /// An amount as HubSpot's number properties take it (no exponent, at most two decimals for money).
    static func decimal(_ amount: Double) -> String {
        let cents = (amount * 100).rounded()
        return cents.truncatingRemainder(dividingBy: 100) == 0 ? String(format: "%.0f", cents / 100) : String(format: "%.2f", cents / 100)
    }
}
