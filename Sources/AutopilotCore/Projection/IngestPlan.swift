/// Everything one batch of events writes, computed purely from the batch and its snapshot.
public struct IngestPlan: Sendable {
    public enum Outcome: Sendable, Hashable {
        case accepted(eventID: String)
        case duplicate(existingEventID: String)
    }

    public var outcomes: [Outcome] = []
    public var events: [EventRecord] = []
    /// Final state of every contact, cart, order, product and message the batch touched.
    public var contacts: [ContactRecord] = []
    public var carts: [CartRecord] = []
    public var orders: [OrderRecord] = []
    public var products: [ProductRecord] = []
    public var messages: [MessageRecord] = []
    public var orderLines: [OrderLineRecord] = []
    /// Orders whose lines are replaced (an order first known from a later status event, then placed).
    public var ordersWithReplacedLines: [String] = []
    public var leads: [LeadRecord] = []
    /// Scores to set on leads: by the lead's own id, else on the contact's latest lead.
    public var leadScores: [(leadExternalID: String?, contactID: String, score: LeadScore)] = []
    public var reviews: [ReviewRecord] = []
    public var wishlist: [WishlistRecord] = []
    /// Products taken off wishlists in this batch (after any add of the same product earlier in the batch).
    public var wishlistRemovals: [WishlistRecord] = []
    public var messageEvents: [MessageEventRecord] = []

    public init() {}
}
