import AutopilotCore
import Foundation

/// A seeded, deterministic synthetic shop — catalog, customers with two years of history, B2B leads — as event envelopes.
///
/// The same configuration always produces byte-identical events, so re-ingesting the demo is a no-op (every event has an
/// `idempotency_key`). Events are made lazily, one contact at a time, so a million contacts stream in bounded memory.
public struct DemoShop: Sendable {
    public let configuration: DemoShopConfiguration
    let context: DemoShopContext

    public init(_ configuration: DemoShopConfiguration) {
        self.configuration = configuration
        context = DemoShopContext(configuration: configuration)
    }

    /// The products the shop sells, with their price history.
    public var catalog: [DemoProduct] { context.products }

    /// Every event, in batches of `size` (the last one may be shorter): the catalog first (`product.updated` for every product,
    /// then the `product.price_changed` events), then each contact's events in chronological order, then the leads.
    public func batches(size: Int) -> DemoEventBatches {
        DemoEventBatches(context: context, contacts: max(0, configuration.contacts), leads: configuration.leadCount, size: max(1, size))
    }

    /// The catalog events: one `product.updated` per product at the start of the history, then every price change.
    static func catalogEvents(context: DemoShopContext) -> [JSONValue] {
        var log = DemoEventLog(timeline: context.timeline)
        let start = context.timeline.start
        var output: [JSONValue] = []
        for product in context.products {
            var properties = JSONObject()
            properties["sku"] = .string(product.sku)
            properties["title"] = .string(product.title)
            properties["price"] = .double(product.price)
            properties["currency"] = "EUR"
            if let days = product.consumptionDays { properties["consumption_days"] = .int(Int64(days)) }
            properties["url"] = .string(product.url)
            properties["in_stock"] = .bool(product.inStock)
            properties["category"] = .string(product.category.rawValue)
            log.record(.productUpdated, at: start, key: "demo-product-" + product.sku, contact: nil, properties)
        }
        log.drain(into: &output)
        for product in context.products {
            for (index, change) in product.priceChanges.enumerated() {
                var properties = JSONObject()
                properties["sku"] = .string(product.sku)
                properties["old_price"] = .double(change.oldPrice)
                properties["new_price"] = .double(change.newPrice)
                log.record(
                    .productPriceChanged, at: Int64(change.at.timeIntervalSince1970), key: "demo-price-\(product.sku)-\(index + 1)",
                    contact: nil, properties)
            }
        }
        log.drain(into: &output)
        return output
    }
}
