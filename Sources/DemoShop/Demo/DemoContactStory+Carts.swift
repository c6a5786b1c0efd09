import AutopilotCore
import Foundation

extension DemoContactStory {
    /// When this person leaves carts without ordering, by segment.
    mutating func abandonedCartMoments() -> [Int64] {
        let count: Int
        switch persona.segment {
        case .neverBought: count = random.weighted([0.45, 0.35, 0.15, 0.05])
        case .loyal: count = random.weighted([0.5, 0.3, 0.2])
        default: count = random.weighted([0.65, 0.25, 0.1])
        }
        return (0..<count).compactMap { _ in
            let day = persona.signup + Int64(random.unit() * Double(max(0, timeline.end - persona.signup)))
            let moment = timeline.atWakingHour(day, offsetHours: persona.country.utcOffsetHours, &random)
            return moment <= timeline.end - DemoTimeline.hour * 2 ? moment : nil
        }
    }

    /// A cart left without an order; sometimes marked abandoned by the shop, sometimes recovered by an order hours or days later.
    mutating func recordAbandonedCart(at moment: Int64, counters: inout DemoCounters) {
        let lines = pickLines(at: moment)
        guard !lines.isEmpty else { return }
        let cartID = newCartID()
        recordCart(cartID, lines: lines, endingAt: moment, updates: random.int(1...3))
        if random.chance(0.6) {
            log.record(
                .cartAbandoned, at: moment + Int64(random.int(3_600...4 * 3_600)), key: key + "cart-\(cartID)-abandoned",
                contact: persona.contact, ["cart_id": .string(cartID)])
        }
        guard random.chance(persona.segment == .neverBought ? 0.1 : 0.25) else {
            cartOutstandingUntil = .max
            return
        }
        let recovered = moment + DemoTimeline.hour * Int64(random.int(5...72))
        cartOutstandingUntil = recovered
        placeOrder(at: recovered, cartID: cartID, lines: lines, counters: &counters)
    }

    /// A cart touched in the last day and a half, after the person's last order, still open now.
    mutating func recordOpenCart() {
        let moment = timeline.end - Int64(random.int(600...36 * 3_600))
        guard moment > persona.signup, moment > lastOrderAt else { return }
        let lines = pickLines(at: moment)
        guard !lines.isEmpty else { return }
        recordCart(newCartID(), lines: lines, endingAt: moment, updates: random.int(1...2))
        cartOutstandingUntil = .max
    }

    /// A few products added to the wishlist, often ones whose price later went down.
    mutating func recordWishes() {
        var wished: Set<Int> = []
        var wishes: [(product: Int, at: Int64)] = []
        for _ in 0..<random.int(1...3) {
            var moment = persona.signup + Int64(random.unit() * Double(max(0, timeline.end - persona.signup)))
            var product = random.pick(Array(context.products.indices))
            if random.chance(0.5), let discounted = random.pick(context.discountedProducts),
                let drop = context.products[discounted].priceChanges.first(where: { $0.newPrice < $0.oldPrice })
            {
                let before = Int64(drop.at.timeIntervalSince1970) - DemoTimeline.day * Int64(random.int(3...60))
                if before > persona.signup {
                    product = discounted
                    moment = before
                }
            }
            guard let product, wished.insert(product).inserted else { continue }
            let at = timeline.atWakingHour(moment, offsetHours: persona.country.utcOffsetHours, &random)
            log.record(
                .wishlistAdded, at: at, key: key + "wish-\(context.products[product].sku)", contact: persona.contact,
                ["sku": .string(context.products[product].sku)])
            wishes.append((product, at))
        }
        // Someone who wished three products takes a full-price one off again three days later (no draw: the rest of the
        // demo stays as it was).
        if wishes.count == 3, let dropped = wishes.first(where: { !context.discountedProducts.contains($0.product) }) {
            let sku = context.products[dropped.product].sku
            log.record(.wishlistRemoved, at: dropped.at + 3 * DemoTimeline.day, key: key + "unwish-\(sku)", contact: persona.contact, ["sku": .string(sku)])
        }
    }
}
