import AutopilotCore
import Foundation

/// A line of a demo cart or order: which product, how many, at what unit price.
struct DemoLine {
    let product: Int
    let quantity: Int
    let price: Double
}

extension DemoContactStory {
    static let checkoutBase = "https://demo-boutique.example/checkout/"

    /// One to three products, mostly from the person's favourite categories (and the staple of loyal customers), priced at `moment`.
    mutating func pickLines(at moment: Int64) -> [DemoLine] {
        guard !context.products.isEmpty else { return [] }
        var picked: [Int] = []
        if let staple { picked.append(staple) }
        let wanted = picked.count + (staple != nil && random.chance(0.6) ? 0 : random.weighted([0.6, 0.3, 0.1]) + 1)
        var attempts = 0
        while picked.count < wanted, attempts < 8 {
            attempts += 1
            let category = random.chance(0.75) ? random.pick(persona.preferredCategories) : random.pick(DemoProductCategory.allCases)
            guard let category, let product = random.pick(context.productsByCategory[category] ?? []), !picked.contains(product) else { continue }
            picked.append(product)
        }
        if picked.isEmpty, let any = random.pick(Array(context.products.indices)) { picked.append(any) }
        let date = Date(timeIntervalSince1970: TimeInterval(moment))
        return picked.map { index in
            DemoLine(product: index, quantity: random.weighted([0.8, 0.15, 0.05]) + 1, price: context.products[index].price(at: date))
        }
    }

    func linesJSON(_ lines: [DemoLine]) -> JSONValue {
        .array(
            lines.map { line in
                ["sku": .string(context.products[line.product].sku), "quantity": .int(Int64(line.quantity)), "price": .double(line.price)]
            })
    }

    static func total(_ lines: [DemoLine]) -> Double {
        DemoCatalog.cents(lines.reduce(0) { $0 + Double($1.quantity) * $1.price })
    }

    mutating func newCartID() -> String {
        cartCount += 1
        return "K\(persona.number)-\(cartCount)"
    }

    /// A cart filled in one to `updates` steps, the last step at `moment`.
    mutating func recordCart(_ cartID: String, lines: [DemoLine], endingAt moment: Int64, updates: Int) {
        let steps = max(1, min(updates, lines.count))
        for step in 1...steps {
            let partial = step == steps ? lines : Array(lines.prefix(step))
            let at = moment - Int64(steps - step) * Int64(random.int(60...900))
            var properties = JSONObject()
            properties["cart_id"] = .string(cartID)
            properties["lines"] = linesJSON(partial)
            properties["value"] = .double(Self.total(partial))
            properties["currency"] = "EUR"
            properties["checkout_url"] = .string(Self.checkoutBase + cartID)
            log.record(.cartUpdated, at: at, key: key + "cart-\(cartID)-\(step)", contact: persona.contact, properties)
        }
    }

    /// An order with, when it came from a cart, the cart before it; then cancellation or fulfilment, delivery, refund, review, ticket.
    mutating func placeOrder(at moment: Int64, cartID existingCart: String?, lines existingLines: [DemoLine]?, counters: inout DemoCounters) {
        let lines = existingLines ?? pickLines(at: moment)
        guard !lines.isEmpty else { return }
        var cartID = existingCart
        if cartID == nil, moment <= cartOutstandingUntil || random.chance(0.7) {
            let newCart = newCartID()
            recordCart(newCart, lines: lines, endingAt: moment - Int64(random.int(60...1_800)), updates: random.int(1...3))
            cartID = newCart
            cartOutstandingUntil = .min
        }
        let orderID = "D\(counters.nextOrder)"
        counters.nextOrder += 1
        let total = Self.total(lines)
        var properties = JSONObject()
        properties["order_id"] = .string(orderID)
        if let cartID { properties["cart_id"] = .string(cartID) }
        properties["lines"] = linesJSON(lines)
        properties["total"] = .double(total)
        properties["currency"] = "EUR"
        let orderKey = "demo-order-" + orderID
        guard log.record(.orderPlaced, at: moment, key: orderKey, contact: persona.contact, properties) else { return }
        lastOrderAt = max(lastOrderAt, moment)
        if random.chance(0.03) {
            log.record(
                .orderCancelled, at: moment + Int64(random.int(600...72_000)), key: orderKey + "-cancelled", contact: persona.contact,
                ["order_id": .string(orderID)])
            return
        }
        let delivered = recordShipping(orderID: orderID, placedAt: moment)
        if random.chance(0.05) { recordTicket(orderID: orderID, after: moment, counters: &counters) }
        guard let delivered else { return }
        if random.chance(0.03) {
            let amount = random.chance(0.6) ? total : DemoCatalog.cents(Double(lines[0].quantity) * lines[0].price)
            log.record(
                .orderRefunded, at: delivered + Int64(random.int(2...15)) * DemoTimeline.day, key: orderKey + "-refunded",
                contact: persona.contact, ["order_id": .string(orderID), "amount": .double(amount)])
        }
        if random.chance(0.3) { recordReview(orderID: orderID, lines: lines, deliveredAt: delivered) }
    }

