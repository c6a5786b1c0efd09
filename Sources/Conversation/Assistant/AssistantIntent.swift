public import AutopilotCore
public import Scoring

/// What the team asks the assistant MAX, with its arguments, read offline (see `AssistantIntentReader`).
public enum AssistantIntent: Sendable, Hashable, Codable {
    /// Write a template draft for a purpose on a channel ("un email de relance pour les leads froids").
    case createTemplateDraft(purpose: DraftPurpose, channel: Channel)
    /// Who to follow up today (the pending recommendations).
    case followUpsToday
    /// A lead's or customer's summary; nil when the request names nobody (ask `AssistantReading.question`).
    case contactSummary(ContactReference?)
    /// An order's status; nil when the request gives no number.
    case orderStatus(orderNumber: String?)
    /// A flow's figures by its id ("abandoned-cart", "win-back"); nil for all flows.
    case flowFigures(flowID: String?)
    /// The weekly report.
    case weeklyReport
    /// Something the offline reader cannot do; `reason` says so plainly, in the request's language.
    case unsupported(reason: String)
}

/// Who a summary is about: an email address or a name as written.
public enum ContactReference: Sendable, Hashable, Codable {
    case email(String)
    case name(String)
}

/// An assistant intent, how sure the reader is (0–1), the request's language, and a plain question when an argument
/// is missing ("Quel est le numéro de la commande ?").
public struct AssistantReading: Sendable, Hashable, Codable {
    public var intent: AssistantIntent
    public var confidence: Double
    public var language: ScoringLocale
    public var question: String?

    public init(intent: AssistantIntent, confidence: Double, language: ScoringLocale, question: String? = nil) {
        self.intent = intent
        self.confidence = confidence
        self.language = language
        self.question = question
    }
}
