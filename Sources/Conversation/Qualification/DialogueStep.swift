public import Scoring

/// What the dialogue says and does after a visitor's message: data for the caller to show and act on.
public struct DialogueStep: Sendable, Codable, Hashable {
    /// The text to show the visitor, in their language.
    public var reply: String
    /// The field the reply asks for, if any.
    public var askedField: QualificationField?
    /// Something the visitor asked for that the caller handles (an order, stock, a question, a callback, a person);
    /// then the caller calls `QualificationDialogue.resume(_:)` to go on.
    public var intent: VisitorIntent?
    /// The qualification, once every field is known, declined or skipped.
    public var finished: QualificationOutcome?

    public init(reply: String, askedField: QualificationField? = nil, intent: VisitorIntent? = nil, finished: QualificationOutcome? = nil) {
        self.reply = reply
        self.askedField = askedField
        self.intent = intent
        self.finished = finished
    }
}

/// A finished qualification: the score and tier of the existing BANT model, what the visitor said beyond BANT,
/// and a summary for the team.
public struct QualificationOutcome: Sendable, Codable, Hashable {
    /// Fields, score, tier and evidence (`LeadScoreTable`).
    public var qualification: LeadQualification
    public var need: String?
    public var currentTools: String?
    /// Fields the visitor chose not to give, in asking order.
    public var declined: [QualificationField]
    /// A few plain lines for the team, in the visitor's language (see `QualificationSummary`).
    public var summary: String

    public init(qualification: LeadQualification, need: String?, currentTools: String?, declined: [QualificationField], summary: String) {
        self.qualification = qualification
        self.need = need
        self.currentTools = currentTools
        self.declined = declined
        self.summary = summary
    }
}
