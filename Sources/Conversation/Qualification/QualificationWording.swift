public import Scoring

/// The dialogue's sentences in French and English, with variations so that a visitor is never asked the same way
/// twice. Plain, friendly, one question at a time.
public struct QualificationWording: Sendable {
    /// First time a field is asked.
    var questions: [QualificationField: [String]]
    /// Second time: shorter, with examples, and saying the visitor may skip it.
    var secondQuestions: [QualificationField: [String]]
    var greeting: String
    var thanks: [String]
    var noProblem: [String]
    var resume: [String]
    var closingHot: String
    var closingCold: String
    var intentReplies: IntentReplies

    struct IntentReplies: Sendable {
        var order: String
        var orderWithoutNumber: String
        var stock: String
        var question: String
        var callback: String
        var person: String
    }

    /// The wording for `language`.
    public static func of(_ language: ScoringLocale) -> QualificationWording {
        language == .french ? french : english
    }

    /// The `index`-th variation, cycling.
    static func pick(_ options: [String], _ index: Int) -> String {
        options.isEmpty ? "" : options[abs(index) % options.count]
    }

    func question(_ field: QualificationField, attempt: Int, variation: Int) -> String {
        let options = attempt <= 1 ? questions[field] : secondQuestions[field]
        return Self.pick(options ?? [], variation)
    }

    func intentReply(_ intent: VisitorIntent) -> String {
        switch intent {
        case .orderStatus(let number): number == nil ? intentReplies.orderWithoutNumber : intentReplies.order
        case .productStock: intentReplies.stock
        case .question: intentReplies.question
        case .callback: intentReplies.callback
        case .person: intentReplies.person
        }
    }
}
