import Foundation

/// An order as the API shows it, with the time of each status.
public struct OrderView: Sendable, Codable, Equatable {
    public var id: String
    public var orderID: String
    public var contactID: String?
    public var cartID: String?
    public var status: String
    public var total: Double?
    public var currency: String?
    public var refundedAmount: Double
    public var lines: [OrderLine]
    public var placedAt: String?
    public var fulfilledAt: String?
    public var deliveredAt: String?
    public var cancelledAt: String?
    public var refundedAt: String?
    public var trackingNumber: String?
    public var carrier: String?
    public var trackingURL: String?

    public init(_ record: OrderRecord, lines: [OrderLine]) {
        id = record.id
        orderID = record.externalID
        contactID = record.contactID
        cartID = record.cartExternalID
        status = record.status.rawValue
        total = record.total
        currency = record.currency
        refundedAmount = record.refundedAmount
        self.lines = lines
        placedAt = record.placedAt.map(Timestamp.format)
        fulfilledAt = record.fulfilledAt.map(Timestamp.format)
        deliveredAt = record.deliveredAt.map(Timestamp.format)
        cancelledAt = record.cancelledAt.map(Timestamp.format)
        refundedAt = record.refundedAt.map(Timestamp.format)
        trackingNumber = record.trackingNumber
        carrier = record.carrier
        trackingURL = record.trackingURL
    }

    enum CodingKeys: String, CodingKey {
        case id, status, total, currency, lines, carrier
        case orderID = "order_id"
        case contactID = "contact_id"
        case cartID = "cart_id"
        case refundedAmount = "refunded_amount"
        case placedAt = "placed_at"
        case fulfilledAt = "fulfilled_at"
        case deliveredAt = "delivered_at"
        case cancelledAt = "cancelled_at"
        case refundedAt = "refunded_at"
        case trackingNumber = "tracking_number"
        case trackingURL = "tracking_url"
    }
}

/// A cart as the API shows it.
public struct CartView: Sendable, Codable, Equatable {
    public var id: String
    public var cartID: String
    public var status: String
    public var value: Double
    public var currency: String?
    public var checkoutURL: String?
    public var lines: [OrderLine]
    public var updatedAt: String
    public var abandonedAt: String?
    public var closedAt: String?
    public var orderID: String?

    public init(_ record: CartRecord) {
        id = record.id
        cartID = record.externalID
        status = record.status.rawValue
        value = record.value
        currency = record.currency
        checkoutURL = record.checkoutURL
        lines = record.lines
        updatedAt = Timestamp.format(record.updatedAt)
        abandonedAt = record.abandonedAt.map(Timestamp.format)
        closedAt = record.closedAt.map(Timestamp.format)
        orderID = record.orderExternalID
    }

    enum CodingKeys: String, CodingKey {
        case id, status, value, currency, lines
        case cartID = "cart_id"
        case checkoutURL = "checkout_url"
        case updatedAt = "updated_at"
        case abandonedAt = "abandoned_at"
        case closedAt = "closed_at"
        case orderID = "order_id"
    }
}
