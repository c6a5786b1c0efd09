import Foundation

/// The event → entity projection: decides what a batch of events does to contacts, carts, orders, products and
/// messages. Pure: the store reads the snapshot, the planner decides, the store writes the plan in the same transaction.
public struct IngestPlanner {
    let ids: any IDGenerator
    let receivedAt: Date
    var existingKeys: [String: String]
    var contacts: ContactDirectory
    var carts: [String: CartRecord] = [:]
    var activeCartByContact: [String: String] = [:]
    var orders: [String: OrderRecord] = [:]
    var products: [String: ProductRecord] = [:]
    var messages: [String: MessageRecord] = [:]
    var touchedCarts = TouchList()
    var touchedOrders = TouchList()
    var touchedProducts = TouchList()
    var touchedMessages = TouchList()
    var plan = IngestPlan()
    /// Events the batch's own events cause (`cart.recovered`), recorded right after the event that caused them.
    var derived: [EventRecord] = []

    public init(snapshot: IngestSnapshot, ids: any IDGenerator, receivedAt: Date) {
        self.ids = ids
        self.receivedAt = receivedAt
        existingKeys = snapshot.existingKeys
        contacts = ContactDirectory(snapshot.contacts)
        for cart in snapshot.carts {
            carts[cart.externalID] = cart
            if cart.status.isActive, let contactID = cart.contactID {
                if let current = activeCartByContact[contactID], let other = carts[current], other.updatedAt > cart.updatedAt { continue }
                activeCartByContact[contactID] = cart.externalID
            }
        }
        for order in snapshot.orders { orders[order.externalID] = order }
        for product in snapshot.products { products[product.sku] = product }
        for message in snapshot.messages { messages[message.externalID] = message }
    }

    /// Plans a whole batch, in order.
    public static func plan(_ events: [IncomingEvent], snapshot: IngestSnapshot, ids: any IDGenerator, receivedAt: Date) -> IngestPlan {
        var planner = IngestPlanner(snapshot: snapshot, ids: ids, receivedAt: receivedAt)
        for event in events { planner.apply(event) }
        return planner.finish()
    }

    public mutating func apply(_ event: IncomingEvent) {
        if let key = event.idempotencyKey, let existing = existingKeys[key] {
            plan.outcomes.append(.duplicate(existingEventID: existing))
            return
        }
        let eventID = ids.make("ev")
        if let key = event.idempotencyKey { existingKeys[key] = eventID }
        let contactID = event.contact.map { contacts.resolve($0, at: event.occurredAt, ids: ids) }
        if let contactID { contacts.touch(contactID, at: event.occurredAt) }
        project(event, contactID: contactID)
        plan.events.append(
            EventRecord(
                id: eventID, type: event.type, occurredAt: event.occurredAt, receivedAt: receivedAt, idempotencyKey: event.idempotencyKey,
                contactID: contactID, properties: event.properties))
        plan.events += derived
        derived = []
        plan.outcomes.append(.accepted(eventID: eventID))
    }

    public mutating func finish() -> IngestPlan {
        plan.contacts = contacts.touchedRecords()
        plan.carts = touchedCarts.keys.compactMap { carts[$0] }
        plan.orders = touchedOrders.keys.compactMap { orders[$0] }
        plan.products = touchedProducts.keys.compactMap { products[$0] }
        plan.messages = touchedMessages.keys.compactMap { messages[$0] }
        return plan
    }

    private mutating func project(_ event: IncomingEvent, contactID: String?) {
        let at = event.occurredAt
        switch event.payload {
        case .contactProfile(let profile):
            if let contactID { contacts.applyProfile(profile, to: contactID, at: at, eventType: event.type) }
        case .unsubscribed(let scope):
            if let contactID { contacts.withdrawConsent(scope, from: contactID, at: at) }
        case .leadCreated(let lead):
            guard let contactID else { return }
            plan.leads.append(
                LeadRecord(
                    id: ids.make("ld"), externalID: lead.leadID, contactID: contactID, company: lead.company, message: lead.message,
                    source: lead.source, createdAt: at))
        case .leadQualified(let score):
            if let contactID { plan.leadScores.append((score.leadID, contactID, score)) }
        case .churnRiskCrossed, .segmentChange:
            break
        case .productUpdated(let update): updateProduct(update, at: at)
        case .priceChanged(let sku, let oldPrice, let newPrice): changePrice(sku: sku, old: oldPrice, new: newPrice, at: at)
        case .cartUpdated(let update): updateCart(update, contactID: contactID, at: at)
        case .cartAbandoned(let cartID): abandonCart(cartID, contactID: contactID, at: at)
        case .cartRecovered(let cartID, let orderID): recoverCart(cartID, orderID: orderID, at: at)
        case .orderPlaced(let placed): placeOrder(placed, contactID: contactID, at: at)
        case .orderFulfilled(let fulfilled):
            updateOrder(fulfilled.orderID, contactID: contactID, at: at) { order in
                order.status = max(order.status, .fulfilled)
                order.fulfilledAt = order.fulfilledAt ?? at
                order.trackingNumber = fulfilled.trackingNumber ?? order.trackingNumber
                order.carrier = fulfilled.carrier ?? order.carrier
                order.trackingURL = fulfilled.trackingURL ?? order.trackingURL
            }
        case .orderDelivered(let orderID):
            updateOrder(orderID, contactID: contactID, at: at) { order in
                order.status = max(order.status, .delivered)
                order.deliveredAt = order.deliveredAt ?? at
            }
        case .orderCancelled(let orderID): cancelOrder(orderID, contactID: contactID, at: at)
        case .orderRefunded(let orderID, let amount): refundOrder(orderID, amount: amount, contactID: contactID, at: at)
        case .reviewSubmitted(let review):
            guard let contactID else { return }
            plan.reviews.append(
                ReviewRecord(
                    id: ids.make("rv"), contactID: contactID, orderExternalID: review.orderID, sku: review.sku, rating: review.rating,
                    hasPhoto: review.hasPhoto, text: review.text, submittedAt: at))
        case .wishlistAdded(let sku):
            guard let contactID else { return }
            plan.wishlistRemovals.removeAll { $0.contactID == contactID && $0.sku == sku }
            plan.wishlist.append(WishlistRecord(contactID: contactID, sku: sku, addedAt: at))
        case .wishlistRemoved(let sku):
            guard let contactID else { return }
            plan.wishlist.removeAll { $0.contactID == contactID && $0.sku == sku }
            plan.wishlistRemovals.append(WishlistRecord(contactID: contactID, sku: sku, addedAt: at))
        case .supportTicket, .callLogged:
            break
        case .messageTimeline(let update): advanceMessage(update, type: event.type, contactID: contactID, at: at)
        case .messageReplied(let reply):
            recordReply(reply, contactID: contactID, at: at)
            if reply.channel == .whatsapp, let contactID {
                contacts.update(contactID) { $0.whatsappInboundAt = max($0.whatsappInboundAt ?? at, at) }
            }
        case .conversationMessage:
            break
        }
    }
}
