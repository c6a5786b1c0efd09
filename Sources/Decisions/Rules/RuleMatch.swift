import AutopilotCore
import Foundation

/// One rule that holds for a contact, before wording and priority.
struct RuleMatch {
    var rule: RecommendationRule
    var action: RecommendedAction
    var channel: Channel
    /// What makes the id: the triggering message's id, or a moment.
    var trigger: String
    /// The moment the rule counts from (delivery, open, send, lead creation, last contact).
    var since: Date?
    var thresholdHours: Double
    /// When the rule started to hold.
    var heldFrom: Date
    var message: ContactMessage?
}
