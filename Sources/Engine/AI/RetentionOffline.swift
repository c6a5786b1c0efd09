import AutopilotCore
import Foundation
import LLM

/// The retention suggestion written without a language model: the main signal decides the advice, in French or English.
enum RetentionOffline {
    static let responder = OfflineResponder { request in
        guard let prompt = try? JSONValue.parse(request.lastUserText) else { return nil }
        return .text(text(for: prompt))
    }

    static func text(for prompt: JSONValue) -> String {
        let french = prompt["locale"]?.stringValue != "en"
        let signals = prompt["signals"]?.arrayValue ?? []
        let main = signals.first(where: { ($0["kind"]?.stringValue ?? "").hasSuffix("_score") == false }) ?? signals.first
        let kind = main?["kind"]?.stringValue ?? ""
        let observed = main?["text"]?.stringValue.map { $0 + ". " } ?? ""
        let advice: String
        switch kind {
        case "overdue", "overdue_single_order":
            advice =
                french
                ? "Un message personnel qui rappelle ses produits habituels, sans remise d'abord ; une petite offre limitée seulement s'il ne réagit pas."
                : "Send a personal note about their usual products, without a discount first; a small time-limited offer only if they do not react."
        case "order_decline":
            advice =
                french
                ? "Remerciez-le de sa fidélité et proposez un avantage réservé aux clients réguliers (livraison offerte, accès anticipé)."
                : "Thank them for their loyalty and offer a perk for regular customers (free shipping, early access)."
        case "email_open_decline", "email_click_decline":
            advice =
                french
                ? "Les e-mails ne portent plus : essayez un autre canal auquel il a consenti (SMS, WhatsApp) ou un objet plus personnel."
                : "Emails no longer land: try another channel they consented to (SMS, WhatsApp) or a more personal subject line."
        case "support_tickets":
            advice =
                french
                ? "Réglez d'abord le souci signalé au support, par un appel ; aucune offre avant que ce soit résolu."
                : "Solve the issue they raised with support first, with a call; no offer before it is resolved."
        default:
            advice =
                french
                ? "Une offre de retour personnelle, signée par le fondateur, sur le canal qu'il préfère."
                : "A personal win-back offer, signed by the founder, on their preferred channel."
        }
        return observed + advice
    }
}
