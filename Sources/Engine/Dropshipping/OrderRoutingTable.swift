import Foundation
import Integrations

/// The SKU-prefix table that says which supplier ships a line, as the HTTP layer holds it: AUTOPILOT_SUPPLIER_PREFIXES,
/// else the default table (the worker refuses to start when the variable is invalid).
public struct OrderRoutingTable: Sendable, Equatable {
    let routing: SupplierRouting

    /// The supplier that ships a SKU (`cj`, `bigbuy`), nil when none does.
    public func supplier(forSKU sku: String) -> String? {
        routing.rule(forSKU: sku)?.supplier.rawValue
    }

    public static let defaults = OrderRoutingTable(routing: .defaults)

    public static func fromEnvironment(_ environment: [String: String]) -> OrderRoutingTable {
        OrderRoutingTable(routing: (try? DropshippingSettings.fromEnvironment(environment).routing) ?? .defaults)
    }
}
