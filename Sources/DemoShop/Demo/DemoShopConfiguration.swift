import Foundation

/// What the demo shop generator makes: how many people, leads and products, over which stretch of time, from which seed.
public struct DemoShopConfiguration: Sendable, Hashable {
    /// The same seed and settings always give byte-identical events.
    public var seed: UInt64
    /// Shop customers and prospects (each gets a `contact.created` at signup).
    public var contacts: Int
    /// B2B leads (`lead.created`); one tenth of the contacts unless set.
    public var leads: Int?
    /// Catalog size; the hand-written catalog holds 50, more are made as variants of it.
    public var products: Int
    /// The present moment: no event is dated after it.
    public var now: Date
    /// How far back the shop's history goes.
    public var historyDays: Int

    public init(seed: UInt64 = 42, contacts: Int = 2_000, leads: Int? = nil, products: Int = 50, now: Date, historyDays: Int = 730) {
        self.seed = seed
        self.contacts = contacts
        self.leads = leads
        self.products = products
        self.now = now
        self.historyDays = historyDays
    }

    /// The demo shop's name, in its messages and its letter.
    public static let shopName = "Maison Lavande"

    /// The number of leads actually generated.
    public var leadCount: Int { max(0, leads ?? contacts / 10) }
}
