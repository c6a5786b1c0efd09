import AutopilotCore
import Foundation
import LLM

/// The report's prose written without a language model: sentences built from the numbers document, in French or
/// English. Deterministic: the same numbers give the same text.
package enum WeeklyReportOffline {
    package static let responder = OfflineResponder { request in
        guard let document = try? JSONValue.parse(request.lastUserText), document["report"] == "weekly" else { return nil }
        let prose = prose(document)
        return .json([
            "executive_summary": .string(prose.executiveSummary), "insights": .array(prose.insights.map(JSONValue.string)),
            "recommendations": .array(prose.recommendations.map(JSONValue.string)),
        ])
    }

    package static func prose(_ document: JSONValue) -> WeeklyReport.Prose {
        let french = document["language"] == "fr"
        let currency = document["currency"]?.stringValue ?? ""
        let totals = document["totals"]
        let now = totals?["current"]
        let change = totals?["change"]
        func money(_ value: JSONValue?) -> String { String(format: "%.2f", value?.doubleValue ?? 0) + " " + currency }
        func signed(_ value: JSONValue?, money: Bool = false) -> String {
            let number = value?.doubleValue ?? 0
            let text = money ? String(format: "%.2f", abs(number)) : String(Int(exactly: abs(number).rounded()) ?? 0)
            return (number < 0 ? "−" : "+") + text
        }
        let first = document["week"]?["first_day"]?.stringValue ?? ""
        let last = document["week"]?["week_ending"]?.stringValue ?? ""
        let roi = totals?["roi"]
        let alerts = document["alerts"]?.arrayValue ?? []
        var summary: String
        if french {
            summary =
                "Semaine du \(first) au \(last) : \(count(now?["sent"])) messages envoyés "
                + "(\(signed(change?["sent"])) sur la semaine précédente), "
                + "\(count(now?["clicked"])) clics, \(count(now?["attributed_orders"])) commandes attribuées pour \(money(now?["revenue"])) "
                + "(\(signed(change?["revenue"], money: true))). Coûts : \(money(roi?["cost"])) (messages \(money(roi?["message_cost"])), "
                + "modèles \(money(roi?["model_cost"])))"
            summary += roi?["roi"]?.doubleValue.map { String(format: ", soit %.1f fois la dépense en retour.", $0) } ?? ", rien n'a été dépensé."
            summary += alerts.isEmpty ? " Aucune alerte cette semaine." : " \(alerts.count) alerte(s) à examiner."
        } else {
            summary =
                "Week of \(first) to \(last): \(count(now?["sent"])) messages sent (\(signed(change?["sent"])) on the previous week), "
                + "\(count(now?["clicked"])) clicks, \(count(now?["attributed_orders"])) attributed orders worth \(money(now?["revenue"])) "
                + "(\(signed(change?["revenue"], money: true))). Costs: \(money(roi?["cost"])) (messages \(money(roi?["message_cost"])), "
                + "models \(money(roi?["model_cost"])))"
            summary += roi?["roi"]?.doubleValue.map { String(format: ", a return of %.1f times the spend.", $0) } ?? "; nothing was spent."
            summary += alerts.isEmpty ? " No alert this week." : " \(alerts.count) alert(s) need attention."
        }
        return WeeklyReport.Prose(
            executiveSummary: summary, insights: insights(document, french: french, money: money, signed: { signed($0) }),
            recommendations: recommendations(document, french: french))
    }

    private static func count(_ value: JSONValue?) -> Int {
        Int(value?.intValue ?? 0)
    }

    private static func insights(
        _ document: JSONValue, french: Bool, money: (JSONValue?) -> String, signed: (JSONValue?) -> String
    ) -> [String] {
        var lines: [String] = []
        let flows = document["flows"]?.arrayValue ?? []
        if let best = flows.filter({ ($0["current"]?["revenue"]?.doubleValue ?? 0) > 0 })
            .max(by: { ($0["current"]?["revenue"]?.doubleValue ?? 0) < ($1["current"]?["revenue"]?.doubleValue ?? 0) })
        {
            let name = best["name"]?.stringValue ?? ""
            let orders = count(best["current"]?["attributed_orders"])
            lines.append(
                french
                    ? "\(name) rapporte le plus : \(money(best["current"]?["revenue"])) pour \(orders) commande(s)."
                    : "\(name) brought the most revenue: \(money(best["current"]?["revenue"])) from \(orders) order(s).")
        } else {
            lines.append(french ? "Aucune commande attribuée aux flows cette semaine." : "No order was attributed to a flow this week.")
        }
        if let engaged = flows.filter({ count($0["current"]?["sent"]) > 0 }).max(by: { rate($0) < rate($1) }) {
            lines.append(
                french
                    ? "Meilleur taux de clic : \(engaged["name"]?.stringValue ?? "") (\(percent(rate(engaged))))."
                    : "Best click rate: \(engaged["name"]?.stringValue ?? "") (\(percent(rate(engaged)))).")
        }
        let churn = document["insights"]?["churn_risk"]
        let atRisk = count(churn?["at_risk"])
        let riskChange: JSONValue = .int(Int64(atRisk - count(churn?["previous_at_risk"])))
        lines.append(
            french
                ? "\(atRisk) client(s) à risque de départ élevé (\(signed(riskChange)) sur la semaine)."
                : "\(atRisk) customer(s) at high churn risk (\(signed(riskChange)) over the week).")
        let segments = document["insights"]?["segments"]?.objectValue.map { Array($0) } ?? []
        let moves = segments.map { segment in
            (name: segment.key, current: count(segment.value["current"]), change: count(segment.value["current"]) - count(segment.value["previous"]))
        }
        let moved = moves.filter { $0.change != 0 }
        if let move = moved.max(by: { abs($0.change) == abs($1.change) ? $0.name > $1.name : abs($0.change) < abs($1.change) }) {
            let delta = signed(.int(Int64(move.change)))
            lines.append(
                french
                    ? "Segment \(move.name) : \(move.current) client(s) (\(delta))."
                    : "Segment \(move.name): \(move.current) customer(s) (\(delta)).")
        }
        return lines
    }

    private static func recommendations(_ document: JSONValue, french: Bool) -> [String] {
        var lines: [String] = []
        let flows = document["flows"]?.arrayValue ?? []
        func name(_ flow: String?) -> String {
            flows.first { $0["flow"]?.stringValue == flow }?["name"]?.stringValue ?? flow ?? ""
        }
        for alert in document["alerts"]?.arrayValue ?? [] {
            let flow = name(alert["flow"]?.stringValue)
            switch alert["kind"]?.stringValue {
            case "flow_paused"?:
                lines.append(french ? "Vérifier puis relancer le flow \(flow)." : "Check and resume flow \(flow).")
            case "failed_messages"?:
                lines.append(
                    french
                        ? "Vérifier les réglages d'envoi du flow \(flow) : des messages ont échoué."
                        : "Check the sending settings of flow \(flow): messages failed.")
            case "budget_warning"?, "budget_exceeded"?:
                lines.append(
                    french
                        ? "Revoir le budget des modèles ou réduire les textes personnalisés."
                        : "Review the model budget or personalise fewer messages.")
            default: break
            }
        }
        for flow in flows where count(flow["current"]?["sent"]) >= 5 && count(flow["current"]?["clicked"]) == 0 {
            let flowName = flow["name"]?.stringValue ?? ""
            lines.append(
                french
                    ? "Retravailler les messages du flow \(flowName) : aucun clic cette semaine."
                    : "Rework the messages of flow \(flowName): no click this week.")
        }
        let atRisk = count(document["insights"]?["churn_risk"]?["at_risk"])
        if atRisk > 0 {
            lines.append(
                french
                    ? "Proposer un message de reconquête aux \(atRisk) client(s) à risque."
                    : "Send a win-back message to the \(atRisk) customer(s) at risk.")
        }
        let pending = count(document["insights"]?["pending_recommendations"])
        if pending > 0, let top = document["insights"]?["top_recommendations"]?[0] {
            let who = top["contact"]?.stringValue ?? ""
            let action = top["action"]?.stringValue ?? ""
            lines.append(
                french
                    ? "Examiner les \(pending) recommandation(s) en attente, à commencer par \(who) (\(action))."
                    : "Review the \(pending) pending recommendation(s), starting with \(who) (\(action)).")
        }
        if lines.isEmpty {
            lines.append(
                french
                    ? "Laisser les flows tourner tels quels et comparer la semaine prochaine."
                    : "Keep the flows running as they are and compare next week.")
        }
        return lines
    }

    private static func rate(_ flow: JSONValue) -> Double {
        let sent = Double(count(flow["current"]?["sent"]))
        return sent > 0 ? Double(count(flow["current"]?["clicked"])) / sent : 0
    }

    private static func percent(_ value: Double) -> String {
        String(format: "%.1f %%", value * 100)
    }
}
