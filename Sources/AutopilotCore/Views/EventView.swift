import Foundation

/// A recorded event as the API shows it.
public struct EventView: Sendable, Codable, Equatable {
    public var id: String
    public var type: String
    public var occurredAt: String
    public var receivedAt: String
    public var idempotencyKey: String?
    public var contactID: String?
    public var properties: JSONValue

    public init(_ record: EventRecord) {
        id = record.id
        type = record.type.rawValue
        occurredAt = Timestamp.format(record.occurredAt)
        receivedAt = Timestamp.format(record.receivedAt)
        idempotencyKey = record.idempotencyKey
        contactID = record.contactID
        properties = .object(record.properties)
    }

    enum CodingKeys: String, CodingKey {
        case id, type, properties
        case occurredAt = "occurred_at"
        case receivedAt = "received_at"
        case idempotencyKey = "idempotency_key"
        case contactID = "contact_id"
    }
}

/// Filters for listing events, newest first, with an opaque cursor.
public struct EventQuery: Sendable, Equatable {
    public var contactID: String?
    public var type: EventType?
    public var limit: Int
    /// Events older than this position (from the previous page's `next_cursor`).
    public var before: Int64?

    public init(contactID: String? = nil, type: EventType? = nil, limit: Int = 50, before: Int64? = nil) {
        self.contactID = contactID
        self.type = type
        self.limit = limit
        self.before = before
    }
}

public struct EventPage: Sendable, Codable, Equatable {
    public var events: [EventView]
    public var nextCursor: String?

    public init(events: [EventView], nextCursor: String?) {
        self.events = events
        self.nextCursor = nextCursor
    }

    enum CodingKeys: String, CodingKey {
        case events
        case nextCursor = "next_cursor"
    }
}

/// Counts of what a tenant's store holds, for reports and the demo.
public struct TenantSummary: Sendable, Codable, Equatable {
    public var contacts = 0
    public var leads = 0
    public var leadsByTier: [String: Int] = [:]
    public var products = 0
    public var orders = 0
    public var revenue = 0.0
    public var events = 0
    public var cartsByStatus: [String: Int] = [:]
    public var ordersByStatus: [String: Int] = [:]
    public var reviews = 0
    public var averageRating: Double?
    public var wishlistItems = 0
    public var messages = 0
    public var consentedEmail = 0
    public var consentedSMS = 0

    public init() {}
}
