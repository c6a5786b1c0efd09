import AutopilotCore

/// A product as the catalog tools answer it.
enum ProductAnswer {
    static let schema = Schema.object(
        [
            "sku": Schema.type("string"), "title": Schema.type("string", "null"), "price": Schema.type("number", "null"),
            "previous_price": Schema.type("number", "null"), "currency": Schema.type("string", "null"), "in_stock": Schema.type("boolean", "null"),
            "url": Schema.type("string", "null"), "updated_at": Schema.type("string"),
        ], required: ["sku", "title", "price", "currency", "in_stock", "url", "updated_at"])

    static func json(_ product: ProductRecord) -> JSONValue {
        [
            "sku": .string(product.sku), "title": product.title.map(JSONValue.string) ?? .null, "price": product.price.map(JSONValue.double) ?? .null,
            "previous_price": product.previousPrice.map(JSONValue.double) ?? .null, "currency": product.currency.map(JSONValue.string) ?? .null,
            "in_stock": product.inStock.map(JSONValue.bool) ?? .null, "url": product.url.map(JSONValue.string) ?? .null,
            "updated_at": .string(Timestamp.format(product.updatedAt)),
        ]
    }
}
