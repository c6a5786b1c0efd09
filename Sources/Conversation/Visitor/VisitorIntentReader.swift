import Foundation

/// Reads what a visitor asks for besides the conversation in progress, offline, in French or English: an order's
/// status (with its number), a product's stock, a question for the knowledge base, a callback, a person.
///
/// Each intent adds up the weights of its phrases (see `VisitorIntentPhrases`); a number written as an order
/// number ("#1042", "commande 1042") adds 1 to an order. The intent with the most points wins from 2 points, ties
/// going to a person, then a callback, an order, stock and a question. A message that is only a question
/// (a "?" or a question word) is a question at confidence 0.5. Confidence is points / (points + 1), at most 0.95.
public struct VisitorIntentReader: Sendable {
    public init() {}

    /// The intent of `text`, or nil when it asks for none of them.
    public func read(_ text: String) -> VisitorIntentReading? {
        let message = ConversationText(text)
        var points: [VisitorIntentPhrases.Kind: Double] = [:]
        for hit in VisitorIntentPhrases.table.hits(in: message.words) {
            points[hit.value.kind, default: 0] += hit.value.weight
        }
        let reference = ReferenceScanner.orderReference(in: text)
        if let reference, reference.isMarked || points[.order] != nil {
            points[.order, default: 0] += reference.isMarked ? 1 : 0.5
        }
        let isQuestion = text.contains("?") || points[.asking] != nil
        if isQuestion, points[.question] != nil { points[.question, default: 0] += 1 }
        let ranked: [VisitorIntentPhrases.Kind] = [.person, .callback, .order, .stock, .question]
        let top = ranked.map { points[$0] ?? 0 }.max() ?? 0
        guard top >= 2, let kind = ranked.first(where: { (points[$0] ?? 0) == top }) else {
            return isQuestion ? VisitorIntentReading(intent: .question(Self.trimmed(text)), confidence: 0.5) : nil
        }
        let score = top
        let confidence = min(0.95, score / (score + 1))
        return VisitorIntentReading(intent: intent(kind, text: text, message: message, reference: reference?.number), confidence: confidence)
    }

    private func intent(_ kind: VisitorIntentPhrases.Kind, text: String, message: ConversationText, reference: String?) -> VisitorIntent {
        switch kind {
        case .person: .person
        case .callback: .callback
        case .order: .orderStatus(orderNumber: reference)
        case .stock: .productStock(product: ProductWords.product(in: message))
        case .question, .asking: .question(Self.trimmed(text))
        }
    }

    private static func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
