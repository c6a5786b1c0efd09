import Foundation
import Scoring

/// The agent's own sentences in French and English (the qualification's are `QualificationWording`'s). Plain and short.
struct ChatWording: Sendable {
    var greeting: String
    var menu: String
    var askOrderNumber: String
    var askOrderContact: String
    var askOrderContactAgain: String
    var orderNotMatched: String
    var orderChecksExhausted: String
    var orderStatus: [String: String]
    var tracking: @Sendable (String) -> String
    var askProduct: String
    var stockUnavailable: String
    var stockNone: String
    var inStock: String
    var outOfStock: String
    var stockUnknown: String
    var knowledgeUnavailable: String
    var knowledgeNone: String
    var callbackUnavailable: String
    var callbackChoose: String
    var callbackChooseAgain: String
    var askCallbackPhone: String
    var callbackBooked: @Sendable (String) -> String
    var callbackFailed: String
    var handOffAsked: String
    var handOffNegative: String
    var askContactForTeam: String
    var withTeam: String
    var contactNoted: String
    var askContactForLead: String
    var leadThanks: String
    var leadDeclined: String

    static func of(_ language: ScoringLocale) -> ChatWording { language == .french ? french : english }

    func status(_ order: String, _ status: String) -> String {
        (orderStatus[status] ?? orderStatus["placed"] ?? "").replacingOccurrences(of: "{order}", with: order)
    }

    func stockLine(_ product: ProductStock) -> String {
        let state = product.inStock.map { $0 ? inStock : outOfStock } ?? stockUnknown
        return "\(product.title) — \(state)"
    }
}
