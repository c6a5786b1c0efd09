import AutopilotCore
import Foundation

/// Which flow, period and conversion window an experiment read covers.
public struct FlowExperimentQuery: Sendable, Hashable {
    public var tenantID: String
    public var flowID: String
    /// Runs that entered at or after `from` and before `until` (nil: all time).
    public var from: Date?
    public var until: Date?
    /// An order placed within this long after a run entered counts as its conversion.
    public var conversionWindow: TimeInterval

    public init(tenantID: String, flowID: String, from: Date? = nil, until: Date? = nil, conversionWindow: TimeInterval) {
        self.tenantID = tenantID
        self.flowID = flowID
        self.from = from
        self.until = until
        self.conversionWindow = conversionWindow
    }
}

/// A flow's entrants by holdout group and variant, aggregated by the database (one row per group and variant).
public struct FlowExperimentRecord: Sendable, Hashable {
    public struct Cell: Sendable, Hashable {
        /// `treatment` or `holdout` (runs of flows without a holdout are treatment).
        public var group: String
        /// The variant the runs took; nil for runs that never reached a split.
        public var variant: String?
        /// Runs that entered (skipped runs excluded).
        public var entrants = 0
        public var sends = 0
        /// Entrants with at least one opened (or clicked) message, and with at least one click.
        public var openers = 0
        public var clickers = 0
        /// Entrants with at least one order in the window, and those orders' totals (sum, and sum of squares per entrant).
        public var conversions = 0
        public var revenue = 0.0
        public var revenueSquares = 0.0

        public init(group: String, variant: String?) {
            self.group = group
            self.variant = variant
        }
    }

    public var cells: [Cell]

    public init(cells: [Cell]) {
        self.cells = cells
    }
}

/// A split's decided winner as stored.
public struct SplitDecisionRecord: Sendable, Hashable {
    public var tenantID: String
    public var flowID: String
    public var winner: String
    /// `conversion`, `click`, `revenue`, or `manual` when a person ended the test.
    public var metric: String
    /// `z_test`, `welch_t_test` or `manual`.
    public var test: String
    public var pValue: Double?
    public var confidence: Double?
    /// The per-variant figures the decision was taken on, as a JSON array text.
    public var figures: String
    /// `auto`, or who ended the test by hand.
    public var decidedBy: String
    public var decidedAt: Date

    public init(
        tenantID: String, flowID: String, winner: String, metric: String, test: String, pValue: Double?, confidence: Double?, figures: String,
        decidedBy: String, decidedAt: Date
    ) {
        self.tenantID = tenantID
        self.flowID = flowID
        self.winner = winner
        self.metric = metric
        self.test = test
        self.pValue = pValue
        self.confidence = confidence
        self.figures = figures
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }

    static let columns = ["tenant_id", "flow_id", "winner", "metric", "test", "p_value", "confidence", "figures", "decided_by", "decided_at"]

    var values: [SQLValue] {
        [
            .text(tenantID), .text(flowID), .text(winner), .text(metric), .text(test), .double(pValue), .double(confidence), .text(figures),
            .text(decidedBy), .date(decidedAt),
        ]
    }

    init(row: SQLRow) {
        self.init(
            tenantID: row.text(0) ?? "", flowID: row.text(1) ?? "", winner: row.text(2) ?? "", metric: row.text(3) ?? "", test: row.text(4) ?? "",
            pValue: row.double(5), confidence: row.double(6), figures: row.text(7) ?? "[]", decidedBy: row.text(8) ?? "",
            decidedAt: row.date(9) ?? .distantPast)
    }
}

/// Holdout groups, split variants and their decisions.
public protocol FlowExperimentStore: Sendable {
    /// Entrants, engagement and conversions of one flow by group and variant.
    func flowExperiment(_ query: FlowExperimentQuery) async throws -> FlowExperimentRecord
    func splitDecisions(tenantID: String) async throws -> [SplitDecisionRecord]
    /// Records a decision unless the flow already has one; true when this call recorded it.
    @discardableResult
    func recordSplitDecision(_ decision: SplitDecisionRecord) async throws -> Bool
}
