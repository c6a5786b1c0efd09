/// One line of a cart or an order.
public struct OrderLine: Sendable, Hashable, Codable {
    public var sku: String
    public var quantity: Int
    public var price: Double

    public init(sku: String, quantity: Int, price: Double) {
        self.sku = sku
        self.quantity = quantity
        self.price = price
    }
}
