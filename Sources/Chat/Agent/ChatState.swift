public import Conversation
public import Scoring

/// Where a chat with a visitor stands: a `Codable` value the conversation keeps as JSON and passes back with the next
/// message. The agent changes it; the shell only moves `timelineSeq`.
public struct ChatState: Sendable, Codable, Hashable {
    /// The visitor's language, from their last message that showed one.
    public var language: ScoringLocale
    /// The B2B qualification, once started.
    public var qualification: QualificationState?
    /// The finished qualification, kept until the lead is recorded.
    public var outcome: QualificationOutcome?
    /// What the agent's last reply asked for.
    public var awaiting: ChatAwaiting?
    /// How many times the current question was asked without an answer.
    public var awaitingAttempts: Int
    /// The visitor's email and phone (E.164), as they gave them in this conversation.
    public var email: String?
    public var phone: String?
    /// The sentiment of the visitor's last messages, oldest first.
    public var sentiments: [Double]
    public var leadRecorded: Bool
    /// A person of the team takes over: the agent stops answering.
    public var handedOff: Bool
    /// Order checks that failed (wrong number or wrong email): after three, the agent checks no more.
    public var failedOrderChecks: Int
    /// Messages up to this position are on the contact's timeline.
    public var timelineSeq: Int

    public init(language: ScoringLocale) {
        self.language = language
        qualification = nil
        outcome = nil
        awaiting = nil
        awaitingAttempts = 0
        email = nil
        phone = nil
        sentiments = []
        leadRecorded = false
        handedOff = false
        failedOrderChecks = 0
        timelineSeq = 0
    }

    /// True once the visitor gave an email or a phone number.
    public var knowsContact: Bool { email != nil || phone != nil }
}

/// What the agent waits for after its last reply.
public enum ChatAwaiting: Sendable, Codable, Hashable {
    /// The number of the order the visitor asks about.
    case orderNumber
    /// The email or phone of the order, to check it belongs to the visitor.
    case orderContact(orderNumber: String)
    /// The email or phone the team may reach the lead at.
    case contactForLead
    /// Which of the offered callback slots suits the visitor.
    case callbackChoice([ChatCallbackSlot])
    /// The phone number to call back on, for the chosen slot.
    case callbackPhone(ChatCallbackSlot)
    /// Which product the visitor asks about.
    case productName
}
