import Foundation

/// Turns a JSON event envelope into an `IncomingEvent`, or says which field is wrong and why.
///
/// Pure: the present moment is an input, used to refuse events dated far in the future.
public struct EventValidator: Sendable {
    /// Events may be dated at most this far ahead of `now` (clock skew between systems).
    public var futureTolerance: TimeInterval = 24 * 3600

    public init() {}

    public func validate(_ value: JSONValue, now: Date) throws(ValidationError) -> IncomingEvent {
        guard case .object(let envelope) = value else {
            throw ValidationError(field: nil, message: "an event must be a JSON object, not \(value.kindName)")
        }
        let reader = PropertyReader(envelope, path: "")
        let rawType = try reader.requiredString("type", maxLength: 100)
        guard let type = EventType(rawValue: rawType) else {
            throw reader.fail("type", "\"\(rawType)\" is not a known event type (see docs/events.md)")
        }
        let rawDate = try reader.requiredString("occurred_at", maxLength: 40)
        guard let occurredAt = Timestamp.parse(rawDate) else {
            throw reader.fail("occurred_at", "\"\(rawDate)\" is not an ISO 8601 date-time with a time zone, e.g. 2026-03-01T10:00:00Z")
        }
        guard occurredAt.timeIntervalSince(now) <= futureTolerance else {
            throw reader.fail("occurred_at", "\"\(rawDate)\" is more than 24 hours in the future")
        }
        let key = try reader.string("idempotency_key", maxLength: 200)
        if let key, key.isEmpty { throw reader.fail("idempotency_key", "must not be empty when present") }
        let contact = try contactIdentifiers(reader, type: type)
        var properties = try reader.object("properties") ?? JSONObject()
        let payload = try EventPayloadReader(type: type).read(&properties)
        return IncomingEvent(type: type, occurredAt: occurredAt, idempotencyKey: key, contact: contact, payload: payload, properties: properties)
    }

    private func contactIdentifiers(_ reader: PropertyReader, type: EventType) throws(ValidationError) -> ContactIdentifiers? {
        guard let object = try reader.object("contact") else {
            if type.isCatalogEvent { return nil }
            throw reader.fail("contact", "is required: give at least one of email, phone, external_id")
        }
        let contact = PropertyReader(object, path: "contact")
        var identifiers = ContactIdentifiers()
        if let raw = try contact.string("email", maxLength: 254) {
            guard let email = ContactFields.normalizeEmail(raw) else { throw contact.fail("email", "\"\(raw)\" is not an email address") }
            identifiers.email = email
        }
        if let raw = try contact.string("phone", maxLength: 40) {
            guard let phone = ContactFields.normalizePhone(raw) else {
                throw contact.fail("phone", "\"\(raw)\" is not an international phone number (E.164, e.g. +33612345678)")
            }
            identifiers.phone = phone
        }
        identifiers.externalID = try contact.identifier("external_id")
        if identifiers.isEmpty {
            if type.isCatalogEvent { return nil }
            throw reader.fail("contact", "needs at least one of email, phone, external_id")
        }
        return identifiers
    }
}
