import AutopilotCore
import Foundation

/// The next events the flow router has not seen, with everything needed to route them: their contacts (and, for product
/// events, the contacts who wish for the product), those contacts' runs, and the carts, orders and products they name.
public struct FlowRoutingBatch: Sendable {
    public var events: [(seq: Int64, record: EventRecord)]
    public var contacts: [String: ContactRecord]
    /// Contacts who wishlisted a SKU, by SKU (the audience of product events).
    public var wishers: [String: [String]]
    /// Every run of the batch's contacts; finished runs are read without their state.
    public var runs: [FlowRunRecord]
    /// By external id.
    public var carts: [String: CartRecord]
    /// By external id.
    public var orders: [String: OrderRecord]
    /// Order lines by the order's external id.
    public var orderLines: [String: [OrderLine]]
    public var products: [String: ProductRecord]
    /// Average rating and number of reviews per SKU.
    public var reviewStats: [String: (rating: Double, count: Int)]
    /// Referral coupons named by the batch's orders (`referral_code`, `discount_codes`), by upper-cased code: the referrer.
    public var referralCodes: [String: String] = [:]
    /// Contacts of the batch's orders who already converted a referral (rewarded once).
    public var referredContacts: Set<String> = []

    /// The position the cursor moves to once this batch is routed.
    public var lastSeq: Int64? { events.last?.seq }
}

/// The outcome of routing one batch.
public struct FlowRoutingResult: Sendable {
    public var events: Int
    public var changes: Int

    public init(events: Int, changes: Int) {
        self.events = events
        self.changes = changes
    }
}
