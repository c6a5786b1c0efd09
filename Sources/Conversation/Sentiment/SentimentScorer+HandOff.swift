extension SentimentScorer {
    /// The score at or below which one message alone asks for a person.
    public static let handOffThreshold = -0.5
    /// The score at or below which two messages in a row ask for a person.
    public static let sustainedThreshold = -0.3

    /// True when the conversation has turned negative enough to hand it to a person: the last message scores
    /// -0.5 or less, or the last two both score -0.3 or less. `history` is the visitor's scores, oldest first.
    public static func turnedNegative(_ history: [Double]) -> Bool {
        guard let last = history.last else { return false }
        if last <= handOffThreshold { return true }
        guard history.count >= 2 else { return false }
        return last <= sustainedThreshold && history[history.count - 2] <= sustainedThreshold
    }

    /// `turnedNegative(_:)` over the visitor's messages, oldest first.
    public func turnedNegative(messages: [String]) -> Bool {
        Self.turnedNegative(messages.suffix(2).map(score))
    }
}
