import AutopilotCore
import Foundation

/// What every demo contact's story draws on: the catalog, the newsletter schedule, the span of time.
struct DemoShopContext: Sendable {
    /// A newsletter the shop's outside e-mail tool sent to its list.
    struct Campaign: Sendable {
        let number: Int
        let at: Int64
        let month: Int
        let template: String
    }

    let seed: UInt64
    let timeline: DemoTimeline
    let products: [DemoProduct]
    let productsByCategory: [DemoProductCategory: [Int]]
    /// Products whose price went down at some point, wished for more often.
    let discountedProducts: [Int]
    let campaigns: [Campaign]

    init(configuration: DemoShopConfiguration) {
        seed = configuration.seed
        let end = Int64(configuration.now.timeIntervalSince1970.rounded(.down))
        let start = end - Int64(max(0, configuration.historyDays)) * DemoTimeline.day
        timeline = DemoTimeline(start: start, end: end)
        let products = DemoCatalog.make(
            count: configuration.products, seed: configuration.seed, start: Date(timeIntervalSince1970: TimeInterval(start)),
            now: Date(timeIntervalSince1970: TimeInterval(end)))
        var byCategory: [DemoProductCategory: [Int]] = [:]
        for (index, product) in products.enumerated() { byCategory[product.category, default: []].append(index) }
        self.products = products
        productsByCategory = byCategory
        discountedProducts = products.indices.filter { products[$0].hasPriceDrop }
        campaigns = Self.schedule(timeline: timeline, seed: configuration.seed)
    }

    /// Roughly one newsletter a month, on a weekday morning, Paris time.
    private static func schedule(timeline: DemoTimeline, seed: UInt64) -> [Campaign] {
        var random = DemoRandom(seed: seed, stream: 0, salt: 0x4E57)
        var campaigns: [Campaign] = []
        var moment = timeline.start + DemoTimeline.day * Int64(random.int(3...20))
        while moment < timeline.end - DemoTimeline.hour * 6 {
            let day = moment.floorDivided(by: DemoTimeline.day)
            let at = day * DemoTimeline.day + DemoTimeline.hour * Int64(random.int(7...9)) + Int64(random.int(0...3_599))
            let (year, month, _) = Timestamp.civilFromDays(Int(day))
            let template = "newsletter-" + String(year) + "-" + (month < 10 ? "0" : "") + String(month) + "-" + String(campaigns.count + 1)
            if at <= timeline.end { campaigns.append(Campaign(number: campaigns.count + 1, at: at, month: month, template: template)) }
            moment += DemoTimeline.day * Int64(random.int(24...36))
        }
        return campaigns
    }
}

/// Numbers shared by all contacts of one run, handed out in order: order ids `D10001`…, ticket ids.
struct DemoCounters: Sendable {
    var nextOrder = 10_001
    var nextTicket = 5_001
}
