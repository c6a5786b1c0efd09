import AutopilotCore
import Foundation

/// A line of a supplier order: the shop's SKU, the supplier's reference (the SKU without its routing prefix) and the
/// quantity.
public struct SupplierLine: Sendable, Equatable, Codable {
    public var sku: String
    public var reference: String
    public var quantity: Int
    public var price: Double

    public init(sku: String, reference: String, quantity: Int, price: Double) {
        self.sku = sku
        self.reference = reference
        self.quantity = quantity
        self.price = price
    }
}

/// A line no supplier takes, and why.
public struct UnroutableLine: Sendable, Equatable, Codable {
    public var sku: String
    public var quantity: Int
    public var reason: String

    public init(sku: String, quantity: Int, reason: String) {
        self.sku = sku
        self.quantity = quantity
        self.reason = reason
    }
}

/// How one order splits between suppliers.
public struct RoutingDecision: Sendable, Equatable {
    /// One entry per supplier, in the order the supplier first appears among the lines.
    public var supplierOrders: [(supplier: Supplier, lines: [SupplierLine])]
    public var unroutable: [UnroutableLine]

    public init(supplierOrders: [(supplier: Supplier, lines: [SupplierLine])], unroutable: [UnroutableLine]) {
        self.supplierOrders = supplierOrders
        self.unroutable = unroutable
    }

    public static func == (left: RoutingDecision, right: RoutingDecision) -> Bool {
        left.unroutable == right.unroutable && left.supplierOrders.count == right.supplierOrders.count
            && zip(left.supplierOrders, right.supplierOrders).allSatisfy { $0.supplier == $1.supplier && $0.lines == $1.lines }
    }

    /// The lines routed to `supplier`.
    public func lines(for supplier: Supplier) -> [SupplierLine] {
        supplierOrders.first { $0.supplier == supplier }?.lines ?? []
    }
}

/// Splits an order's lines per supplier by SKU prefix (pure).
public enum OrderRouter {
    public static func route(_ lines: [OrderLine], routing: SupplierRouting) -> RoutingDecision {
        var orders: [(supplier: Supplier, lines: [SupplierLine])] = []
        var unroutable: [UnroutableLine] = []
        for line in lines {
            let sku = line.sku.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !sku.isEmpty else {
                unroutable.append(UnroutableLine(sku: line.sku, quantity: line.quantity, reason: "the line has no SKU"))
                continue
            }
            guard line.quantity > 0 else {
                unroutable.append(UnroutableLine(sku: sku, quantity: line.quantity, reason: "quantity \(line.quantity) is not positive"))
                continue
            }
            guard let rule = routing.rule(forSKU: sku) else {
                let known = routing.prefixes.sorted().joined(separator: ", ")
                unroutable.append(UnroutableLine(sku: sku, quantity: line.quantity, reason: "no supplier prefix matches \(sku) (known: \(known))"))
                continue
            }
            let reference = String(sku.dropFirst(rule.prefix.count))
            guard !reference.isEmpty else {
                unroutable.append(UnroutableLine(sku: sku, quantity: line.quantity, reason: "\(sku) has nothing after its prefix \(rule.prefix)"))
                continue
            }
            let routed = SupplierLine(sku: sku, reference: reference, quantity: line.quantity, price: line.price)
            if let index = orders.firstIndex(where: { $0.supplier == rule.supplier }) {
                orders[index].lines.append(routed)
            } else {
                orders.append((rule.supplier, [routed]))
            }
        }
        return RoutingDecision(supplierOrders: orders, unroutable: unroutable)
    }
}
