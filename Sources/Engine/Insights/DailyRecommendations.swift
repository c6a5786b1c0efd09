import AutopilotCore
import Decisions
import Foundation

/// A page of the daily list: the pending follow-ups ranked by expected value, `limit` of them from `offset`, out of
/// `total`. The first page at the tenant's daily limit is the list a person can finish in a day; the rest is a click away.
public struct DailyRecommendations: Sendable, Encodable {
    /// Every pending follow-up (after filters), not only this page.
    public var total: Int
    /// The page size asked for (the tenant's daily limit unless told otherwise).
    public var limit: Int
    public var offset: Int
    /// The tenant's daily limit.
    public var dailyLimit: Int
    /// The currency of the expected values.
    public var currency: String
    /// "fr" or "en": the language of the `why` lines.
    public var language: String
    public var items: [RecommendationView]

    /// Whether more follow-ups wait after this page.
    public var hasMore: Bool { offset + items.count < total }

    enum CodingKeys: String, CodingKey {
        case total, limit, offset, dailyLimit = "daily_limit", currency, language, items = "recommendations", hasMore = "has_more"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(total, forKey: .total)
        try container.encode(limit, forKey: .limit)
        try container.encode(offset, forKey: .offset)
        try container.encode(dailyLimit, forKey: .dailyLimit)
        try container.encode(currency, forKey: .currency)
        try container.encode(language, forKey: .language)
        try container.encode(hasMore, forKey: .hasMore)
        try container.encode(items, forKey: .items)
    }
}
