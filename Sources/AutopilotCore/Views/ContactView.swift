import Foundation

/// A contact as the API shows it.
public struct ContactView: Sendable, Codable, Equatable {
    public struct Consent: Sendable, Codable, Equatable {
        public var granted: Bool
        public var at: String
        public var source: String
    }

    public var id: String
    public var email: String?
    public var phone: String?
    public var externalID: String?
    public var firstName: String?
    public var lastName: String?
    public var locale: String?
    public var timezone: String?
    public var birthdate: String?
    public var consents: [String: Consent]
    public var attributes: JSONValue
    public var ordersCount: Int
    public var totalSpent: Double
    public var firstOrderAt: String?
    public var lastOrderAt: String?
    public var createdAt: String
    public var updatedAt: String

    public init(_ record: ContactRecord) {
        id = record.id
        email = record.email
        phone = record.phone
        externalID = record.externalID
        firstName = record.firstName
        lastName = record.lastName
        locale = record.locale
        timezone = record.timezone
        birthdate = record.birthdate
        consents = Dictionary(
            uniqueKeysWithValues: record.consents.map {
                ($0.key.rawValue, Consent(granted: $0.value.granted, at: Timestamp.format($0.value.at), source: $0.value.source))
            })
        attributes = .object(record.attributes)
        ordersCount = record.ordersCount
        totalSpent = (record.totalSpent * 100).rounded() / 100
        firstOrderAt = record.firstOrderAt.map(Timestamp.format)
        lastOrderAt = record.lastOrderAt.map(Timestamp.format)
        createdAt = Timestamp.format(record.createdAt)
        updatedAt = Timestamp.format(record.updatedAt)
    }

    enum CodingKeys: String, CodingKey {
        case id, email, phone, locale, timezone, birthdate, consents, attributes
        case externalID = "external_id"
        case firstName = "first_name"
        case lastName = "last_name"
        case ordersCount = "orders_count"
        case totalSpent = "total_spent"
        case firstOrderAt = "first_order_at"
        case lastOrderAt = "last_order_at"
        case createdAt = "created_at"
        case updatedAt = "updated_at"
    }
}

/// A contact with its orders, carts and latest events: `GET /v1/contacts/{id}`.
public struct ContactDetail: Sendable, Codable, Equatable {
    public var contact: ContactView
    public var orders: [OrderView]
    public var carts: [CartView]
    public var recentEvents: [EventView]

    public init(contact: ContactView, orders: [OrderView], carts: [CartView], recentEvents: [EventView]) {
        self.contact = contact
        self.orders = orders
        self.carts = carts
        self.recentEvents = recentEvents
    }

    enum CodingKeys: String, CodingKey {
        case contact, orders, carts
        case recentEvents = "recent_events"
    }
}
