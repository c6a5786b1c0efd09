import AutopilotCore
import Decisions
import Foundation
import Storage

/// A tenant's settings for the daily list, kept in `tenant_settings`: how many follow-ups a day it shows
/// (`recommendations.daily_limit`, default 25), the deal size assumed for a lead that states none
/// (`recommendations.default_deal_size`, default 1,000) and the currency amounts are shown in (`currency`, default EUR).
public struct RecommendationSettings: Sendable, Equatable {
    public static let dailyLimitName = "recommendations.daily_limit"
    public static let defaultDealSizeName = "recommendations.default_deal_size"
    public static let currencyName = "currency"
    /// The longest daily list a tenant may ask for (the rest stays a click away).
    public static let maximumDailyLimit = 500

    public var dailyLimit = 25
    public var defaultDealSize = ValuePolicy.standard.defaultDealSize
    public var currency = "EUR"

    public init() {}

    /// From stored settings; an unreadable value keeps its default.
    public init(_ settings: [String: String]) {
        if let limit = settings[Self.dailyLimitName].flatMap(Int.init), (1...Self.maximumDailyLimit).contains(limit) { dailyLimit = limit }
        if let deal = settings[Self.defaultDealSizeName].flatMap(Double.init), deal.isFinite, deal > 0 { defaultDealSize = deal }
        if let currency = settings[Self.currencyName], Self.isCurrencyCode(currency) { self.currency = currency.uppercased() }
    }

    /// The value policy the expected values assume.
    public var values: ValuePolicy { ValuePolicy(defaultDealSize: defaultDealSize) }

    public static func load(_ store: any TenantSettingsStore, tenantID: String) async throws -> RecommendationSettings {
        RecommendationSettings(try await store.tenantSettings(tenantID: tenantID))
    }

    /// Stores the settings given (nil leaves one as it is), after checking them all.
    public static func update(
        _ store: any TenantSettingsStore, tenantID: String, dailyLimit: Int? = nil, defaultDealSize: Double? = nil, currency: String? = nil,
        now: Date
    ) async throws {
        if let dailyLimit, !(1...maximumDailyLimit).contains(dailyLimit) {
            throw ValidationError(code: "invalid_setting", field: dailyLimitName, message: "must be between 1 and \(maximumDailyLimit)")
        }
        if let defaultDealSize, !(defaultDealSize.isFinite && defaultDealSize > 0) {
            throw ValidationError(code: "invalid_setting", field: defaultDealSizeName, message: "must be a positive amount")
        }
        if let currency, !isCurrencyCode(currency) {
            throw ValidationError(code: "invalid_setting", field: currencyName, message: "\"\(currency)\" is not a three-letter currency code")
        }
        if let dailyLimit { try await store.setTenantSetting(dailyLimitName, to: String(dailyLimit), tenantID: tenantID, now: now) }
        if let defaultDealSize {
            try await store.setTenantSetting(defaultDealSizeName, to: String(defaultDealSize), tenantID: tenantID, now: now)
        }
        if let currency { try await store.setTenantSetting(currencyName, to: currency.uppercased(), tenantID: tenantID, now: now) }
    }

    static func isCurrencyCode(_ text: String) -> Bool {
        text.count == 3 && text.allSatisfy { $0.isASCII && $0.isLetter }
    }
}
