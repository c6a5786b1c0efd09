import Foundation

/// An event Autopilot emits itself — a cart found abandoned, a message sent, failed, opened or clicked, an unsubscribe,
/// a contact changed by a flow, an order shipped by a supplier. Typed: it is recorded as it is, through the same store
/// operation as ingested events, without the JSON reader that checks what comes from outside.
public struct EngineEvent: Sendable, Hashable {
    public var type: EventType
    /// What the event means, as the ingest planner reads it.
    public var payload: EventPayload
    /// The properties stored with the event (the same keys an outside source would send).
    public var properties: JSONObject

    public static func cartAbandoned(cartID: String) -> EngineEvent {
        EngineEvent(type: .cartAbandoned, payload: .cartAbandoned(cartID: cartID), properties: ["cart_id": .string(cartID)])
    }

    /// A step of a message's timeline (`message.sent`, `message.failed`, `message.opened`, `message.clicked`…).
    public static func message(
        _ type: EventType, id: String, channel: Channel, template: String?, subject: String? = nil, flowID: String? = nil, kind: MessageKind? = nil,
        extra: JSONObject = [:]
    ) -> EngineEvent {
        var properties: JSONObject = ["message_id": .string(id), "channel": .string(channel.rawValue)]
        properties["template"] = template.map(JSONValue.string)
        properties["subject"] = subject.map(JSONValue.string)
        properties["flow_id"] = flowID.map(JSONValue.string)
        properties["kind"] = kind.map { .string($0.rawValue) }
        for (name, value) in extra { properties[name] = value }
        let update = MessageTimelineUpdate(
            messageID: id, channel: channel, template: template, subject: subject, kind: kind, flagged: extra["flagged"]?.stringValue)
        return EngineEvent(type: type, payload: .messageTimeline(update), properties: properties)
    }

    /// `contact.unsubscribed` from a channel (or all), with what the unsubscribe came from.
    public static func unsubscribed(_ scope: ChannelScope, details: JSONObject = [:]) -> EngineEvent {
        var properties = details
        properties["channel"] = .string(scope.rawValue)
        return EngineEvent(type: .contactUnsubscribed, payload: .unsubscribed(scope), properties: properties)
    }

    /// `contact.updated` with new attributes (tags included), as a flow's `update_contact` step sets them.
    public static func contactUpdated(attributes: JSONObject) -> EngineEvent {
        var profile = ContactProfile()
        profile.attributes = attributes
        return EngineEvent(type: .contactUpdated, payload: .contactProfile(profile), properties: ["attributes": .object(attributes)])
    }

    /// `order.fulfilled`: a supplier shipped the order.
    public static func orderFulfilled(_ fulfilled: OrderFulfilled, supplier: String) -> EngineEvent {
        var properties: JSONObject = ["order_id": .string(fulfilled.orderID)]
        properties["tracking_number"] = fulfilled.trackingNumber.map(JSONValue.string)
        properties["supplier"] = .string(supplier)
        properties["carrier"] = fulfilled.carrier.map(JSONValue.string)
        properties["tracking_url"] = fulfilled.trackingURL.map(JSONValue.string)
        return EngineEvent(type: .orderFulfilled, payload: .orderFulfilled(fulfilled), properties: properties)
    }

    /// The event as recorded, about a contact known by these identifiers.
    public func incoming(contact: ContactIdentifiers, occurredAt: Date, key: String) -> IncomingEvent {
        IncomingEvent(type: type, occurredAt: occurredAt, idempotencyKey: key, contact: contact, payload: payload, properties: properties)
    }
}
