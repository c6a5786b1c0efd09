import Foundation

extension IngestPlanner {
    mutating func markCart(_ externalID: String) {
        touchedCarts.insert(externalID)
    }

    mutating func markOrder(_ externalID: String) {
        touchedOrders.insert(externalID)
    }

    mutating func updateProduct(_ update: ProductUpdate, at: Date) {
        var product = products[update.sku] ?? ProductRecord(sku: update.sku, updatedAt: at)
        product.title = update.title ?? product.title
        if let price = update.price, price != product.price {
            product.previousPrice = product.price
            product.price = price
        }
        product.currency = update.currency ?? product.currency
        product.consumptionDays = update.consumptionDays ?? product.consumptionDays
        product.url = update.url ?? product.url
        product.inStock = update.inStock ?? product.inStock
        product.updatedAt = max(product.updatedAt, at)
        storeProduct(product)
    }

    mutating func changePrice(sku: String, old: Double?, new: Double, at: Date) {
        var product = products[sku] ?? ProductRecord(sku: sku, updatedAt: at)
        product.previousPrice = old ?? product.price
        product.price = new
        product.updatedAt = max(product.updatedAt, at)
        storeProduct(product)
    }

    private mutating func storeProduct(_ product: ProductRecord) {
        products[product.sku] = product
        touchedProducts.insert(product.sku)
    }

    mutating func updateCart(_ update: CartUpdate, contactID: String?, at: Date) {
        var cart =
            carts[update.cartID]
            ?? CartRecord(
                id: ids.make("cr"), externalID: update.cartID, contactID: contactID, status: .open, value: 0, lines: [], createdAt: at,
                updatedAt: at)
        guard cart.status.isActive else { return }
        cart.contactID = cart.contactID ?? contactID
        cart.lines = update.lines
        cart.value = update.value
        cart.currency = update.currency
        cart.checkoutURL = update.checkoutURL ?? cart.checkoutURL
        if cart.status == .abandoned, at > (cart.abandonedAt ?? at) { cart.status = .open }
        cart.updatedAt = max(cart.updatedAt, at)
        storeCart(cart)
    }

    mutating func abandonCart(_ cartID: String, contactID: String?, at: Date) {
        var cart =
            carts[cartID]
            ?? CartRecord(
                id: ids.make("cr"), externalID: cartID, contactID: contactID, status: .open, value: 0, lines: [], createdAt: at, updatedAt: at)
        guard cart.status.isActive else { return }
        cart.contactID = cart.contactID ?? contactID
        cart.status = .abandoned
        cart.abandonedAt = at
        storeCart(cart)
    }

    private mutating func storeCart(_ cart: CartRecord) {
        carts[cart.externalID] = cart
        if let contactID = cart.contactID {
            if cart.status.isActive {
                activeCartByContact[contactID] = cart.externalID
            } else if activeCartByContact[contactID] == cart.externalID {
                activeCartByContact[contactID] = nil
            }
        }
        markCart(cart.externalID)
    }

    mutating func placeOrder(_ placed: OrderPlaced, contactID: String?, at: Date) {
        let existing = orders[placed.orderID]
        var order = existing ?? OrderRecord(id: ids.make("or"), externalID: placed.orderID, contactID: contactID, status: .placed, updatedAt: at)
        if existing?.placedAt != nil { return }
        order.contactID = order.contactID ?? contactID
        order.cartExternalID = placed.cartID
        order.total = placed.total
        order.currency = placed.currency
        order.placedAt = at
        order.status = max(order.status, .placed)
        order.updatedAt = max(order.updatedAt, at)
        orders[placed.orderID] = order
        markOrder(placed.orderID)
        if existing != nil { plan.ordersWithReplacedLines.append(order.id) }
        for (number, line) in placed.lines.enumerated() {
            plan.orderLines.append(OrderLineRecord(orderID: order.id, lineNumber: number + 1, line: line))
        }
        if let contactID = order.contactID, order.status != .cancelled {
            contacts.update(contactID) { contact in
                contact.ordersCount += 1
                contact.totalSpent += placed.total - order.refundedAmount
                contact.firstOrderAt = min(contact.firstOrderAt ?? at, at)
                contact.lastOrderAt = max(contact.lastOrderAt ?? at, at)
            }
        }
        convertCart(for: placed, contactID: order.contactID, at: at)
    }