    /// Fulfilment a day or two after the order, delivery two to five days later; returns when it was delivered, if it was yet.
    private mutating func recordShipping(orderID: String, placedAt moment: Int64) -> Int64? {
        let carrier = random.pick(persona.country.carriers) ?? .colissimo
        let number = carrier.trackingNumber(&random)
        let shipped = moment + DemoTimeline.hour * Int64(random.int(16...48)) + Int64(random.int(0...3_599))
        var properties = JSONObject()
        properties["order_id"] = .string(orderID)
        properties["tracking_number"] = .string(number)
        properties["carrier"] = .string(carrier.rawValue)
        properties["tracking_url"] = .string(carrier.trackingURL(number))
        guard log.record(.orderFulfilled, at: shipped, key: "demo-order-\(orderID)-fulfilled", contact: persona.contact, properties) else {
            return nil
        }
        let delivered = shipped + DemoTimeline.day * Int64(random.int(2...5)) + DemoTimeline.hour * Int64(random.int(-6...6))
        let deliveredKey = "demo-order-\(orderID)-delivered"
        let arrived = random.chance(0.98)
        guard arrived, log.record(.orderDelivered, at: delivered, key: deliveredKey, contact: persona.contact, ["order_id": .string(orderID)])
        else { return nil }
        return delivered
    }

    private mutating func recordReview(orderID: String, lines: [DemoLine], deliveredAt delivered: Int64) {
        let rating = random.weighted([0.06, 0.05, 0.09, 0.25, 0.55]) + 1
        let line = random.pick(lines) ?? lines[0]
        var properties = JSONObject()
        properties["order_id"] = .string(orderID)
        properties["sku"] = .string(context.products[line.product].sku)
        properties["rating"] = .int(Int64(rating))
        properties["has_photo"] = .bool(random.chance(rating >= 4 ? 0.2 : 0.35))
        properties["text"] = .string(
            DemoTexts.review(
                rating: rating, category: context.products[line.product].category, language: persona.language, &random))
        let at = timeline.atWakingHour(delivered + DemoTimeline.day * Int64(random.int(7...14)), offsetHours: persona.country.utcOffsetHours, &random)
        log.record(.reviewSubmitted, at: at, key: "demo-review-\(orderID)", contact: persona.contact, properties)
    }

    private mutating func recordTicket(orderID: String, after moment: Int64, counters: inout DemoCounters) {
        let ticketID = "T\(counters.nextTicket)"
        counters.nextTicket += 1
        let subject = DemoTexts.ticketSubject(orderID: orderID, language: persona.language, &random)
        let at = timeline.atWakingHour(moment + DemoTimeline.day * Int64(random.int(2...8)), offsetHours: persona.country.utcOffsetHours, &random)
        log.record(
            .supportTicketCreated, at: at, key: "demo-ticket-\(ticketID)", contact: persona.contact,
            ["ticket_id": .string(ticketID), "subject": .string(subject)])
    }
}
