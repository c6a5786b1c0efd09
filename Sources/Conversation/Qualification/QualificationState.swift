public import Scoring

/// Where a qualification dialogue stands: what the visitor said so far and what is still to ask. A value: the caller
/// stores it with the conversation (it is `Codable`) and passes it back with the next message.
public struct QualificationState: Sendable, Codable, Hashable {
    /// The visitor's language, from their last message that showed one.
    public var language: ScoringLocale
    /// The BANT fields read so far (the latest statement of a field wins).
    public var fields: LeadFields
    /// What the visitor wants to achieve, in their words.
    public var need: String?
    /// The tools the visitor uses today, as named ("Shopify, Klaviyo") or in their words.
    public var currentTools: String?
    /// Fields the visitor chose not to give: never asked again, scored without.
    public var declined: Set<QualificationField>
    /// Fields asked twice without an answer: not asked again.
    public var skipped: Set<QualificationField>
    /// The question waiting for an answer.
    public var asked: QualificationField?
    /// How many times each field has been asked.
    public var askCounts: [QualificationField: Int]
    /// The visitor's messages, oldest first (for the summary and a model's refinement).
    public var transcript: [String]
    /// True once the qualification is given.
    public var isFinished: Bool

    /// A dialogue not started yet, in `language` until the visitor shows theirs.
    public init(language: ScoringLocale = .french) {
        self.language = language
        fields = LeadFields()
        need = nil
        currentTools = nil
        declined = []
        skipped = []
        asked = nil
        askCounts = [:]
        transcript = []
        isFinished = false
    }

    /// True when the field has a value.
    public func knows(_ field: QualificationField) -> Bool {
        switch field {
        case .need: need != nil
        case .currentTools: currentTools != nil
        case .timeline: fields.timeline != nil
        case .authority: fields.decisionMaker != nil
        case .budget: fields.budget != nil
        }
    }

    /// The next field to ask: the first that is neither known, declined nor skipped.
    public var nextField: QualificationField? {
        QualificationField.allCases.first { !knows($0) && !declined.contains($0) && !skipped.contains($0) }
    }
}