    private mutating func convertCart(for placed: OrderPlaced, contactID: String?, at: Date) {
        let cartID = placed.cartID ?? contactID.flatMap { activeCartByContact[$0] }
        guard let cartID, var cart = carts[cartID], cart.status.isActive else { return }
        cart.status = cart.abandonedAt == nil ? .converted : .recovered
        cart.closedAt = at
        cart.orderExternalID = placed.orderID
        cart.updatedAt = max(cart.updatedAt, at)
        storeCart(cart)
        guard cart.status == .recovered else { return }
        // The abandoned-cart series ends on it, whether or not the order named the cart.
        let key = "cart.recovered:" + cartID
        guard existingKeys[key] == nil else { return }
        let eventID = ids.make("ev")
        existingKeys[key] = eventID
        derived.append(
            EventRecord(
                id: eventID, type: .cartRecovered, occurredAt: at, receivedAt: receivedAt, idempotencyKey: key, contactID: cart.contactID ?? contactID,
                properties: ["cart_id": .string(cartID), "order_id": .string(placed.orderID)]))
    }

    /// A `cart.recovered` sent in: the cart, if still open or abandoned, is closed as recovered.
    mutating func recoverCart(_ cartID: String, orderID: String?, at: Date) {
        guard var cart = carts[cartID], cart.status.isActive else { return }
        cart.status = .recovered
        cart.closedAt = at
        cart.orderExternalID = orderID ?? cart.orderExternalID
        cart.updatedAt = max(cart.updatedAt, at)
        storeCart(cart)
    }

    mutating func updateOrder(_ orderID: String, contactID: String?, at: Date, _ change: (inout OrderRecord) -> Void) {
        var order = orders[orderID] ?? OrderRecord(id: ids.make("or"), externalID: orderID, contactID: contactID, status: .pending, updatedAt: at)
        order.contactID = order.contactID ?? contactID
        change(&order)
        order.updatedAt = max(order.updatedAt, at)
        orders[orderID] = order
        markOrder(orderID)
    }

    mutating func cancelOrder(_ orderID: String, contactID: String?, at: Date) {
        let wasCounted = orders[orderID].map { $0.placedAt != nil && $0.status != .cancelled } ?? false
        var netAmount = 0.0
        updateOrder(orderID, contactID: contactID, at: at) { order in
            netAmount = (order.total ?? 0) - order.refundedAmount
            order.status = .cancelled
            order.cancelledAt = order.cancelledAt ?? at
        }
        if wasCounted, let contactID = orders[orderID]?.contactID {
            contacts.update(contactID) { contact in
                contact.ordersCount = max(0, contact.ordersCount - 1)
                contact.totalSpent -= netAmount
            }
        }
    }

    mutating func refundOrder(_ orderID: String, amount: Double, contactID: String?, at: Date) {
        let counted = orders[orderID].map { $0.placedAt != nil && $0.status != .cancelled } ?? false
        var applied = 0.0
        updateOrder(orderID, contactID: contactID, at: at) { order in
            let refundable = order.total.map { max(0, $0 - order.refundedAmount) } ?? amount
            applied = min(amount, refundable)
            order.refundedAmount += applied
            order.refundedAt = at
            if let total = order.total, order.refundedAmount >= total - 0.005, order.status != .cancelled { order.status = .refunded }
        }
        if counted, let contactID = orders[orderID]?.contactID {
            contacts.update(contactID) { $0.totalSpent -= applied }
        }
    }
}
