/// How much each signal adds to churn risk (the defaults are documented in docs/scoring.md). Risk is the sum of the
/// contributions, clamped to [0, 1].
public struct ChurnWeights: Codable, Sendable, Hashable {
    /// × (5 − R) / 4.
    public var recencyScore: Double
    /// × (5 − F) / 4.
    public var frequencyScore: Double
    /// × (5 − M) / 4.
    public var monetaryScore: Double
    /// × min(1, (overdue ratio − 1) / 2) when the ratio of days since the last order to the usual interval exceeds 1
    /// (full weight at 3× the usual interval).
    public var overdue: Double
    /// The interval a single-order customer is compared with, in days (there is no usual interval yet).
    public var singleOrderReferenceDays: Double
    /// × decline, when orders in the recent window fell by more than `declineThreshold` against the previous one.
    public var orderDecline: Double
    /// × decline of e-mail opens, beyond `declineThreshold`.
    public var emailOpenDecline: Double
    /// × decline of e-mail clicks, beyond `declineThreshold`.
    public var emailClickDecline: Double
    /// A decline (1 − recent / previous) counts only above this share (0.5: "decline > 50 %").
    public var declineThreshold: Double
    /// Per recent support ticket, up to `supportTicketCap` tickets.
    public var supportTicket: Double
    public var supportTicketCap: Int

    /// Creates weights; the defaults sum to just over 1 at most, so a customer failing every signal is at 1.
    public init(
        recencyScore: Double = 0.20, frequencyScore: Double = 0.10, monetaryScore: Double = 0.05, overdue: Double = 0.30,
        singleOrderReferenceDays: Double = 90, orderDecline: Double = 0.15, emailOpenDecline: Double = 0.07,
        emailClickDecline: Double = 0.08, declineThreshold: Double = 0.5, supportTicket: Double = 0.05, supportTicketCap: Int = 2
    ) {
        self.recencyScore = recencyScore
        self.frequencyScore = frequencyScore
        self.monetaryScore = monetaryScore
        self.overdue = overdue
        self.singleOrderReferenceDays = singleOrderReferenceDays
        self.orderDecline = orderDecline
        self.emailOpenDecline = emailOpenDecline
        self.emailClickDecline = emailClickDecline
        self.declineThreshold = declineThreshold
        self.supportTicket = supportTicket
        self.supportTicketCap = supportTicketCap
    }

    /// The documented defaults.
    public static let standard = ChurnWeights()
}
