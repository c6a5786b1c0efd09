/// Whether products are in stock (the tools' `check_product_stock` plugs in here; `CatalogStock` reads the catalog the
/// events built).
public protocol ProductStockChecking: Sendable {
    func stock(of product: String, context: ChatContext) async throws -> StockResult
}

/// What a stock check found.
public enum StockResult: Sendable, Hashable {
    case unavailable
    /// Matching products, best first (empty: none matched).
    case products([ProductStock])
}

/// One product and its stock.
public struct ProductStock: Sendable, Hashable {
    public var sku: String
    public var title: String
    /// nil when the catalog does not say.
    public var inStock: Bool?
    public var url: String?

    public init(sku: String, title: String, inStock: Bool?, url: String? = nil) {
        self.sku = sku
        self.title = title
        self.inStock = inStock
        self.url = url
    }
}
