public import Foundation

/// Fitted lifetime-value models for one tenant, and the fallback used when the data are too thin for them.
///
/// The BG/NBD and Gamma-Gamma fits are used when at least `settings.minimumRepeatCustomers` customers have a repeat
/// purchase and the fits converge. Otherwise the figures are RFM-based (`LifetimeEstimateMethod.rfmFallback`):
/// - P(alive) from the fixed recency score of the days since the last purchase: score 5…1 → 0.9, 0.7, 0.5, 0.3, 0.1;
/// - purchase rate per week = the customer's own x / T when x > 0, else the population's Σx / ΣT;
///   expected purchases = P(alive) × rate × horizon; next order in 1 / rate weeks;
/// - expected spend = the customer's mean order value (all purchase days) when positive, else the population's.
/// When only the Gamma-Gamma fit is unusable (q ≤ 1, no positive repeat spend), only the spend falls back.
public struct LifetimeValueModel: Codable, Sendable, Hashable {
    /// The BG/NBD fit, when one was possible.
    public var bgnbd: BGNBDFit?
    /// The Gamma-Gamma fit, when one was possible.
    public var gammaGamma: GammaGammaFit?
    /// The settings the estimates use.
    public var settings: LifetimeValueSettings
    /// Whether purchases and P(alive) come from the RFM-based fallback.
    public var usesPurchaseFallback: Bool
    /// Whether spend comes from the fallback.
    public var usesSpendFallback: Bool
    /// What a person should know about the fit (thin data, no convergence, …), in English.
    public var warnings: [String]
    /// Population purchase rate (repeat purchases per week of customer age), for the fallback.
    public var populationPurchaseRate: Double
    /// Population mean order value, for the fallback.
    public var populationOrderValue: Double

    /// Fits both models on the summaries and decides which estimates to trust.
    public static func fit(_ customers: [CustomerSummary], settings: LifetimeValueSettings = LifetimeValueSettings()) -> LifetimeValueModel {
        var warnings: [String] = []
        let repeaters = customers.count { $0.x > 0 }
        let totalAge = customers.reduce(0) { $0 + ($1.T.isFinite ? max($1.T, 0) : 0) }
        let totalRepeats = customers.reduce(0.0) { $0 + Double($1.x) }
        let rate = totalAge > 0 ? totalRepeats / totalAge : 0
        let values = customers.map(\.averageOrderAmount).filter { $0.isFinite && $0 > 0 }
        let orderValue = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        if customers.isEmpty { warnings.append("No customers in the calibration period: nothing to fit.") }
        let bg = repeaters > 0 ? BGNBDFit.fit(customers) : nil
        let gg = repeaters > 0 ? GammaGammaFit.fit(customers) : nil
        var purchaseFallback = false
        if !customers.isEmpty, repeaters < settings.minimumRepeatCustomers {
            purchaseFallback = true
            warnings.append(
                "Only \(repeaters) customer(s) bought more than once (fewer than \(settings.minimumRepeatCustomers)): "
                    + "the BG/NBD and Gamma-Gamma fits are not reliable, so the figures are RFM-based estimates.")
        } else if !customers.isEmpty, bg?.converged != true || bg?.parameters.isValid != true {
            purchaseFallback = true
            warnings.append("The BG/NBD fit did not converge: purchases and P(alive) are RFM-based estimates.")
        }
        var spendFallback = purchaseFallback
        if !purchaseFallback, gg?.converged != true || gg?.parameters.isValid != true {
            spendFallback = true
            warnings.append("The Gamma-Gamma fit did not converge or has q ≤ 1: spend is each customer's mean order value.")
        }
        return LifetimeValueModel(
            bgnbd: bg, gammaGamma: gg, settings: settings, usesPurchaseFallback: purchaseFallback, usesSpendFallback: spendFallback,
            warnings: warnings, populationPurchaseRate: rate, populationOrderValue: orderValue
        )
    }

    /// Lifetime-value figures for each customer, in input order; every number is finite.
    public func predict(_ customers: [CustomerSummary], calibrationEnd: Date) -> [CustomerLifetimeValue] {
        BatchMap.map(customers) { predict($0, calibrationEnd: calibrationEnd) }
    }

    /// Lifetime-value figures for one customer.
    public func predict(_ customer: CustomerSummary, calibrationEnd: Date) -> CustomerLifetimeValue {
        let horizon = settings.safeHorizon
        var alive: Double, purchases: Double, weeksToNext: Double?
        if !usesPurchaseFallback, let p = bgnbd?.parameters {
            alive = p.probabilityAlive(x: customer.x, tx: customer.tx, T: customer.T)
            purchases = p.expectedPurchases(inNext: horizon, x: customer.x, tx: customer.tx, T: customer.T)
            weeksToNext = p.expectedWeeksToNextPurchase(x: customer.x, T: customer.T)
        } else {
            let score = RFMThresholds.standard.recencyScore(days: Double(customer.daysSinceLastPurchase))
            alive = [0.1, 0.3, 0.5, 0.7, 0.9][score - 1]
            let rate = customer.x > 0 && customer.T > 0 ? Double(customer.x) / customer.T : populationPurchaseRate
            purchases = alive * rate * horizon
            weeksToNext = rate > 0 ? 1 / rate : nil
        }
        var spend: Double?
        if !usesSpendFallback, let g = gammaGamma?.parameters {
            spend = g.expectedAverageSpend(x: customer.x, averageRepeatAmount: customer.averageRepeatAmount)
        }
        if spend == nil {
            spend = customer.averageOrderAmount.isFinite && customer.averageOrderAmount > 0 ? customer.averageOrderAmount : populationOrderValue
        }
        alive = Self.finite(alive)
        purchases = Self.finite(purchases)
        let averageSpend = Self.finite(spend ?? 0)
        weeksToNext = weeksToNext.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
        let nextDate = weeksToNext.flatMap { alive >= 0.5 ? calibrationEnd.addingTimeInterval($0 * 7 * 86_400) : nil }
        return CustomerLifetimeValue(
            customerID: customer.customerID, x: customer.x, tx: Self.finite(customer.tx), T: Self.finite(customer.T),
            probabilityAlive: alive, expectedPurchases: purchases, expectedAverageSpend: averageSpend,
            clv: Self.finite(purchases * averageSpend * settings.discountFactor),
            expectedWeeksToNextOrder: weeksToNext, expectedNextOrderDate: nextDate,
            method: usesPurchaseFallback ? .rfmFallback : .model
        )
    }

    private static func finite(_ value: Double) -> Double {
        value.isFinite ? value : 0
    }
}
