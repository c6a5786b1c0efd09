import AutopilotCore

/// The events flows can name and the fields conditions can read, with their types.
///
/// Event properties follow the event vocabulary of `AutopilotCore` (`EventPayloadReader`).
public enum FlowVocabulary {
    private static let string = FieldSchema.value(.string)
    private static let number = FieldSchema.value(.number)
    private static let bool = FieldSchema.value(.bool)
    private static let lines = FieldSchema.value(.list(.any))

    private static let message: [String: FieldSchema] = ["message_id": string, "channel": string, "template": string, "subject": string]

    /// The rules of the decision engine a flow can be delegated for (`trigger: { recommendation: RULE }`).
    public static let recommendationRules = ["not_opened", "opened_no_reply", "silence", "hot_lead_waiting", "at_risk_customer"]

    /// What a delegated run's `trigger` holds: the recommendation it acts on.
    static let recommendationTrigger = FieldSchema.object([
        "recommendation_id": string, "rule": string, "action": string, "reason": string, "priority": string, "channel": string,
        "template": string,
    ])

    /// The properties of every event type flows know, by raw type. Types of the core vocabulary missing here read as open
    /// objects; `lead.qualified`, `score.churn_risk_crossed` and `cart.recovered` are accepted even before the core has them.
    static let eventProperties: [String: [String: FieldSchema]] = [
        "contact.created": contactProfile, "contact.updated": contactProfile,
        "contact.unsubscribed": ["channel": string],
        "lead.created": ["lead_id": string, "company": string, "message": string, "source": string],
        "lead.qualified": ["lead_id": string, "tier": string, "score": number],
        "score.churn_risk_crossed": ["score": number, "previous_score": number],
        "segment.entered": ["segment_id": string, "segment_name": string],
        "segment.left": ["segment_id": string, "segment_name": string],
        "product.updated": [
            "sku": string, "title": string, "price": number, "currency": string, "consumption_days": number, "url": string, "in_stock": bool,
        ],
        "product.price_changed": ["sku": string, "old_price": number, "new_price": number],
        "cart.updated": ["cart_id": string, "lines": lines, "value": number, "currency": string, "checkout_url": string],
        "cart.abandoned": ["cart_id": string],
        "cart.recovered": ["cart_id": string, "order_id": string],
        "order.placed": ["order_id": string, "cart_id": string, "lines": lines, "total": number, "currency": string],
        "order.fulfilled": ["order_id": string, "tracking_number": string, "carrier": string, "tracking_url": string],
        "order.delivered": ["order_id": string], "order.cancelled": ["order_id": string],
        "order.refunded": ["order_id": string, "amount": number],
        "review.submitted": ["order_id": string, "sku": string, "rating": number, "has_photo": bool, "text": string],
        "wishlist.added": ["sku": string],
        "wishlist.removed": ["sku": string],
        "support.ticket_created": ["ticket_id": string, "subject": string],
        "call.logged": ["by": string, "outcome": string, "notes": string, "duration_seconds": number],
        "message.sent": message, "message.delivered": message, "message.opened": message, "message.clicked": message,
        "message.bounced": message, "message.failed": message,
        "message.replied": ["message_id": string, "channel": string, "text": string],
    ]

    private static let contactProfile: [String: FieldSchema] = [
        "first_name": string, "last_name": string, "locale": string, "timezone": string, "birthdate": string, "attributes": .open,
    ]

    /// Every event type a flow may name.
    public static var eventTypes: [String] {
        Set(EventType.allCases.map(\.rawValue)).union(eventProperties.keys).sorted()
    }

    public static func isKnownEvent(_ type: String) -> Bool {
        EventType(rawValue: type) != nil || eventProperties[type] != nil
    }

    /// The properties of an event type (nil for an unknown type).
    public static func eventSchema(_ type: String) -> FieldSchema? {
        if let fields = eventProperties[type] { return .object(fields) }
        return EventType(rawValue: type) != nil ? .open : nil
    }

    /// The contact as conditions see it (`contact.*`).
    public static let contact = FieldSchema.object([
        "id": string, "email": string, "phone": string, "first_name": string, "last_name": string, "locale": string,
        "timezone": string, "birthdate": string, "orders_count": number, "total_spent": number, "first_order_at": string,
        "last_order_at": string, "created_at": string, "tags": .value(.list(.string)),
        "consents": .object(["email": bool, "sms": bool, "whatsapp": bool]), "attributes": .open,
    ])

    /// The cart of a cart-triggered run (`cart.*`), supplied by the engine when the run starts.
    public static let cart = FieldSchema.object([
        "id": string, "value": number, "currency": string, "item_count": number, "checkout_url": string, "status": string,
        "product_title": string, "product_rating": number, "product_review_count": number,
    ])

    /// The order of an order-triggered run (`order.*`). `replenishment_days` is the smallest consumption cycle × quantity
    /// over the order's lines whose product has a cycle (null when none has).
    public static let order = FieldSchema.object([
        "id": string, "total": number, "currency": string, "item_count": number, "cart_id": string, "tracking_url": string,
        "replenishment_days": number, "product_title": string,
    ])

    /// The product of a product-triggered run (`product.*`).
    public static let product = FieldSchema.object([
        "sku": string, "title": string, "price": number, "old_price": number, "currency": string, "url": string,
        "rating": number, "review_count": number, "consumption_days": number,
    ])

    /// The entity root (`cart`, `order`, `product`) the engine supplies for runs started by an event type.
    public static func entityRoot(forTrigger type: String) -> (name: String, schema: FieldSchema)? {
        if type.hasPrefix("cart.") { return ("cart", cart) }
        if type.hasPrefix("order.") || type == "review.submitted" { return ("order", order) }
        if type.hasPrefix("product.") || type == "wishlist.added" || type == "wishlist.removed" { return ("product", product) }
        return nil
    }

    /// Contact fields a date trigger may use (besides `attributes.NAME`).
    public static let contactDateFields: Set<String> = ["birthdate", "first_order_at", "last_order_at", "created_at"]
}
