import AutopilotCore
import Foundation

/// An event in the envelope format of `POST /v1/events`, built by a translator.
struct EventEnvelope: Sendable {
    var type: EventType
    var occurredAt: Date
    var idempotencyKey: String
    var contact: ContactHint
    var properties: JSONObject

    var json: JSONValue {
        var envelope = JSONObject()
        envelope["type"] = .string(type.rawValue)
        envelope["occurred_at"] = .string(Timestamp.format(occurredAt))
        envelope["idempotency_key"] = .string(String(idempotencyKey.prefix(200)))
        envelope["contact"] = contact.json
        envelope["properties"] = .object(properties)
        return .object(envelope)
    }
}

extension JSONObject {
    /// Sets the value only when there is one, so optional properties are left out rather than sent as null.
    mutating func set(_ key: String, _ value: String?) {
        if let value, !value.isEmpty { self[key] = .string(value) }
    }

    mutating func set(_ key: String, _ value: Double?) {
        if let value, value.isFinite { self[key] = .double(value) }
    }
}
