/// The event vocabulary every part of Autopilot speaks. Raw values are persisted and never change.
public enum EventType: String, Sendable, CaseIterable, Codable {
    case contactCreated = "contact.created"
    case contactUpdated = "contact.updated"
    case contactUnsubscribed = "contact.unsubscribed"
    case leadCreated = "lead.created"
    /// Emitted by Autopilot when a lead is scored (or sent by an outside qualifier).
    case leadQualified = "lead.qualified"
    /// Emitted by Autopilot when a customer's churn risk rises above the alert threshold.
    case churnRiskCrossed = "score.churn_risk_crossed"
    case productUpdated = "product.updated"
    case productPriceChanged = "product.price_changed"
    case cartUpdated = "cart.updated"
    case cartAbandoned = "cart.abandoned"
    /// Emitted by Autopilot when an order converts a cart that had been abandoned (with or without the order's `cart_id`).
    case cartRecovered = "cart.recovered"
    case orderPlaced = "order.placed"
    case orderFulfilled = "order.fulfilled"
    case orderDelivered = "order.delivered"
    case orderCancelled = "order.cancelled"
    case orderRefunded = "order.refunded"
    case reviewSubmitted = "review.submitted"
    case wishlistAdded = "wishlist.added"
    /// A product taken off the contact's wishlist (a wishlist app, through the API).
    case wishlistRemoved = "wishlist.removed"
    case supportTicketCreated = "support.ticket_created"
    case messageSent = "message.sent"
    case messageDelivered = "message.delivered"
    case messageOpened = "message.opened"
    case messageClicked = "message.clicked"
    case messageBounced = "message.bounced"
    case messageFailed = "message.failed"
    case messageReplied = "message.replied"
    /// A line of a chat with a visitor (theirs, the agent's or the team's), on the contact's timeline once they are known.
    case conversationMessage = "conversation.message"
    /// A person of the team called the contact (logged from a CRM, the dashboard or the API): `by`, `outcome`, `notes`.
    case callLogged = "call.logged"
    /// Emitted by Autopilot when a contact comes into a saved segment (docs/segments.md).
    case segmentEntered = "segment.entered"
    /// Emitted by Autopilot when a contact stops matching a saved segment.
    case segmentLeft = "segment.left"

    /// Events Autopilot itself emits (they may also be sent in, e.g. to test a flow before scoring runs).
    public var isEmittedByAutopilot: Bool {
        self == .leadQualified || self == .churnRiskCrossed || self == .conversationMessage || self == .cartRecovered
            || self == .segmentEntered || self == .segmentLeft
    }

    /// Catalog events describe the shop, not a person, and carry no contact.
    public var isCatalogEvent: Bool {
        self == .productUpdated || self == .productPriceChanged
    }
}
