import Content
import Foundation

extension DemoLetter {
    /// The letter in `language`: the headline first, then what Autopilot did, the customers today, the proposals for
    /// tomorrow, where to look further, and the technical names last ("Details").
    public func text(in language: ContentLanguage) -> String {
        let writer = DemoLetterWriter(letter: self, language: language)
        return (writer.headline() + writer.work() + writer.customersToday() + writer.tomorrow() + writer.explore() + writer.details())
            .joined(separator: "\n") + "\n"
    }
}

/// Writes the sections of a ``DemoLetter`` in one language.
struct DemoLetterWriter {
    let letter: DemoLetter
    let language: ContentLanguage
    var french: Bool { language == .french }
    var number: DemoNumberFormat { DemoNumberFormat(language: language) }

    func headline() -> [String] {
        let n = number
        var lines = [french ? "\(letter.shopName) — \(letter.days) jours avec Autopilot" : "\(letter.shopName) — \(letter.days) days with Autopilot", ""]
        guard letter.days > 0 else {
            lines.append(
                french
                    ? "Les flows n'ont pas tourné (--flow-days 0) : l'historique de la boutique est importé et analysé ci-dessous."
                    : "The flows did not run (--flow-days 0): the shop's history is imported and analysed below.")
            return lines + [""]
        }
        var headline =
            french
            ? "En \(letter.days) jours, les relances envoyées par Autopilot ont rapporté \(n.int(letter.flowOrders)) commandes, "
                + "soit \(n.money(letter.flowRevenue, letter.currency))"
            : "In \(letter.days) days, the follow-ups Autopilot sent brought in \(n.int(letter.flowOrders)) orders "
                + "worth \(n.money(letter.flowRevenue, letter.currency))"
        if letter.shopRevenue > 0 {
            let share = n.percent(letter.flowRevenue / letter.shopRevenue)
            headline +=
                french
                ? " : \(share) du chiffre d'affaires de la boutique sur la même période "
                    + "(\(n.money(letter.shopRevenue, letter.currency)), \(n.int(letter.shopOrders)) commandes)."
                : ": \(share) of the shop's revenue over the same days (\(n.money(letter.shopRevenue, letter.currency)) "
                    + "from \(n.int(letter.shopOrders)) orders)."
        } else {
            headline += "."
        }
        lines.append(headline)
        lines.append(
            french
                ? "(Une démonstration : \(n.int(letter.customers)) clients et \(n.int(letter.leads)) prospects inventés, \(letter.days) jours vécus "
                    + "sur une horloge virtuelle. Rien n'a quitté cette machine : les messages sont allés dans un journal.)"
                : "(A demo: \(n.int(letter.customers)) invented customers and \(n.int(letter.leads)) business leads, \(letter.days) days lived "
                    + "on a virtual clock. Nothing left this machine: the messages went to a log.)")
        return lines + [""]
    }

    func work() -> [String] {
        guard letter.days > 0 else { return [] }
        let n = number
        var lines = [
            french ? "Ce qu'Autopilot a fait" : "What Autopilot did",
            french
                ? "  Il a lancé \(n.int(letter.followUps)) relances et envoyé \(n.int(letter.sent)) messages (emails et SMS) : "
                    + "\(n.int(letter.opened)) ont été ouverts, \(n.int(letter.clicked)) cliqués."
                : "  It started \(n.int(letter.followUps)) follow-ups and sent \(n.int(letter.sent)) messages (email and SMS): "
                    + "\(n.int(letter.opened)) were opened, \(n.int(letter.clicked)) clicked.",
        ]
        if letter.deferredThenSent > 0 {
            lines.append(
                french
                    ? "  \(n.int(letter.deferredThenSent)) messages ont attendu un meilleur moment, puis sont partis :"
                    : "  \(n.int(letter.deferredThenSent)) messages waited for a better moment, then went out:")
            lines += letter.deferredBy.map { counted($0.count, PlainWords.reason($0.code, language: language)) }
        }
        if letter.held > 0 {
            lines.append(
                french
                    ? "  \(n.int(letter.held)) messages ne sont pas partis, volontairement :"
                    : "  \(n.int(letter.held)) messages were not sent, on purpose:")
            lines += letter.heldBy.map { counted($0.count, PlainWords.reason($0.code, language: language)) }
        }
        let ended = letter.endedEarlyBy.map(\.count).reduce(0, +)
        if ended > 0 {
            lines.append(
                french ? "  \(n.int(ended)) relances se sont arrêtées en route, comme prévu :" : "  \(n.int(ended)) follow-ups ended early, as they should:")
            lines += letter.endedEarlyBy.map { counted($0.count, PlainWords.exitReason($0.code, language: language)) }
        }
        return lines + [""] + flowTable() + [""]
    }

    func flowTable() -> [String] {
        let names = letter.flows.map { PlainWords.flow($0.id, language: language) }
        let width = max(names.map(\.count).max() ?? 0, 12) + 2
        let headers =
            french
            ? ["relances", "envoyés", "ouverts", "cliqués", "commandes", "revenu"] : ["follow-ups", "sent", "opened", "clicked", "orders", "revenue"]
        var lines = ["  " + pad(french ? "Flow par flow" : "Flow by flow", width) + headers.map { left(" " + $0, $0.count + 2) }.joined()]
        for (flow, name) in zip(letter.flows, names) {
            let cells = [flow.runs, flow.sent, flow.opened, flow.clicked, flow.orders].map { number.int($0) }
            var row = "  " + pad(name, width)
            for (cell, header) in zip(cells, headers) { row += left(cell, header.count + 2) }
            row += left(number.decimal(flow.revenue), headers[5].count + 6)
            lines.append(row)
        }
        return lines
    }

    func counted(_ count: Int, _ text: String) -> String { "    " + left(number.int(count), 6) + "  " + text }
    func pad(_ text: String, _ width: Int) -> String { text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count) }
    func left(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
}
