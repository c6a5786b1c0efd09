public import Conversation
public import Scoring

/// What the agent answers to one message: the replies to show, the state to keep, and what the shell must do.
public struct ChatTurn: Sendable, Hashable {
    /// The agent's messages, in order (usually one).
    public var replies: [String]
    public var state: ChatState
    /// Things to carry out: record a lead, hand off, book a callback.
    public var effects: [ChatEffect]
    /// The visitor's message's sentiment score (-1…1), when the turn answered one.
    public var sentiment: Double?

    public init(replies: [String], state: ChatState, effects: [ChatEffect] = [], sentiment: Double? = nil) {
        self.replies = replies
        self.state = state
        self.effects = effects
        self.sentiment = sentiment
    }
}

/// An effect of a turn, as data: the shell carries it out (with an idempotency key of its own).
public enum ChatEffect: Sendable, Hashable {
    /// Create or update the lead of this conversation, with its qualification; the CRM sync and the nurture flow follow.
    case recordLead(ChatLead)
    /// Tell the team a person should take the conversation over.
    case handOff(HandOffRequest)
    /// Book a call back on a slot.
    case bookCallback(ChatCallbackRequest)
}

/// A qualified B2B visitor, ready to become a lead.
public struct ChatLead: Sendable, Hashable {
    public var outcome: QualificationOutcome
    public var email: String?
    public var phone: String?
    /// The visitor's messages, oldest first.
    public var transcript: [String]
    public var language: ScoringLocale

    public init(outcome: QualificationOutcome, email: String?, phone: String?, transcript: [String], language: ScoringLocale) {
        self.outcome = outcome
        self.email = email
        self.phone = phone
        self.transcript = transcript
        self.language = language
    }
}

/// Why the agent hands a conversation to a person.
public enum HandOffReason: String, Sendable, Codable, Hashable {
    /// The visitor asked for a person.
    case asked
    /// The visitor's sentiment turned negative (`SentimentScorer.turnedNegative`).
    case negativeSentiment = "negative_sentiment"
    /// The agent could not check an order after several tries.
    case orderChecksExhausted = "order_checks_exhausted"
}

/// A hand-off to a person, for the team's notice.
public struct HandOffRequest: Sendable, Hashable {
    public var reason: HandOffReason
    /// The visitor's last message.
    public var lastMessage: String
    public var email: String?
    public var phone: String?
    public var language: ScoringLocale

    public init(reason: HandOffReason, lastMessage: String, email: String?, phone: String?, language: ScoringLocale) {
        self.reason = reason
        self.lastMessage = lastMessage
        self.email = email
        self.phone = phone
        self.language = language
    }
}

/// A callback to book.
public struct ChatCallbackRequest: Sendable, Hashable {
    public var slot: ChatCallbackSlot
    /// E.164.
    public var phone: String
    public var email: String?
    public var language: ScoringLocale

    public init(slot: ChatCallbackSlot, phone: String, email: String?, language: ScoringLocale) {
        self.slot = slot
        self.phone = phone
        self.email = email
        self.language = language
    }
}
