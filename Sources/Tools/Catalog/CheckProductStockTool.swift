import AutopilotCore
import Engine
import Storage

extension Tool {
    /// `check_product_stock {sku}`: whether one product is in stock, and its price.
    public static let checkProductStock = Tool(
        name: "check_product_stock", title: "Check a product's stock",
        description: "Answers whether one product (by its exact SKU) is in stock, with its title, price and page. The shop's product "
            + "events say in stock or not, not how many: `in_stock` is null when they never said.",
        effect: .readsOnly,
        input: Schema.object(["sku": Schema.string("the product's SKU, exactly", maxLength: 200)], required: ["sku"]),
        output: ProductAnswer.schema,
        run: { input, context in
            let sku = try input.string("sku")
            guard let product = try await context.dependencies.store.product(sku: sku, tenantID: context.tenantID) else {
                throw NotFoundError(what: "product \(sku)")
            }
            return ProductAnswer.json(product)
        })
}
