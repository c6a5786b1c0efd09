import Foundation

/// What a supplier needs to ship one supplier order.
public struct SupplierOrderRequest: Sendable, Equatable {
    /// The shop's order id; suppliers get it as their order reference.
    public var orderID: String
    public var lines: [SupplierLine]
    public var address: ShippingAddress
    public var email: String?

    public init(orderID: String, lines: [SupplierLine], address: ShippingAddress, email: String?) {
        self.orderID = orderID
        self.lines = lines
        self.address = address
        self.email = email
    }
}

/// A shipment's tracking as a supplier reports it.
public struct SupplierTracking: Sendable, Equatable {
    public var number: String
    public var carrier: String?
    public var url: String?

    public init(number: String, carrier: String?, url: String?) {
        self.number = number
        self.carrier = carrier
        self.url = url
    }
}

/// A supplier's order API.
public protocol SupplierClient: Sendable {
    var supplier: Supplier { get }
    /// Creates the order with the supplier; returns the supplier's order id.
    func placeOrder(_ request: SupplierOrderRequest) async throws(SupplierError) -> String
    /// The order's tracking, nil while it has not shipped.
    func tracking(supplierOrderID: String) async throws(SupplierError) -> SupplierTracking?
}
