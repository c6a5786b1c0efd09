/// What the person is asked to do. Raw values are persisted.
public enum RecommendedAction: String, Sendable, Codable, Hashable, CaseIterable {
    /// Send the message again on the same channel (with a new subject): no other channel has consent.
    case resend
    /// Reach the contact on another channel they consented to (named in the recommendation's `channel`).
    case switchChannel = "switch_channel"
    /// Send a follow-up message.
    case followUp = "follow_up"
    /// Call or message the lead at once.
    case contactNow = "contact_now"
    /// Send a win-back offer.
    case winBack = "win_back"
}
