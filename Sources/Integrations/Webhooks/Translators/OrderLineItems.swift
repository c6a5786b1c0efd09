import AutopilotCore

/// Turns a shop's line items into the event vocabulary's `lines` (`sku`, `quantity`, unit `price`).
///
/// A line without a SKU is named by its variant or product id (`shopify-variant:123`) so it still counts; a line with
/// no id at all, or a quantity below one (removed by an edit), is left out.
enum OrderLineItems {
    static func lines(_ items: [JSONValue], provider: WebhookProvider, variantKey: String, unitPrice: (JSONValue) -> Double?) -> [JSONValue] {
        var lines: [JSONValue] = []
        for item in items.prefix(1_000) {
            guard let quantity = item.integer("quantity"), quantity >= 1 else { continue }
            let sku =
                item.text("sku")
                ?? item.text(variantKey).flatMap { $0 == "0" ? nil : "\(provider.prefix)-variant:\($0)" }
                ?? item.text("product_id").flatMap { $0 == "0" ? nil : "\(provider.prefix)-product:\($0)" }
            guard let sku, sku.count <= 200 else { continue }
            let price = unitPrice(item).map { max(0, $0) } ?? 0
            lines.append(["sku": .string(sku), "quantity": .int(min(quantity, 1_000_000)), "price": .double(price)])
        }
        return lines
    }

    /// Σ quantity × price of lines built by `lines`; 0 rather than infinity when absurd prices overflow.
    static func value(_ lines: [JSONValue]) -> Double {
        let sum = lines.reduce(0) { sum, line in
            sum + Double(line["quantity"]?.intValue ?? 0) * (line["price"]?.doubleValue ?? 0)
        }
        return sum.isFinite ? sum : 0
    }
}
