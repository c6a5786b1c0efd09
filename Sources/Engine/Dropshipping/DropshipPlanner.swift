import AutopilotCore
import Foundation
import Integrations
import Storage

/// Turns `order.placed` events into supplier order rows (pure): one `pending` row per supplier, and one `unroutable` row
/// holding the lines nobody takes. Orders older than the settings' maximum age when first seen are left alone.
public enum DropshipPlanner {
    /// The `supplier` value of the row holding an order's unroutable lines.
    public static let unroutable = "unroutable"

    public static func plan(
        _ events: [(seq: Int64, record: EventRecord)], tenantID: String, settings: DropshippingSettings, now: Date
    ) -> [SupplierOrderRecord] {
        var records: [SupplierOrderRecord] = []
        var seen = Set<String>()
        for (_, event) in events where event.type == .orderPlaced {
            guard let orderID = event.properties["order_id"].flatMap(CJClient.text),
                now.timeIntervalSince(event.occurredAt) <= settings.maximumOrderAge
            else { continue }
            let decision = OrderRouter.route(lines(event.properties["lines"]), routing: settings.routing)
            var details = JSONObject()
            details["shipping_address"] = event.properties["shipping_address"]
            details["contact_id"] = event.contactID.map(JSONValue.string)
            details["currency"] = event.properties["currency"]
            for (supplier, lines) in decision.supplierOrders where seen.insert(orderID + "\u{0}" + supplier.rawValue).inserted {
                records.append(
                    SupplierOrderRecord(
                        tenantID: tenantID, orderID: orderID, supplier: supplier.rawValue, status: .pending, lines: encode(lines), details: details,
                        nextAttemptAt: now, createdAt: now, updatedAt: now))
            }
            if !decision.unroutable.isEmpty, seen.insert(orderID + "\u{0}" + unroutable).inserted {
                records.append(
                    SupplierOrderRecord(
                        tenantID: tenantID, orderID: orderID, supplier: unroutable, status: .unroutable, lines: encode(decision.unroutable),
                        details: details, lastError: decision.unroutable.map { "\($0.sku): \($0.reason)" }.joined(separator: "; "),
                        createdAt: now, updatedAt: now))
            }
        }
        return records
    }

    /// The `lines` property of `order.placed` (sku, quantity, price); malformed entries keep what can be read.
    static func lines(_ value: JSONValue?) -> [OrderLine] {
        (value?.arrayValue ?? []).map { line in
            OrderLine(
                sku: line["sku"]?.stringValue ?? "", quantity: Int(clamping: line["quantity"]?.intValue ?? 0), price: line["price"]?.doubleValue ?? 0)
        }
    }

    static func encode<Value: Encodable>(_ value: Value) -> JSONValue {
        guard let data = try? JSONEncoder().encode(value), let parsed = try? JSONParser.parse(Array(data)) else { return .array([]) }
        return parsed
    }

    /// The routed lines stored on a supplier order.
    public static func supplierLines(_ record: SupplierOrderRecord) -> [SupplierLine] {
        (try? JSONDecoder().decode([SupplierLine].self, from: Data(record.lines.jsonString.utf8))) ?? []
    }

    /// The unroutable lines stored on an `unroutable` row.
    public static func unroutableLines(_ record: SupplierOrderRecord) -> [UnroutableLine] {
        (try? JSONDecoder().decode([UnroutableLine].self, from: Data(record.lines.jsonString.utf8))) ?? []
    }
}
