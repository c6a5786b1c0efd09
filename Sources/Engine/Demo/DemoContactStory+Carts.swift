import AutopilotCore
import Foundation

extension DemoContactStory {
    /// Carts left without an order; some marked abandoned by the shop, some recovered by an order days later.
    mutating func recordAbandonedCarts(counters: inout DemoCounters) {
        let count: Int
        switch persona.segment {
        case .neverBought: count = random.weighted([0.45, 0.35, 0.15, 0.05])
        case .loyal: count = random.weighted([0.5, 0.3, 0.2])
        default: count = random.weighted([0.65, 0.25, 0.1])
        }
        guard count > 0 else { return }
        for _ in 0..<count {
            let day = persona.signup + Int64(random.unit() * Double(max(0, timeline.end - persona.signup)))
            let moment = timeline.atWakingHour(day, offsetHours: persona.country.utcOffsetHours, &random)
            guard moment <= timeline.end - DemoTimeline.hour * 2 else { continue }
            let lines = pickLines(at: moment)
            guard !lines.isEmpty else { return }
            let cartID = newCartID()
            recordCart(cartID, lines: lines, endingAt: moment, updates: random.int(1...3))
            if random.chance(0.6) {
                log.record(.cartAbandoned, at: moment + Int64(random.int(3_600...4 * 3_600)), key: key + "cart-\(cartID)-abandoned",
                    contact: persona.contact, ["cart_id": .string(cartID)])
            }
            if random.chance(persona.segment == .neverBought ? 0.1 : 0.25) {
                let recovered = moment + DemoTimeline.hour * Int64(random.int(5...72))
                placeOrder(at: recovered, cartID: cartID, lines: lines, counters: &counters)
            }
        }
    }

    /// A cart touched in the last day and a half, still open now.
    mutating func recordOpenCart() {
        let moment = timeline.end - Int64(random.int(600...36 * 3_600))
        guard moment > persona.signup else { return }
        let lines = pickLines(at: moment)
        guard !lines.isEmpty else { return }
        recordCart(newCartID(), lines: lines, endingAt: moment, updates: random.int(1...2))
    }

    /// A few products added to the wishlist, often ones whose price later went down.
    mutating func recordWishes() {
        var wished: Set<Int> = []
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
            log.record(.wishlistAdded, at: at, key: key + "wish-\(context.products[product].sku)", contact: persona.contact,
                ["sku": .string(context.products[product].sku)])
        }
    }
}
