import AutopilotCore
import Engine

extension Tool {
    /// `check_order_status {order_id}`: where an order stands, its tracking, and how its lines go to dropshipping suppliers.
    public static let checkOrderStatus = Tool(
        name: "check_order_status", title: "Check an order's status",
        description: "Answers where one order stands (placed, fulfilled, delivered, cancelled, refunded) with the time of each step, "
            + "its tracking number, carrier and link, and for a dropshipping shop which supplier ships each line and where each "
            + "supplier order is.",
        effect: .readsOnly,
        input: Schema.object(
            ["order_id": Schema.string("the shop's order number (or Autopilot's id of the order)", maxLength: 200)], required: ["order_id"]),
        output: Schema.object(
            [
                "order": Schema.object(
                    [
                        "order_id": Schema.type("string"), "status": Schema.type("string"), "tracking_number": Schema.type("string", "null"),
                        "carrier": Schema.type("string", "null"), "tracking_url": Schema.type("string", "null"),
                    ], required: ["order_id", "status"], open: true),
                "routing": Schema.type("object", "null"),
            ], required: ["order", "routing"]),
        run: { input, context in
            let orderID = try input.string("order_id")
            let queries = TenantQueries(dependencies: context.dependencies, tenantID: context.tenantID)
            guard let order = try await queries.order(id: orderID) else { throw NotFoundError(what: "order \(orderID)") }
            let routing = try await OrderRoutingReport.load(
                store: context.dependencies.store, tenantID: context.tenantID, orderID: order.orderID, table: context.settings.supplierRouting)
            var orderValue = try JSONValue.encoding(order)
            if case .object(var object) = orderValue {
                // The encoder leaves absent optionals out; the answer names every tracking field, null when unknown.
                for key in ["tracking_number", "carrier", "tracking_url"] where object[key] == nil { object[key] = .null }
                orderValue = .object(object)
            }
            return ["order": orderValue, "routing": try routing.map { try JSONValue.encoding($0) } ?? .null]
        })
}
