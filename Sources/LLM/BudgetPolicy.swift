/// Per-tenant monthly spending limits on language models (seed 003: warn at 100 %, hard stop at 120 %).
public struct BudgetPolicy: Sendable, Hashable {
    /// Monthly limits in US dollars by tenant.
    public var monthlyLimits: [String: Double]
    /// The limit of tenants not listed; nil means no limit.
    public var defaultMonthlyLimit: Double?
    /// The share of the limit at which a warning is logged (1.0 = 100 %).
    public var warnRatio: Double
    /// The share of the limit at which calls go to the offline provider (1.2 = 120 %).
    public var stopRatio: Double

    public init(
        monthlyLimits: [String: Double] = [:], defaultMonthlyLimit: Double? = nil, warnRatio: Double = 1.0,
        stopRatio: Double = 1.2
    ) {
        self.monthlyLimits = monthlyLimits
        self.defaultMonthlyLimit = defaultMonthlyLimit
        self.warnRatio = warnRatio
        self.stopRatio = stopRatio
    }

    /// The limit of `tenant`, if any.
    public func limit(for tenant: String) -> Double? {
        monthlyLimits[tenant] ?? defaultMonthlyLimit
    }

    /// Where `tenant` stands having spent `spent` dollars this month.
    public func status(tenant: String, spent: Double) -> BudgetStatus {
        guard let limit = limit(for: tenant), limit.isFinite, limit >= 0 else { return .normal }
        if limit == 0 { return spent > 0 ? .stopped : .normal }
        let ratio = spent / limit
        if ratio >= stopRatio { return .stopped }
        if ratio >= warnRatio { return .warning }
        return .normal
    }
}
