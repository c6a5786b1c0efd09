import AutopilotCore
import Engine
import Storage

extension Tool {
    /// `search_products {query}`: the catalog's products whose title or SKU contains the words.
    public static let searchProducts = Tool(
        name: "search_products", title: "Search the product catalog",
        description: "Searches the shop's product catalog (as its product events described it) for a title or SKU containing the text, "
            + "in stock first, and answers each product's SKU, title, price, currency, whether it is in stock, and its page.",
        effect: .readsOnly,
        input: Schema.object(
            [
                "query": Schema.string("words of the product's title, or part of its SKU", maxLength: 200),
                "in_stock_only": Schema.boolean("only products in stock (default false)"),
                "limit": Schema.integer("how many products at most (default 10)", minimum: 1, maximum: 50),
            ], required: ["query"]),
        output: Schema.object(["products": Schema.array(of: ProductAnswer.schema)], required: ["products"]),
        run: { input, context in
            let products = try await context.dependencies.store.products(
                matching: try input.string("query"), inStockOnly: try input.bool("in_stock_only", default: false),
                limit: try input.integer("limit", default: 10, in: 1...50), tenantID: context.tenantID)
            return ["products": .array(products.map(ProductAnswer.json))]
        })
}
