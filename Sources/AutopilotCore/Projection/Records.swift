import Foundation

/// A person's consent on one channel, with when and where it was given or withdrawn.
public struct ConsentState: Sendable, Hashable, Codable {
    public var granted: Bool
    public var at: Date
    public var source: String

    public init(granted: Bool, at: Date, source: String) {
        self.granted = granted
        self.at = at
        self.source = source
    }
}

/// A contact as stored: identifiers, profile, consent, and running order totals.
public struct ContactRecord: Sendable, Hashable {
    public var id: String
    public var email: String?
    public var phone: String?
    public var externalID: String?
    public var firstName: String?
    public var lastName: String?
    public var locale: String?
    public var timezone: String?
    public var birthdate: String?
    /// When the contact last wrote on WhatsApp: WhatsApp allows free-form messages for 24 hours after it, approved
    /// templates only otherwise.
    public var whatsappInboundAt: Date?
    public var consents: [Channel: ConsentState] = [:]
    public var attributes = JSONObject()
    public var ordersCount = 0
    public var totalSpent = 0.0
    public var firstOrderAt: Date?
    public var lastOrderAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: String, createdAt: Date) {
        self.id = id
        self.createdAt = createdAt
        self.updatedAt = createdAt
    }
}

/// Cart statuses. Raw values are persisted. `recovered`: ordered after it had been abandoned.
public enum CartStatus: String, Sendable, Codable {
    case open, abandoned, recovered, converted

    public var isActive: Bool { self == .open || self == .abandoned }
}

public struct CartRecord: Sendable, Hashable {
    public var id: String
    public var externalID: String
    public var contactID: String?
    public var status: CartStatus
    public var value: Double
    public var currency: String?
    public var checkoutURL: String?
    public var lines: [OrderLine]
    public var createdAt: Date
    public var updatedAt: Date
    public var abandonedAt: Date?
    public var closedAt: Date?
    public var orderExternalID: String?

    public init(
        id: String, externalID: String, contactID: String? = nil, status: CartStatus, value: Double, currency: String? = nil,
        checkoutURL: String? = nil, lines: [OrderLine], createdAt: Date, updatedAt: Date, abandonedAt: Date? = nil, closedAt: Date? = nil,
        orderExternalID: String? = nil
    ) {
        self.id = id
        self.externalID = externalID
        self.contactID = contactID
        self.status = status
        self.value = value
        self.currency = currency
        self.checkoutURL = checkoutURL
        self.lines = lines
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.abandonedAt = abandonedAt
        self.closedAt = closedAt
        self.orderExternalID = orderExternalID
    }
}

/// Order statuses, in the order they normally happen. Raw values are persisted.
public enum OrderStatus: String, Sendable, Codable, Comparable {
    case pending, placed, fulfilled, delivered, refunded, cancelled

    var rank: Int {
        switch self {
        case .pending: 0
        case .placed: 1
        case .fulfilled: 2
        case .delivered: 3
        case .refunded: 4
        case .cancelled: 5
        }
    }

    public static func < (lhs: OrderStatus, rhs: OrderStatus) -> Bool { lhs.rank < rhs.rank }

}

public struct OrderRecord: Sendable, Hashable {
    public var id: String
    public var externalID: String
    public var contactID: String?
    public var cartExternalID: String?
    public var status: OrderStatus
    public var total: Double?
    public var currency: String?
    public var refundedAmount: Double = 0
    public var placedAt: Date?
    public var fulfilledAt: Date?
    public var deliveredAt: Date?
    public var cancelledAt: Date?
    public var refundedAt: Date?
    public var trackingNumber: String?
    public var carrier: String?
    public var trackingURL: String?
    public var updatedAt: Date

    public init(
        id: String, externalID: String, contactID: String? = nil, cartExternalID: String? = nil, status: OrderStatus, total: Double? = nil,
        currency: String? = nil, refundedAmount: Double = 0, placedAt: Date? = nil, fulfilledAt: Date? = nil, deliveredAt: Date? = nil,
        cancelledAt: Date? = nil, refundedAt: Date? = nil, trackingNumber: String? = nil, carrier: String? = nil, trackingURL: String? = nil,
        updatedAt: Date
    ) {
        self.id = id
        self.externalID = externalID
        self.contactID = contactID
        self.cartExternalID = cartExternalID
        self.status = status
        self.total = total
        self.currency = currency
        self.refundedAmount = refundedAmount
        self.placedAt = placedAt
        self.fulfilledAt = fulfilledAt
        self.deliveredAt = deliveredAt
        self.cancelledAt = cancelledAt
        self.refundedAt = refundedAt
        self.trackingNumber = trackingNumber
        self.carrier = carrier
        self.trackingURL = trackingURL
        self.updatedAt = updatedAt
    }
}

public struct ProductRecord: Sendable, Hashable {
    public var sku: String
    public var title: String?
    public var price: Double?
    public var previousPrice: Double?
    public var currency: String?
    public var consumptionDays: Int?
    public var url: String?
    public var inStock: Bool?
    public var updatedAt: Date

