import AutopilotCore
import Foundation

/// What a segment condition knows of one contact: the contact as flows see it, its scores, its latest lead and the moments
/// its history is measured from. `scope(now:)` turns the moments into days, so the same facts give other answers later.
public struct SegmentFacts: Sendable, Hashable {
    public var contactID: String
    /// `contact.*`, in the shape `FlowVocabulary.contact` declares.
    public var contact: JSONObject
    /// `scores.*` (absent scores are missing keys).
    public var scores: JSONObject
    /// `lead.*` of the contact's latest lead.
    public var lead: JSONObject
    /// The moments `history.days_since_*` count from, by field name without the prefix (`order`, `email_open`…).
    public var moments: [String: Date]

    public init(contactID: String, contact: JSONObject, scores: JSONObject = [:], lead: JSONObject = [:], moments: [String: Date] = [:]) {
        self.contactID = contactID
        self.contact = contact
        self.scores = scores
        self.lead = lead
        self.moments = moments
    }

    /// The values a condition reads at `now`.
    public func scope(now: Date) -> JSONObject {
        var history = JSONObject()
        for (name, moment) in moments { history["days_since_" + name] = .double(max(0, now.timeIntervalSince(moment)) / 86_400) }
        return ["contact": .object(contact), "scores": .object(scores), "lead": .object(lead), "history": .object(history)]
    }
}
