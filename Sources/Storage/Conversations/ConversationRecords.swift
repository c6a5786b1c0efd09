import AutopilotCore
import Foundation

/// Where a conversation stands. Raw values are persisted.
public enum ConversationStatus: String, Sendable, Codable, Hashable, CaseIterable {
    /// The agent answers.
    case open
    /// A person of the team takes over; the agent no longer answers.
    case handedOff = "handed_off"
    case closed
}

/// A tenant's public widget key: it opens the visitors' chat API, only from the tenant's allowed origins.
public struct WidgetKeyRecord: Sendable, Equatable, Codable {
    public var key: String
    public var tenantID: String
    /// Allowed `Origin` values, as `scheme://host[:port]`, lower-cased.
    public var origins: [String]
    /// Whether the agent qualifies B2B visitors (BANT) when they do not ask for something else.
    public var qualifiesLeads: Bool
    public var createdAt: Date
    public var revokedAt: Date?

    public init(key: String, tenantID: String, origins: [String], qualifiesLeads: Bool, createdAt: Date, revokedAt: Date? = nil) {
        self.key = key
        self.tenantID = tenantID
        self.origins = origins
        self.qualifiesLeads = qualifiesLeads
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    enum CodingKeys: String, CodingKey {
        case key, origins
        case tenantID = "tenant_id"
        case qualifiesLeads = "qualifies_leads"
        case createdAt = "created_at"
        case revokedAt = "revoked_at"
    }
}

/// A chat with one visitor.
public struct ConversationRecord: Sendable, Equatable {
    public var id: String
    public var tenantID: String
    public var widgetKey: String?
    /// The visitor as the widget knows them (a random id kept in the browser).
    public var visitorID: String
    /// The contact, once the visitor gave an email or a phone number.
    public var contactID: String?
    /// `fr` or `en`.
    public var language: String
    /// The agent's state as JSON.
    public var state: String
    public var status: ConversationStatus
    /// The position of the last message.
    public var lastSeq: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, tenantID: String, widgetKey: String?, visitorID: String, contactID: String?, language: String, state: String,
        status: ConversationStatus, lastSeq: Int, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.widgetKey = widgetKey
        self.visitorID = visitorID
        self.contactID = contactID
        self.language = language
        self.state = state
        self.status = status
        self.lastSeq = lastSeq
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// One message of a conversation, at its position `seq` (1, 2, …).
public struct ConversationMessageRecord: Sendable, Equatable {
    public var id: String
    public var conversationID: String
    public var seq: Int
    public var role: ConversationLine.Role
    public var text: String
    /// The id the client gave a visitor's message, so that a retry finds it.
    public var clientMessageID: String?
    /// The visitor's sentiment score (-1…1) for their messages.
    public var sentiment: Double?
    /// Who of the team wrote a `team` message (a name or an email), when given.
    public var author: String?
    public var createdAt: Date

    public init(
        id: String, conversationID: String, seq: Int, role: ConversationLine.Role, text: String, clientMessageID: String? = nil,
        sentiment: Double? = nil, author: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.conversationID = conversationID
        self.seq = seq
        self.role = role
        self.text = text
        self.clientMessageID = clientMessageID
        self.sentiment = sentiment
        self.author = author
        self.createdAt = createdAt
    }
}

/// A turn to append: the visitor's message, the agent's replies, and the conversation after them.
public struct ConversationTurnRecord: Sendable {
    /// The conversation as it was read before the turn: the append fails if another turn came in since.
    public var expectedLastSeq: Int
    public var conversation: ConversationRecord
    /// The visitor's message then the replies, numbered from `expectedLastSeq + 1`.
    public var messages: [ConversationMessageRecord]

    public init(expectedLastSeq: Int, conversation: ConversationRecord, messages: [ConversationMessageRecord]) {
        self.expectedLastSeq = expectedLastSeq
        self.conversation = conversation
        self.messages = messages
    }
}

/// What appending a turn did.
public enum ConversationAppendOutcome: Sendable, Equatable {
    case appended
    /// A message with the same client id is already there (a retry): nothing was written.
    case duplicate
    /// Another message came in since the conversation was read: nothing was written; read it again and retry.
    case outdated
}

/// A product of the catalog as the chat tells its stock.
public struct CatalogProduct: Sendable, Equatable {
    public var sku: String
    public var title: String?
    public var inStock: Bool?
    public var price: Double?
    public var currency: String?
    public var url: String?

    public init(sku: String, title: String?, inStock: Bool?, price: Double?, currency: String?, url: String?) {
        self.sku = sku
        self.title = title
        self.inStock = inStock
        self.price = price
        self.currency = currency
        self.url = url
    }
}
