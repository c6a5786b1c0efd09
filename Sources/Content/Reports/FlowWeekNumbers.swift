import AutopilotCore
import Foundation

/// One flow's numbers for one week, from `FlowAnalytics` in Engine (runs started, messages queued and orders placed in the week).
public struct FlowWeekNumbers: Sendable, Hashable {
    public var runsStarted = 0
    public var runsCompleted = 0
    public var runsExited = 0
    public var sent = 0
    public var delivered = 0
    public var opened = 0
    public var clicked = 0
    public var replied = 0
    public var failed = 0
    public var attributedOrders = 0
    /// Attributed revenue in the report currency (orders without a currency count in it).
    public var revenue = 0.0
    /// Attributed revenue in other currencies, left out of the ROI.
    public var otherRevenue: [String: Double] = [:]
    /// Sent messages by channel (`email`, `sms`, `whatsapp`; `unknown` for a step since removed).
    public var sentByChannel: [String: Int] = [:]

    public init() {}

    /// Adds another flow's (or week's) numbers to these.
    public mutating func add(_ other: FlowWeekNumbers) {
        runsStarted += other.runsStarted
        runsCompleted += other.runsCompleted
        runsExited += other.runsExited
        sent += other.sent
        delivered += other.delivered
        opened += other.opened
        clicked += other.clicked
        replied += other.replied
        failed += other.failed
        attributedOrders += other.attributedOrders
        revenue += other.revenue
        for (code, amount) in other.otherRevenue { otherRevenue[code, default: 0] += amount }
        for (channel, count) in other.sentByChannel { sentByChannel[channel, default: 0] += count }
    }

    /// Clicked ÷ sent, 0 when nothing was sent.
    public var clickRate: Double { sent > 0 ? Double(clicked) / Double(sent) : 0 }

    package var jsonValue: JSONValue {
        [
            "runs_started": .int(Int64(runsStarted)), "runs_completed": .int(Int64(runsCompleted)), "runs_exited": .int(Int64(runsExited)),
            "sent": .int(Int64(sent)), "delivered": .int(Int64(delivered)), "opened": .int(Int64(opened)), "clicked": .int(Int64(clicked)),
            "replied": .int(Int64(replied)), "failed": .int(Int64(failed)), "attributed_orders": .int(Int64(attributedOrders)),
            "revenue": .double(ReportMoney.rounded(revenue)),
            "other_revenue": .object(JSONObject(otherRevenue.sorted { $0.key < $1.key }.map { ($0.key, .double(ReportMoney.rounded($0.value))) })),
            "sent_by_channel": .object(JSONObject(sentByChannel.sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) })),
        ]
    }
}

/// Return on investment for a flow or the total: attributed revenue against message and model costs.
public struct FlowROI: Sendable, Hashable {
    public var revenue: Double
    public var messageCost: Double
    public var modelCost: Double

    public init(revenue: Double, messageCost: Double, modelCost: Double) {
        self.revenue = revenue
        self.messageCost = messageCost
        self.modelCost = modelCost
    }

    public var cost: Double { messageCost + modelCost }
    /// Revenue minus costs.
    public var net: Double { revenue - cost }
    /// Revenue ÷ costs; nil when nothing was spent.
    public var ratio: Double? { cost > 0 ? revenue / cost : nil }

    package var jsonValue: JSONValue {
        [
            "revenue": .double(ReportMoney.rounded(revenue)), "message_cost": .double(ReportMoney.rounded(messageCost)),
            "model_cost": .double(ReportMoney.rounded(modelCost)), "cost": .double(ReportMoney.rounded(cost)),
            "net": .double(ReportMoney.rounded(net)),
            "roi": ratio.map { .double(($0 * 100).rounded() / 100) } ?? .null,
        ]
    }
}

/// Rounding of amounts in reports.
package enum ReportMoney {
    /// To the hundredth of a cent (costs of single messages are fractions of a cent).
    package static func rounded(_ amount: Double) -> Double {
        amount.isFinite ? (amount * 10_000).rounded() / 10_000 : 0
    }

    package static func text(_ amount: Double, _ currency: String) -> String {
        String(format: "%.2f", amount.isFinite ? amount : 0) + " " + currency
    }
}
