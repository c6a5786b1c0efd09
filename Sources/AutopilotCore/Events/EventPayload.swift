import Foundation

/// The typed meaning of an event's properties, checked by `EventValidator`.
public enum EventPayload: Sendable, Hashable {
    case contactProfile(ContactProfile)
    case leadCreated(LeadCreated)
    case leadQualified(LeadScore)
    case churnRiskCrossed(score: Double, previousScore: Double?)
    case productUpdated(ProductUpdate)
    case priceChanged(sku: String, oldPrice: Double?, newPrice: Double)
    case cartUpdated(CartUpdate)
    case cartAbandoned(cartID: String)
    case cartRecovered(cartID: String, orderID: String?)
    case orderPlaced(OrderPlaced)
    case orderFulfilled(OrderFulfilled)
    case orderDelivered(orderID: String)
    case orderCancelled(orderID: String)
    case orderRefunded(orderID: String, amount: Double)
    case reviewSubmitted(Review)
    case wishlistAdded(sku: String)
    case wishlistRemoved(sku: String)
    case supportTicket(ticketID: String, subject: String?)
    /// A call by a person of the team: who called, and how it went (`reached`, `voicemail`, `no_answer`).
    case callLogged(by: String, outcome: String?)
    case messageTimeline(MessageTimelineUpdate)
    case messageReplied(MessageReply)
    case unsubscribed(ChannelScope)
    case conversationMessage(ConversationLine)
    /// `segment.entered` / `segment.left`: the saved segment the contact came into or left.
    case segmentChange(segmentID: String)
}

public struct ContactProfile: Sendable, Hashable {
    public var firstName: String?
    public var lastName: String?
    public var locale: String?
    public var timezone: String?
    public var birthdate: String?
    public var consents: [Channel: Bool] = [:]
    public var consentSource: String?
    /// The words the person agreed to (a form's checkbox label), kept with the consent as proof.
    public var consentText: String?
    public var attributes: JSONObject?

    public init() {}
}

public struct LeadCreated: Sendable, Hashable {
    public var leadID: String?
    public var company: String?
    public var message: String?
    public var source: String?
}

/// A lead's qualification: score 0–100 and tier.
public struct LeadScore: Sendable, Hashable {
    public var leadID: String?
    public var score: Int
    public var tier: String

    public init(leadID: String?, score: Int, tier: String) {
        self.leadID = leadID
        self.score = score
        self.tier = tier
    }

    public static let tiers = ["hot", "warm", "cool", "cold"]
}

public struct ProductUpdate: Sendable, Hashable {
    public var sku: String
    public var title: String?
    public var price: Double?
    public var currency: String?
    public var consumptionDays: Int?
    public var url: String?
    public var inStock: Bool?
}

public struct CartUpdate: Sendable, Hashable {
    public var cartID: String
    public var lines: [OrderLine]
    public var value: Double
    public var currency: String
    public var checkoutURL: String?
}

public struct OrderPlaced: Sendable, Hashable {
    public var orderID: String
    public var cartID: String?
    public var lines: [OrderLine]
    public var total: Double
    public var currency: String
}

public struct OrderFulfilled: Sendable, Hashable {
    public var orderID: String
    public var trackingNumber: String?
    public var carrier: String?
    public var trackingURL: String?

    public init(orderID: String, trackingNumber: String?, carrier: String?, trackingURL: String?) {
        self.orderID = orderID
        self.trackingNumber = trackingNumber
        self.carrier = carrier
        self.trackingURL = trackingURL
    }
}

public struct Review: Sendable, Hashable {
    public var orderID: String?
    public var sku: String?
    public var rating: Int
    public var hasPhoto: Bool
    public var text: String?
}

public struct MessageTimelineUpdate: Sendable, Hashable {
    public var messageID: String
    public var channel: Channel
    public var template: String?
    public var subject: String?
    /// What the message is (`kind`); nil when the event does not say.
    public var kind: MessageKind?
    /// Why an open or click was made by a machine (`privacy_proxy`, `scanner`): kept in the log, not counted.
    public var flagged: String?
    /// A bounce's kind (`bounce`): `hard` (the default) or `soft`, which is logged but neither ends the message nor
    /// suppresses the address.
    public var bounce: String?

    public init(
        messageID: String, channel: Channel, template: String?, subject: String?, kind: MessageKind? = nil, flagged: String? = nil,
        bounce: String? = nil
    ) {
        self.flagged = flagged
        self.bounce = bounce
        self.messageID = messageID
        self.channel = channel
        self.template = template
        self.subject = subject
        self.kind = kind
    }
}

public struct MessageReply: Sendable, Hashable {
    public var messageID: String?
    public var channel: Channel
    public var text: String?
}
