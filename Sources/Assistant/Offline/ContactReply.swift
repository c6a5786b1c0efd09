import AutopilotCore
import Foundation

/// A contact's summary from `find_contact`'s result.
enum ContactReply {
    static func text(_ value: JSONValue, french: Bool) -> String {
        let contact = value["contact"]
        let name = [contact?["first_name"]?.stringValue, contact?["last_name"]?.stringValue].compactMap { $0 }.joined(separator: " ")
        let email = contact?["email"]?.stringValue ?? contact?["phone"]?.stringValue ?? ""
        let orders = contact?["orders_count"]?.intValue ?? 0
        let spent = contact?["total_spent"]?.doubleValue ?? 0
        var parts = [
            (name.isEmpty ? email : "\(name) (\(email))")
                + (french ? " : \(orders) commande(s), \(money(spent)) dépensés." : ": \(orders) order(s), \(money(spent)) spent.")
        ]
        if let scores = value["scores"], scores != .null {
            var facts: [String] = []
            if let segment = scores["rfm_segment"]?.stringValue { facts.append((french ? "segment " : "segment ") + segment) }
            if let band = scores["churn_band"]?.stringValue { facts.append((french ? "risque de départ " : "churn risk ") + band) }
            if let clv = scores["clv"]?.doubleValue { facts.append((french ? "valeur vie estimée " : "predicted lifetime value ") + money(clv)) }
            if !facts.isEmpty { parts.append(facts.joined(separator: ", ") + ".") }
        }
        let consents = contact?["consents"]?.objectValue ?? [:]
        let granted = consents.keys.sorted().filter { consents[$0]?["granted"]?.boolValue == true }
        parts.append(
            french
                ? "Consentements : " + (granted.isEmpty ? "aucun." : granted.joined(separator: ", ") + ".")
                : "Consents: " + (granted.isEmpty ? "none." : granted.joined(separator: ", ") + "."))
        for lead in (value["leads"]?.arrayValue ?? []).prefix(3) {
            let company = lead["company"]?.stringValue ?? "lead"
            let score = lead["score"]?.intValue.map { " \($0)/100" } ?? ""
            let tier = lead["tier"]?.stringValue.map { " (\($0))" } ?? ""
            parts.append((french ? "Lead " : "Lead ") + company + score + tier + ".")
        }
        return parts.joined(separator: " ")
    }

    static func money(_ amount: Double) -> String {
        amount == amount.rounded() ? "\(Int(amount)) €" : String(format: "%.2f €", amount)
    }
}
