import Foundation

extension WeeklyReport {
    /// The report as readable text: summary, the flow table against the previous week, ROI lines, insights,
    /// recommendations, alerts, and who wrote the prose.
    public var text: String {
        let french = language == .french
        var lines = [
            (french ? "Rapport hebdomadaire" : "Weekly report") + " — \(week.firstDay) → \(week.weekEnding) "
                + (french
                    ? "(semaine précédente \(week.previous.firstDay) → \(week.previous.weekEnding))"
                    : "(previous week \(week.previous.firstDay) → \(week.previous.weekEnding))"),
            "", french ? "Résumé" : "Executive summary", "  " + prose.executiveSummary, "",
        ]
        lines.append(Self.row(["flow", "sent", "Δ", "clicks", "Δ", "orders", "Δ", "revenue", "Δ", "cost", "ROI"]))
        for line in flows + [total] { lines.append(Self.row(Self.cells(line))) }
        lines += ["", french ? "ROI par flow (\(currency))" : "ROI per flow (\(currency))"]
        for line in flows + [total] {
            let roi = line.roi
            let ratio = roi.ratio.map { String(format: "%.1f×", $0) } ?? "—"
            lines.append(
                "  \(line.name): " + (french ? "revenu" : "revenue") + " \(Self.money(roi.revenue)) − messages \(Self.money(roi.messageCost)) − "
                    + (french ? "modèles" : "models") + " \(Self.money(roi.modelCost)) = net \(Self.money(roi.net)) (ROI \(ratio))")
            if let sentence = line.liftSentence { lines.append("    " + sentence) }
        }
        if !otherModelCosts.isEmpty {
            let parts = otherModelCosts.sorted { $0.key < $1.key }.map { "\($0.key) \(Self.money($0.value))" }
            lines.append("  " + (french ? "autres usages des modèles : " : "other model use: ") + parts.joined(separator: ", "))
        }
        lines += ["", french ? "Points clés" : "Top insights"] + prose.insights.map { "  - " + $0 }
        lines += ["", french ? "Recommandations" : "Recommendations"] + prose.recommendations.map { "  - " + $0 }
        lines += ["", french ? "Alertes" : "Alerts"]
        lines += alerts.isEmpty ? ["  " + (french ? "aucune" : "none")] : alerts.map { "  [\($0.severity)] \($0.message)" }
        lines += ["", (french ? "Texte écrit par " : "Prose written by ") + "\(provider) (\(model))" + (offlineReason.map { " — \($0)" } ?? "")]
        return lines.joined(separator: "\n")
    }

    private static func cells(_ line: FlowLine) -> [String] {
        let now = line.current
        let before = line.previous
        return [
            line.flow, "\(now.sent)", signed(now.sent - before.sent), "\(now.clicked)", signed(now.clicked - before.clicked),
            "\(now.attributedOrders)", signed(now.attributedOrders - before.attributedOrders), money(now.revenue),
            signedMoney(now.revenue - before.revenue), money(line.roi.cost),
            line.roi.ratio.map { String(format: "%.1f×", $0) } ?? "—",
        ]
    }

    private static func row(_ cells: [String]) -> String {
        let widths = [26, 6, 6, 7, 6, 7, 6, 10, 10, 9, 8]
        return cells.enumerated().map { index, cell in
            let width = index < widths.count ? widths[index] : 8
            let padding = String(repeating: " ", count: max(0, width - cell.count))
            return index == 0 ? cell + padding : padding + cell
        }.joined(separator: " ")
    }

    private static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
    private static func signedMoney(_ value: Double) -> String { (value > 0 ? "+" : "") + money(value) }
    private static func money(_ value: Double) -> String { String(format: "%.2f", value.isFinite ? value : 0) }
}
