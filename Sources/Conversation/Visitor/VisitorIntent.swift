/// What a visitor asks for besides the conversation in progress, for the caller to handle.
public enum VisitorIntent: Sendable, Hashable, Codable {
    /// Where an order is; the number when the visitor gave one (check it against their email or phone first).
    case orderStatus(orderNumber: String?)
    /// Whether a product is in stock; the product's words as written, when given.
    case productStock(product: String?)
    /// A question for the knowledge base (delivery times, returns, payment…), as written.
    case question(String)
    /// The visitor wants to be called back or to book a call.
    case callback
    /// The visitor wants a person.
    case person
}

/// A visitor intent and how sure the reader is of it (0–1).
public struct VisitorIntentReading: Sendable, Hashable, Codable {
    public var intent: VisitorIntent
    public var confidence: Double

    public init(intent: VisitorIntent, confidence: Double) {
        self.intent = intent
        self.confidence = confidence
    }
}
