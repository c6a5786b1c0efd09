import AutopilotCore

/// A flow's figures and the list of flows, from `flow_stats` and `list_flows`.
enum FlowReply {
    static func stats(_ value: JSONValue, french: Bool) -> String {
        let name = value["name"]?.stringValue ?? value["flow"]?.stringValue ?? "?"
        func count(_ path: [String]) -> Int {
            var node: JSONValue? = value
            for key in path { node = node?[key] }
            return node?.intValue.map { Int($0) } ?? 0
        }
        let revenue = (value["attributed"]?["revenue"]?.objectValue ?? [:]).compactMap { $0.value.doubleValue }.reduce(0, +)
        let started = count(["runs", "started"]), completed = count(["runs", "completed"]), sent = count(["messages", "sent"])
        let opened = count(["messages", "opened"]), clicked = count(["messages", "clicked"]), orders = count(["attributed", "orders"])
        let money = ContactReply.money(revenue)
        return french
            ? "Flow « \(name) » : \(started) parcours démarrés, \(completed) terminés ; \(sent) messages envoyés, \(opened) ouverts, "
                + "\(clicked) cliqués ; \(orders) commande(s) attribuée(s) pour \(money)."
            : "Flow \"\(name)\": \(started) runs started, \(completed) completed; \(sent) messages sent, \(opened) opened, \(clicked) clicked; "
                + "\(orders) order(s) attributed, \(money)."
    }

    static func list(_ value: JSONValue, french: Bool) -> String {
        let flows = value["flows"]?.arrayValue ?? []
        guard !flows.isEmpty else { return french ? "Aucun flow pour l'instant." : "No flow yet." }
        var lines = [french ? "Vos \(flows.count) flows (demandez les chiffres d'un flow par son nom) :" : "Your \(flows.count) flows (ask for a flow's figures by its name):"]
        for flow in flows {
            let name = flow["name"]?.stringValue ?? flow["id"]?.stringValue ?? "?"
            let on = flow["enabled"]?.boolValue == true
            let runs = flow["active_runs"]?.intValue ?? 0
            let state = french ? (on ? "actif" : "en pause") : (on ? "on" : "paused")
            lines.append("• \(name) — \(state), " + (french ? "\(runs) en cours" : "\(runs) under way"))
        }
        return lines.joined(separator: "\n")
    }
}
