/// What the store already holds that a batch of events may touch, read in the batch's transaction.
public struct IngestSnapshot: Sendable, Equatable {
    /// Idempotency keys already recorded, with the id of the event that carried each.
    public var existingKeys: [String: String] = [:]
    public var contacts: [ContactRecord] = []
    /// Carts named by the batch, and the active carts of the contacts it names.
    public var carts: [CartRecord] = []
    public var orders: [OrderRecord] = []
    public var products: [ProductRecord] = []
    public var messages: [MessageRecord] = []

    public init() {}
}

/// The identifiers a batch refers to: what the store must read before planning it.
public struct IngestLookups: Sendable, Equatable {
    public var idempotencyKeys: Set<String> = []
    public var emails: Set<String> = []
    public var phones: Set<String> = []
    public var contactExternalIDs: Set<String> = []
    public var cartIDs: Set<String> = []
    public var orderIDs: Set<String> = []
    public var skus: Set<String> = []
    public var messageIDs: Set<String> = []
    /// Whether the active carts of the named contacts are needed (an order without a cart id converts them).
    public var needsActiveCarts = false

    public init(for events: [IncomingEvent]) {
        for event in events {
            if let key = event.idempotencyKey { idempotencyKeys.insert(key) }
            if let contact = event.contact {
                if let email = contact.email { emails.insert(email) }
                if let phone = contact.phone { phones.insert(phone) }
                if let external = contact.externalID { contactExternalIDs.insert(external) }
            }
            switch event.payload {
            case .cartUpdated(let cart): cartIDs.insert(cart.cartID)
            case .cartAbandoned(let cartID), .cartRecovered(let cartID, _): cartIDs.insert(cartID)
            case .orderPlaced(let order):
                orderIDs.insert(order.orderID)
                if let cartID = order.cartID {
                    cartIDs.insert(cartID)
                    idempotencyKeys.insert("cart.recovered:" + cartID)
                } else {
                    needsActiveCarts = true
                }
            case .orderFulfilled(let fulfilled): orderIDs.insert(fulfilled.orderID)
            case .orderDelivered(let id), .orderCancelled(let id), .orderRefunded(let id, _): orderIDs.insert(id)
            case .productUpdated(let product): skus.insert(product.sku)
            case .priceChanged(let sku, _, _): skus.insert(sku)
            case .messageTimeline(let update): messageIDs.insert(update.messageID)
            case .messageReplied(let reply): if let id = reply.messageID { messageIDs.insert(id) }
            default: break
            }
        }
    }
}
