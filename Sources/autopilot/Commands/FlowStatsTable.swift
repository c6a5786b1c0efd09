import Engine
import Foundation

/// Flow analytics as readable text: one flow in detail (totals, then a line per step), or every flow on a line.
enum FlowStatsTable {
    static func flow(_ stats: FlowStats) -> [String] {
        var lines = ["\(stats.flow)\(stats.name.map { " — \($0)" } ?? "")  (\(period(stats)))"]
        let runs = stats.runs
        lines.append(
            "runs        started \(runs.started), active \(runs.active), completed \(runs.completed), "
                + "exited \(runs.exited)\(reasons(runs.exitedByReason))"
                + (runs.skipped > 0 ? ", skipped \(runs.skipped)\(reasons(runs.skippedByReason))" : ""))
        let messages = stats.messages
        lines.append(
            "messages    queued \(messages.queued), sent \(messages.sent), waiting \(messages.waiting), failed \(messages.failed), "
                + "skipped \(messages.skipped), blocked \(messages.blocked)\(reasons(messages.blockedByReason))")
        lines.append(
            "            delivered \(messages.delivered), opened \(messages.opened), clicked \(messages.clicked), replied \(messages.replied)")
        lines.append("attributed  \(stats.attributed.orders) orders, \(revenue(stats.attributed.revenue))")
        lines += experiment(stats.experiment)
        guard !stats.steps.isEmpty else { return lines }
        lines.append("")
        let header = [
            "step", "kind", "channel", "template", "active", "exited", "queued", "sent", "blocked", "opened", "clicked", "replied", "orders",
            "revenue",
        ]
        var rows = [header]
        for step in stats.steps {
            let counts = step.messages
            let numbers = [
                step.runs.active, step.runs.exited, counts.queued, counts.sent, counts.blocked, counts.opened, counts.clicked, counts.replied,
            ]
            rows.append(
                [step.step, step.kind ?? "-", step.channel ?? "-", step.template ?? "-"] + numbers.map(String.init)
                    + [String(step.attributed.orders), revenue(step.attributed.revenue)])
        }
        lines += table(rows, leftAligned: 4)
        let blocked = stats.steps.filter { !$0.messages.blockedByReason.isEmpty }
        let exits = stats.steps.filter { !$0.runs.exitedByReason.isEmpty }
        if !blocked.isEmpty || !exits.isEmpty { lines.append("") }
        lines += blocked.map { "blocked at \($0.step): " + reasons($0.messages.blockedByReason).dropFirst(2).dropLast() }
        lines += exits.map { "exited at \($0.step): " + reasons($0.runs.exitedByReason).dropFirst(2).dropLast() }
        return lines
    }

    static func overview(_ all: [FlowStats]) -> [String] {
        var rows = [["flow", "started", "active", "completed", "exited", "queued", "sent", "blocked", "opened", "clicked", "orders", "revenue"]]
        for stats in all {
            rows.append(
                [stats.flow]
                    + [
                        stats.runs.started, stats.runs.active, stats.runs.completed, stats.runs.exited, stats.messages.queued, stats.messages.sent,
                        stats.messages.blocked, stats.messages.opened, stats.messages.clicked, stats.attributed.orders,
                    ].map(String.init) + [revenue(stats.attributed.revenue)])
        }
        return ["Flow analytics (\(all.first.map(period) ?? "all time"))", ""] + table(rows, leftAligned: 1)
    }

    static func period(_ stats: FlowStats) -> String {
        switch (stats.from, stats.until) {
        case (nil, nil): "all time"
        case (let from?, nil): "from \(from)"
        case (nil, let until?): "until \(until)"
        case (let from?, let until?): "\(from) → \(until)"
        }
    }

    /// ` (order_placed 3, unsubscribed 1)`, most frequent first; empty when there are none.
    static func reasons(_ counts: [String: Int]) -> String {
        guard !counts.isEmpty else { return "" }
        let sorted = counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        return " (" + sorted.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
    }

    static func revenue(_ amounts: [String: Double]) -> String {
        guard !amounts.isEmpty else { return "0" }
        return amounts.keys.sorted().map { String(format: "%.2f", amounts[$0] ?? 0) + ($0.isEmpty ? "" : " \($0)") }.joined(separator: " + ")
    }

    /// Columns padded to their widest cell; the first `leftAligned` columns to the left, numbers to the right.
    static func table(_ rows: [[String]], leftAligned: Int) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: max(widths[column] - cell.count, 0))
                return column < leftAligned ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
    }

    /// The holdout comparison, the variants and the split's decision, one line each.
    static func experiment(_ experiment: FlowExperimentStats?) -> [String] {
        guard let experiment else { return [] }
        var lines: [String] = []
        func line(_ label: String, _ group: FlowExperimentStats.Group) -> String {
            let rate = group.conversionRate.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
            let perEntrant = group.revenuePerEntrant.map { String(format: "%.2f", $0) } ?? "-"
            return "\(label.padding(toLength: 12, withPad: " ", startingAt: 0))entrants \(group.entrants), sends \(group.sends), opens \(group.opens), "
                + "clicks \(group.clicks), conversions \(group.conversions) (\(rate)), revenue \(String(format: "%.2f", group.revenue)) "
                + "(\(perEntrant) per entrant)"
        }
        if let treatment = experiment.treatment { lines.append(line("treatment", treatment)) }
        if let holdout = experiment.holdout { lines.append(line("holdout", holdout)) }
        if let sentence = experiment.sentence { lines.append("lift        " + sentence.en) }
        for variant in experiment.variants ?? [] { lines.append(line("variant \(variant.id ?? "?")", variant)) }
        if let winner = experiment.winner {
            lines.append("winner      \(winner.variant) (\(winner.metric), decided by \(winner.decidedBy) at \(winner.decidedAt))")
        }
        return lines
    }
}
