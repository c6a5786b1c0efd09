import Content

extension FlowWeekNumbers {
    /// One flow's numbers from its `FlowStats`; revenue in `currency` (or without one) counts, the rest goes apart.
    init(_ stats: FlowStats, currency: String) {
        self.init()
        runsStarted = stats.runs.started
        runsCompleted = stats.runs.completed
        runsExited = stats.runs.exited
        sent = stats.messages.sent
        delivered = stats.messages.delivered
        opened = stats.messages.opened
        clicked = stats.messages.clicked
        replied = stats.messages.replied
        failed = stats.messages.failed
        attributedOrders = stats.attributed.orders
        for (code, amount) in stats.attributed.revenue where amount.isFinite {
            if code == currency || code.isEmpty { revenue += amount } else { otherRevenue[code, default: 0] += amount }
        }
        for step in stats.steps where step.messages.sent > 0 { sentByChannel[step.channel ?? "unknown", default: 0] += step.messages.sent }
    }
}
