import Foundation
import Storage

/// What a flow earns, measured: its holdout group against the rest, and its split variants. `null` where the flow has no
/// holdout or no split. See docs/flows.md, "Measuring a flow".
public struct FlowExperimentStats: Sendable, Codable, Equatable {
    /// One group (treatment, holdout) or one variant. A conversion is an entrant with an order (not cancelled) placed within
    /// the conversion window after entering; revenue is those orders' totals.
    public struct Group: Sendable, Codable, Equatable {
        /// The variant id; nil for the holdout and treatment groups.
        public var id: String?
        /// The variant's share of the split, in percent.
        public var weight: Double?
        public var entrants = 0
        public var sends = 0
        /// Entrants who opened (or clicked) at least one message, and who clicked at least one.
        public var opens = 0
        public var clicks = 0
        public var conversions = 0
        public var revenue = 0.0
        public var conversionRate: Double?
        public var revenuePerEntrant: Double?

        public init(id: String? = nil) { self.id = id }

        enum CodingKeys: String, CodingKey {
            case id, weight, entrants, sends, opens, clicks, conversions, revenue
            case conversionRate = "conversion_rate"
            case revenuePerEntrant = "revenue_per_entrant"
        }
    }

    /// The relative difference of conversion rates, treatment against holdout (0.14 for 14 %), with its interval.
    public struct Lift: Sendable, Codable, Equatable {
        public var estimate: Double
        public var low: Double
        public var high: Double
        public var confidence: Double
    }

    /// A split's decision: the winner new runs take, and the figures it was taken on.
    public struct Winner: Sendable, Codable, Equatable {
        public var variant: String
        /// `conversion`, `click`, `revenue`, or `manual`.
        public var metric: String
        public var test: String
        public var pValue: Double?
        public var confidence: Double?
        public var decidedBy: String
        public var decidedAt: String
        public var figures: [Group]

        enum CodingKeys: String, CodingKey {
            case variant, metric, test, confidence, figures
            case pValue = "p_value"
            case decidedBy = "decided_by"
            case decidedAt = "decided_at"
        }
    }

    /// The sentence for people, in both languages.
    public struct Sentence: Sendable, Codable, Equatable {
        public var en: String
        public var fr: String
    }

    public var conversionWindowDays: Double
    public var holdout: Group?
    public var treatment: Group?
    public var lift: Lift?
    public var variants: [Group]?
    public var winner: Winner?
    public var sentence: Sentence?

    public init(conversionWindowDays: Double) {
        self.conversionWindowDays = conversionWindowDays
    }
}

extension FlowExperimentStats.Group {
    mutating func add(_ cell: FlowExperimentCell) {
        entrants += cell.entrants
        sends += cell.sends
        opens += cell.openers
        clicks += cell.clickers
        conversions += cell.conversions
        revenue += cell.revenue
        finish()
    }

    mutating func finish() {
        conversionRate = entrants > 0 ? Double(conversions) / Double(entrants) : nil
        revenuePerEntrant = entrants > 0 ? revenue / Double(entrants) : nil
    }
}
