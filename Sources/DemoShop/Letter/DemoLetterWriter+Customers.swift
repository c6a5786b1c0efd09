import Content
import Foundation

extension DemoLetterWriter {
    func customersToday() -> [String] {
        let n = number
        var lines = [french ? "Vos clients aujourd'hui" : "Your customers today"]
        var ordered =
            french
            ? "  \(n.int(letter.customersWithOrders)) clients ont commandé au moins une fois."
            : "  \(n.int(letter.customersWithOrders)) customers have ordered at least once."
        if letter.customersWithoutOrders > 0 {
            ordered +=
                french
                ? " \(n.int(letter.customersWithoutOrders)) autres n'ont jamais commandé (inscrits, paniers laissés, contacts sans achat) : "
                    + "sans historique d'achat, ils ne figurent pas dans les groupes ci-dessous."
                : " \(n.int(letter.customersWithoutOrders)) more never ordered (sign-ups, abandoned carts, contacts who did not buy yet): "
                    + "with no purchase to go on, they are not in the groups below."
        }
        lines.append(ordered)
        if !letter.segments.isEmpty {
            lines.append(french ? "  Par habitudes d'achat (dernière commande, nombre de commandes, dépense) :" : "  By buying habits (how recently, how often, how much):")
            lines += letter.segments.map { counted($0.count, PlainWords.segment($0.code, language: language)) }
        }
        if !letter.churn.isEmpty {
            lines.append(french ? "  Risque de départ, du plus urgent au moins urgent :" : "  Risk of leaving, most urgent first:")
            lines += letter.churn.map {
                counted($0.count, PlainWords.churnBand($0.code, language: language) + " — " + PlainWords.churnBandMeaning($0.code, language: language))
            }
        }
        if !letter.mostValuable.isEmpty {
            lines.append(
                french
                    ? "  Vos clients les plus précieux : ce que chacun devrait dépenser chez vous dans les 9 prochains mois, "
                        + "et la probabilité qu'il achète encore chez vous :"
                    : "  Your most valuable customers: what each is expected to spend with you over the next 9 months, "
                        + "and the chance they still buy from you:")
            let width = (letter.mostValuable.map(\.email.count).max() ?? 0) + 2
            for customer in letter.mostValuable {
                var line = "    " + pad(customer.email, width) + left(n.money(customer.expectedSpend, letter.currency), 14) + ", "
                line += french ? "\(n.percent(customer.probabilityAlive)) de chances" : "\(n.percent(customer.probabilityAlive)) likely"
                if let next = customer.expectedNextOrder {
                    line += french ? ", prochaine commande vers le \(n.day(next))" : ", next order around \(n.day(next))"
                }
                line += " (" + PlainWords.segmentName(customer.segment, language: language) + ")"
                lines.append(line)
            }
        }
        return lines + [""]
    }

    func tomorrow() -> [String] {
        let n = number
        var lines = [french ? "Ce qu'Autopilot propose pour demain" : "What Autopilot proposes for tomorrow"]
        guard letter.proposals > 0 else {
            return lines + [french ? "  Rien à approuver aujourd'hui." : "  Nothing to approve today.", ""]
        }
        lines.append(
            french
                ? "  \(n.int(letter.proposals)) relances attendent votre accord (rien ne part sans lui) :"
                : "  \(n.int(letter.proposals)) follow-ups wait for your approval (nothing goes without it):")
        lines += letter.proposalsByRule.map { counted($0.count, PlainWords.rule($0.code, language: language)) }
        if !letter.firstProposals.isEmpty {
            lines.append(french ? "  Les premières, et pourquoi :" : "  The first ones, and why:")
            for proposal in letter.firstProposals {
                lines.append("    - \(PlainWords.priority(proposal.priority, language: language)) — \(proposal.contact): \(proposal.reason)")
                if let retention = proposal.retention {
                    lines.append((french ? "        pour le garder : " : "        to keep them: ") + retention)
                }
            }
        }
        return lines + [""]
    }

    func explore() -> [String] {
        let path = letter.databasePath
        return [
            french ? "Pour aller voir" : "See for yourself",
            (french ? "  le tableau de bord et l'API :  " : "  the dashboard and the API:  ") + "swift run autopilot serve --database \(path)",
            (french ? "  chaque message envoyé :        " : "  every message sent:          ") + "swift run autopilot messages --database \(path)",
            (french ? "  chaque flow, étape par étape : " : "  each flow, step by step:     ") + "swift run autopilot flows stats --database \(path)",
            "",
        ]
    }

    func details() -> [String] {
        let n = number
        func codes(_ counts: [DemoLetter.Count]) -> String {
            counts.isEmpty ? "–" : counts.map { "\($0.code) \($0.count)" }.joined(separator: ", ")
        }
        var lines = [
            french ? "Détails (noms techniques)" : "Details (technical names)",
            french
                ? "  import : \(n.int(letter.eventsIngested)) événements en \(n.decimal(letter.ingestSeconds, 1)) s, par le même pipeline que POST /v1/events"
                : "  ingest: \(n.int(letter.eventsIngested)) events in \(n.decimal(letter.ingestSeconds, 1)) s, through the same pipeline as POST /v1/events",
            french
                ? "  simulation : \(letter.days) jours en \(n.decimal(letter.simulationSeconds, 1)) s, \(n.int(letter.enginePasses)) passes du moteur, "
                    + "expéditeur « log »"
                : "  simulation: \(letter.days) days in \(n.decimal(letter.simulationSeconds, 1)) s, \(n.int(letter.enginePasses)) engine passes, log sender",
            "  flows: " + (letter.flows.isEmpty ? "–" : letter.flows.map(\.id).joined(separator: ", ")),
            "  outbox sent_after_hold (blocked_reason): " + codes(letter.deferredBy),
            "  outbox held (blocked_reason): " + codes(letter.heldBy),
            "  flow_runs exited (reason): " + codes(letter.endedEarlyBy),
            "  RFM segments: " + codes(letter.segments),
            "  churn bands: " + codes(letter.churn),
            "  CLV: BG/NBD + Gamma-Gamma, 39-week horizon; " + (french ? "probabilité d'achat = P(alive)" : "chance still buying = P(alive)"),
            "  recommendations by rule: " + codes(letter.proposalsByRule),
        ]
        lines += letter.lifetimeWarnings.map { "  CLV note: " + $0 }
        lines.append("  API: curl -H \"Authorization: Bearer \(letter.apiKey)\" http://127.0.0.1:8080/v1/events?limit=5")
        return lines
    }
}
