import AutopilotCore
import Foundation

/// What the customers pages read: the RFM grid, churn bands, the most valuable customers and one customer's scores,
/// each from the scores stored on the contacts (by index, never recomputed).
public protocol CustomerPagesStore: Sendable {
    /// Customers and revenue per (recency score, frequency score) of the scored customers.
    func rfmGrid(tenantID: String) async throws -> [RFMGridCell]
    /// Contacts who never placed an order (they have no RFM score).
    func contactsWithoutOrders(tenantID: String) async throws -> Int
    /// Scored customers per churn band (the band's stored name).
    func churnBandCounts(tenantID: String) async throws -> [String: Int]
    /// The customers with the highest predicted lifetime value.
    func topCustomersByValue(tenantID: String, limit: Int) async throws -> [CustomerValueRow]
    /// One contact's stored scores; nil when the contact is not the tenant's.
    func customerScores(contactID: String, tenantID: String) async throws -> CustomerValueRow?
    /// The currency of the shop's orders (of one order: shops sell in one), nil before the first order.
    func orderCurrency(tenantID: String) async throws -> String?
    /// The leads of a contact, newest first.
    func contactLeads(contactID: String, tenantID: String) async throws -> [LeadRow]
}

/// One cell of the RFM grid.
public struct RFMGridCell: Sendable, Equatable {
    public var recency: Int
    public var frequency: Int
    public var customers: Int
    public var revenue: Double

    public init(recency: Int, frequency: Int, customers: Int, revenue: Double) {
        self.recency = recency
        self.frequency = frequency
        self.customers = customers
        self.revenue = revenue
    }
}

/// A customer with the scores stored on the contact.
public struct CustomerValueRow: Sendable, Equatable {
    public var contactID: String
    public var firstName: String?
    public var lastName: String?
    public var email: String?
    public var ordersCount: Int
    public var totalSpent: Double
    public var lastOrderAt: Date?
    public var rfmSegment: String?
    public var recency: Int?
    public var frequency: Int?
    public var monetary: Int?
    public var churnScore: Double?
    public var churnBand: String?
    public var clv: Double?
    public var probabilityAlive: Double?
    public var nextOrderAt: Date?
    public var scoredAt: Date?

    public init(
        contactID: String, firstName: String? = nil, lastName: String? = nil, email: String? = nil, ordersCount: Int = 0, totalSpent: Double = 0,
        lastOrderAt: Date? = nil, rfmSegment: String? = nil, recency: Int? = nil, frequency: Int? = nil, monetary: Int? = nil,
        churnScore: Double? = nil, churnBand: String? = nil, clv: Double? = nil, probabilityAlive: Double? = nil, nextOrderAt: Date? = nil,
        scoredAt: Date? = nil
    ) {
        self.contactID = contactID
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.ordersCount = ordersCount
        self.totalSpent = totalSpent
        self.lastOrderAt = lastOrderAt
        self.rfmSegment = rfmSegment
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
        self.churnScore = churnScore
        self.churnBand = churnBand
        self.clv = clv
        self.probabilityAlive = probabilityAlive
        self.nextOrderAt = nextOrderAt
        self.scoredAt = scoredAt
    }
}
