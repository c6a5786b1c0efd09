import AutopilotCore
import LLM
import Scoring

/// Plain sentences, in French or English, written from a tool's result: what the offline assistant answers once a tool
/// ran (or was declined, or failed).
enum OfflineReplies {
    static func reply(to result: LLMMessage, call: LLMToolCall?, language: ScoringLocale) -> String {
        let words = OfflineWording.of(language)
        let tool = result.toolName ?? call?.name ?? ""
        if result.isError {
            if result.content.hasPrefix("The user declined") || result.content.hasPrefix("The user wrote a new message") {
                return words.declined
            }
            return words.failed(tool, result.content)
        }
        guard let value = try? JSONParser.parse(result.content) else { return result.content }
        let french = language == .french
        switch tool {
        case "create_template_draft": return draft(value, french: french)
        case "list_recommendations": return followUps(value, french: french)
        case "find_contact": return ContactReply.text(value, french: french)
        case "check_order_status": return order(value, french: french)
        case "flow_stats": return FlowReply.stats(value, french: french)
        case "list_flows": return FlowReply.list(value, french: french)
        case "weekly_report": return report(value, french: french)
        default:
            let text = value.jsonString
            return (french ? "Résultat : " : "Result: ") + (text.count > 600 ? String(text.prefix(600)) + "…" : text)
        }
    }

    static func draft(_ value: JSONValue, french: Bool) -> String {
        let template = value["template"]
        let name = template?["name"]?.stringValue ?? template?["id"]?.stringValue ?? "?"
        let channel = template?["channel"]?.stringValue ?? "email"
        let problems = value["assistant"]?["problems"]?.arrayValue?.count ?? 0
        var text = french
            ? "C'est fait : le brouillon « \(name) » (\(channel)) est enregistré. Il reste inactif tant que personne ne l'active : relisez-le dans Modèles."
            : "Done: the draft \"\(name)\" (\(channel)) is saved. It stays inactive until someone activates it: review it in Templates."
        if problems > 0 {
            text += french ? " \(problems) point(s) à corriger avant de pouvoir l'activer." : " \(problems) point(s) to fix before it can be activated."
        }
        return text
    }

    static func followUps(_ value: JSONValue, french: Bool) -> String {
        let items = value["recommendations"]?.arrayValue ?? []
        let total = value["total"]?.intValue.map { Int($0) } ?? items.count
        guard !items.isEmpty else { return french ? "Aucune relance en attente aujourd'hui." : "No follow-up waiting today." }
        var lines = [french ? "\(total) relance(s) en attente aujourd'hui, les plus utiles d'abord :" : "\(total) follow-up(s) waiting today, most valuable first:"]
        for (index, item) in items.prefix(5).enumerated() {
            let who = item["contact_name"]?.stringValue ?? item["contact"]?.stringValue ?? "?"
            let action = item["action"]?.stringValue ?? ""
            let channel = item["channel"]?.stringValue ?? ""
            let why = item["why"]?.stringValue ?? item["reason"]?.stringValue ?? ""
            lines.append("\(index + 1). \(who) — \(action) (\(channel)) : \(why)")
        }
        if total > 5 { lines.append(french ? "… et \(total - 5) autre(s) dans Aujourd'hui." : "… and \(total - 5) more in Today.") }
        return lines.joined(separator: "\n")
    }

    static func order(_ value: JSONValue, french: Bool) -> String {
        let order = value["order"]
        let id = order?["order_id"]?.stringValue ?? "?"
        let status = order?["status"]?.stringValue ?? "?"
        let statusWords: [String: (String, String)] = [
            "pending": ("en attente", "pending"), "placed": ("passée, pas encore expédiée", "placed, not shipped yet"),
            "fulfilled": ("expédiée", "shipped"), "delivered": ("livrée", "delivered"), "cancelled": ("annulée", "cancelled"),
            "refunded": ("remboursée", "refunded"),
        ]
        let said = statusWords[status].map { french ? $0.0 : $0.1 } ?? status
        var text = french ? "La commande \(id) est \(said)." : "Order \(id) is \(said)."
        if let number = order?["tracking_number"]?.stringValue {
            let carrier = order?["carrier"]?.stringValue.map { " (\($0))" } ?? ""
            text += french ? " Suivi : \(number)\(carrier)" : " Tracking: \(number)\(carrier)"
            if let url = order?["tracking_url"]?.stringValue { text += " — \(url)" }
            text += "."
        }
        return text
    }

    static func report(_ value: JSONValue, french: Bool) -> String {
        let summary = value["summary"]?["executive_summary"]?.stringValue ?? ""
        let heading = french ? "Le rapport de la semaine :" : "The weekly report:"
        let more = french ? "Le détail est dans Rapports." : "The details are in Reports."
        return [heading, summary, more].filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
