import Foundation

/// An event that passed validation: typed, normalised, ready to be recorded.
public struct IncomingEvent: Sendable, Hashable {
    public var type: EventType
    public var occurredAt: Date
    public var idempotencyKey: String?
    public var contact: ContactIdentifiers?
    public var payload: EventPayload
    /// The properties as sent (normalised values replaced), stored with the event.
    public var properties: JSONObject

    public init(
        type: EventType, occurredAt: Date, idempotencyKey: String?, contact: ContactIdentifiers?, payload: EventPayload,
        properties: JSONObject
    ) {
        self.type = type
        self.occurredAt = occurredAt
        self.idempotencyKey = idempotencyKey
        self.contact = contact
        self.payload = payload
        self.properties = properties
    }
}
