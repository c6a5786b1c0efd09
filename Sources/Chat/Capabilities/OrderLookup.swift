/// Orders by their number, with what the agent needs to check they belong to the visitor.
public protocol OrderLookup: Sendable {
    func order(number: String, context: ChatContext) async throws -> ChatOrder?
}

/// An order as the chat tells it, with its contact's email and phone (for the check only, never shown).
public struct ChatOrder: Sendable, Hashable {
    public var number: String
    /// pending, placed, fulfilled, delivered, refunded or cancelled.
    public var status: String
    public var carrier: String?
    public var trackingNumber: String?
    public var trackingURL: String?
    public var contactEmail: String?
    public var contactPhone: String?

    public init(
        number: String, status: String, carrier: String? = nil, trackingNumber: String? = nil, trackingURL: String? = nil,
        contactEmail: String?, contactPhone: String?
    ) {
        self.number = number
        self.status = status
        self.carrier = carrier
        self.trackingNumber = trackingNumber
        self.trackingURL = trackingURL
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
    }
}
