import Foundation

/// What the demo shop sells.
public enum DemoProductCategory: String, Sendable, CaseIterable, Hashable {
    case cosmetics
    case coffee
    case tea
    case petFood = "pet_food"
    case accessories
}

/// A change of a product's price at a moment of the demo's history.
public struct DemoPriceChange: Sendable, Hashable {
    public var at: Date
    public var oldPrice: Double
    public var newPrice: Double
}

/// One product of the demo catalog.
public struct DemoProduct: Sendable, Hashable {
    public var sku: String
    public var title: String
    public var category: DemoProductCategory
    /// The price (EUR) when the history starts; `priceChanges` move it later.
    public var price: Double
    /// Days one unit lasts a customer (consumables only), the cycle of replenishment.
    public var consumptionDays: Int?
    public var url: String
    public var inStock: Bool
    /// In chronological order.
    public var priceChanges: [DemoPriceChange]

    /// The price in force at a moment.
    public func price(at date: Date) -> Double {
        var current = price
        for change in priceChanges where change.at <= date { current = change.newPrice }
        return current
    }

    /// The price today, after every change.
    public var currentPrice: Double { priceChanges.last?.newPrice ?? price }

    /// Whether the price went down at some point.
    public var hasPriceDrop: Bool { priceChanges.contains { $0.newPrice < $0.oldPrice } }
}
