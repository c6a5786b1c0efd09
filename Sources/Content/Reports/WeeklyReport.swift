import AutopilotCore
import Foundation

/// The weekly report (seed 003): an executive summary, a table per flow against the previous week with an ROI line
/// each, top insights, recommendations and alerts. Numbers come from the database; prose from the gateway (offline:
/// templated from the numbers), with who wrote it.
public struct WeeklyReport: Sendable, Hashable {
    /// One flow's line.
    public struct FlowLine: Sendable, Hashable {
        public var flow: String
        public var name: String
        /// `live`, `off` or `paused`.
        public var state: String
        public var current: FlowWeekNumbers
        public var previous: FlowWeekNumbers
        public var roi: FlowROI
        /// The flow's holdout comparison and split variants over the week (docs/flows.md, "Measuring a flow"); null when it has
        /// neither.
        public var experiment: JSONValue = .null
        /// The measured lift in plain words, in the report's language.
        public var liftSentence: String?

        public init(flow: String, name: String, state: String, current: FlowWeekNumbers, previous: FlowWeekNumbers, roi: FlowROI) {
            self.flow = flow
            self.name = name
            self.state = state
            self.current = current
            self.previous = previous
            self.roi = roi
        }
    }

    /// Something a person should look at.
    public struct Alert: Sendable, Hashable {
        /// `flow_paused`, `failed_messages`, `revenue_drop`, `budget_warning`, `budget_exceeded`.
        public var kind: String
        /// `warning` or `critical`.
        public var severity: String
        public var flow: String?
        public var message: String

        public init(kind: String, severity: String, flow: String?, message: String) {
            self.kind = kind
            self.severity = severity
            self.flow = flow
            self.message = message
        }
    }

    /// Customer insights at the end of each week.
    public struct Insights: Sendable, Hashable {
        public var customers = 0
        public var segments: [String: Int] = [:]
        public var previousSegments: [String: Int] = [:]
        /// Customers whose churn band is high or worse.
        public var atRisk = 0
        public var previousAtRisk = 0
        /// Pending recommendations, highest priority first (at most 3): contact, action, reason, priority.
        public var topRecommendations: [JSONValue] = []
        public var pendingRecommendations = 0

        public init() {}
    }

    /// The prose: an executive summary, insights and recommendations as sentences.
    public struct Prose: Sendable, Hashable {
        public var executiveSummary: String
        public var insights: [String]
        public var recommendations: [String]

        public init(executiveSummary: String, insights: [String], recommendations: [String]) {
            self.executiveSummary = executiveSummary
            self.insights = insights
            self.recommendations = recommendations
        }
    }

    public var tenantID: String
    public var week: ReportWeek
    public var language: ContentLanguage
    public var currency: String
    public var flows: [FlowLine]
    public var total: FlowLine
    /// Model costs of features not tied to a flow (blog articles, template drafts, this report…), by feature, report currency.
    public var otherModelCosts: [String: Double]
    public var insights: Insights
    public var alerts: [Alert]
    public var prose: Prose
    public var provider: String
    public var model: String
    public var offlineReason: String?

    public init(
        tenantID: String, week: ReportWeek, language: ContentLanguage, currency: String, flows: [FlowLine], total: FlowLine,
        otherModelCosts: [String: Double], insights: Insights, alerts: [Alert], prose: Prose, provider: String, model: String,
        offlineReason: String? = nil
    ) {
        self.tenantID = tenantID
        self.week = week
        self.language = language
        self.currency = currency
        self.flows = flows
        self.total = total
        self.otherModelCosts = otherModelCosts
        self.insights = insights
        self.alerts = alerts
        self.prose = prose
        self.provider = provider
        self.model = model
        self.offlineReason = offlineReason
    }

    /// The stable JSON object documented in docs/reports.md.
    public var jsonObject: JSONObject {
        var object = numbersDocument
        object["summary"] = [
            "executive_summary": .string(prose.executiveSummary), "insights": .array(prose.insights.map(JSONValue.string)),
            "recommendations": .array(prose.recommendations.map(JSONValue.string)),
        ]
        object["provider"] = .string(provider)
        object["model"] = .string(model)
        object["offline_reason"] = offlineReason.map(JSONValue.string) ?? .null
        return object
    }

    /// Everything but the prose: what the model (or the offline template) writes the prose from.
    package var numbersDocument: JSONObject {
        var object: JSONObject = [
            "report": "weekly", "tenant_id": .string(tenantID), "language": .string(language.rawValue), "week": week.jsonValue,
            "previous_week": week.previous.jsonValue, "currency": .string(currency),
        ]
        object["totals"] = Self.lineValue(total)
        object["flows"] = .array(flows.map(Self.lineValue))
        object["other_model_costs"] = .object(
            JSONObject(otherModelCosts.sorted { $0.key < $1.key }.map { ($0.key, .double(ReportMoney.rounded($0.value))) }))
        object["insights"] = [
            "customers": .int(Int64(insights.customers)),
            "segments": .object(
                JSONObject(
                    Set(insights.segments.keys).union(insights.previousSegments.keys).sorted().map { name in
                        (name, ["current": .int(Int64(insights.segments[name] ?? 0)), "previous": .int(Int64(insights.previousSegments[name] ?? 0))])
                    })),
            "churn_risk": ["at_risk": .int(Int64(insights.atRisk)), "previous_at_risk": .int(Int64(insights.previousAtRisk))],
            "pending_recommendations": .int(Int64(insights.pendingRecommendations)),
            "top_recommendations": .array(insights.topRecommendations),
        ]
        object["alerts"] = .array(
            alerts.map { alert in
                [
                    "kind": .string(alert.kind), "severity": .string(alert.severity), "flow": alert.flow.map(JSONValue.string) ?? .null,
                    "message": .string(alert.message),
                ]
            })
        return object
    }

    private static func lineValue(_ line: FlowLine) -> JSONValue {
        guard line.experiment != .null, case .object(var object) = plainLineValue(line) else { return plainLineValue(line) }
        object["experiment"] = line.experiment
        return .object(object)
    }

    private static func plainLineValue(_ line: FlowLine) -> JSONValue {
        [
            "flow": .string(line.flow), "name": .string(line.name), "state": .string(line.state), "current": line.current.jsonValue,
            "previous": line.previous.jsonValue,
            "change": [
                "sent": .int(Int64(line.current.sent - line.previous.sent)),
                "clicked": .int(Int64(line.current.clicked - line.previous.clicked)),
                "attributed_orders": .int(Int64(line.current.attributedOrders - line.previous.attributedOrders)),
                "revenue": .double(ReportMoney.rounded(line.current.revenue - line.previous.revenue)),
            ],
            "roi": line.roi.jsonValue,
        ]
    }
}