    public init(
        sku: String, title: String? = nil, price: Double? = nil, previousPrice: Double? = nil, currency: String? = nil, consumptionDays: Int? = nil,
        url: String? = nil, inStock: Bool? = nil, updatedAt: Date
    ) {
        self.sku = sku
        self.title = title
        self.price = price
        self.previousPrice = previousPrice
        self.currency = currency
        self.consumptionDays = consumptionDays
        self.url = url
        self.inStock = inStock
        self.updatedAt = updatedAt
    }
}

/// Message statuses along a message's life. Raw values are persisted.
public enum MessageStatus: String, Sendable, Codable {
    case queued, sent, delivered, opened, clicked, replied, bounced, failed, blocked, skipped

    var rank: Int {
        switch self {
        case .queued, .blocked, .skipped: 0
        case .sent: 1
        case .delivered: 2
        case .opened: 3
        case .clicked: 4
        case .replied: 5
        case .bounced, .failed: 6
        }
    }

}

public struct MessageRecord: Sendable, Hashable {
    public var id: String
    public var externalID: String
    public var contactID: String?
    public var channel: Channel
    public var origin: String
    public var template: String?
    public var subject: String?
    public var status: MessageStatus
    public var sentAt: Date?
    public var deliveredAt: Date?
    public var openedAt: Date?
    public var clickedAt: Date?
    public var repliedAt: Date?
    public var bouncedAt: Date?
    public var failedAt: Date?
    public var updatedAt: Date
    /// What the message is, as its `message.sent` said; nil when nothing said it (a conversation, see `MessageKind`).
    public var kind: MessageKind?

    public init(
        id: String, externalID: String, contactID: String? = nil, channel: Channel, origin: String, template: String? = nil, subject: String? = nil,
        status: MessageStatus, sentAt: Date? = nil, deliveredAt: Date? = nil, openedAt: Date? = nil, clickedAt: Date? = nil, repliedAt: Date? = nil,
        bouncedAt: Date? = nil, failedAt: Date? = nil, updatedAt: Date, kind: MessageKind? = nil
    ) {
        self.kind = kind
        self.id = id
        self.externalID = externalID
        self.contactID = contactID
        self.channel = channel
        self.origin = origin
        self.template = template
        self.subject = subject
        self.status = status
        self.sentAt = sentAt
        self.deliveredAt = deliveredAt
        self.openedAt = openedAt
        self.clickedAt = clickedAt
        self.repliedAt = repliedAt
        self.bouncedAt = bouncedAt
        self.failedAt = failedAt
        self.updatedAt = updatedAt
    }
}

public struct EventRecord: Sendable, Hashable {
    public var id: String
    public var type: EventType
    public var occurredAt: Date
    public var receivedAt: Date
    public var idempotencyKey: String?
    public var contactID: String?
    public var properties: JSONObject

    public init(
        id: String, type: EventType, occurredAt: Date, receivedAt: Date, idempotencyKey: String? = nil, contactID: String? = nil,
        properties: JSONObject
    ) {
        self.id = id
        self.type = type
        self.occurredAt = occurredAt
        self.receivedAt = receivedAt
        self.idempotencyKey = idempotencyKey
        self.contactID = contactID
        self.properties = properties
    }
}

public struct LeadRecord: Sendable, Hashable {
    public var id: String
    public var externalID: String?
    public var contactID: String
    public var company: String?
    public var message: String?
    public var source: String?
    public var createdAt: Date

    public init(
        id: String, externalID: String? = nil, contactID: String, company: String? = nil, message: String? = nil, source: String? = nil,
        createdAt: Date
    ) {
        self.id = id
        self.externalID = externalID
        self.contactID = contactID
        self.company = company
        self.message = message
        self.source = source
        self.createdAt = createdAt
    }
}

public struct ReviewRecord: Sendable, Hashable {
    public var id: String
    public var contactID: String
    public var orderExternalID: String?
    public var sku: String?
    public var rating: Int
    public var hasPhoto: Bool
    public var text: String?
    public var submittedAt: Date

    public init(
        id: String, contactID: String, orderExternalID: String? = nil, sku: String? = nil, rating: Int, hasPhoto: Bool, text: String? = nil,
        submittedAt: Date
    ) {
        self.id = id
        self.contactID = contactID
        self.orderExternalID = orderExternalID
        self.sku = sku
        self.rating = rating
        self.hasPhoto = hasPhoto
        self.text = text
        self.submittedAt = submittedAt
    }
}

public struct OrderLineRecord: Sendable, Hashable {
    public var orderID: String
    public var lineNumber: Int
    public var line: OrderLine

    public init(
        orderID: String, lineNumber: Int, line: OrderLine
    ) {
        self.orderID = orderID
        self.lineNumber = lineNumber
        self.line = line
    }
}

public struct WishlistRecord: Sendable, Hashable {
    public var contactID: String
    public var sku: String
    public var addedAt: Date

    public init(
        contactID: String, sku: String, addedAt: Date
    ) {
        self.contactID = contactID
        self.sku = sku
        self.addedAt = addedAt
    }
}

public struct MessageEventRecord: Sendable, Hashable {
    public var messageID: String
    public var type: EventType
    public var occurredAt: Date

    public init(
        messageID: String, type: EventType, occurredAt: Date
    ) {
        self.messageID = messageID
        self.type = type
        self.occurredAt = occurredAt
    }
}
