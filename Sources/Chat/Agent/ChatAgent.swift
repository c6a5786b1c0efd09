public import Conversation
public import Foundation
public import Scoring

/// The chat agent for a shop's visitors and customers, independent of any transport (the HTTP widget today, the voice
/// agent later): it takes a visitor's message and the conversation's state and returns the replies, the new state and
/// the effects to carry out, as data.
///
/// It qualifies B2B visitors with `QualificationDialogue` (one missing BANT field at a time, in their language), answers
/// an order's status only once the order number matches the email or phone the visitor gives, answers stock and
/// questions through `ChatCapabilities`, offers callback slots, and hands the conversation to a person when asked or
/// when `SentimentScorer.turnedNegative` says the visitor's mood turned. It only reads; writing is the effects' job.
public struct ChatAgent: Sendable {
    public var capabilities: ChatCapabilities
    public var dialogue: QualificationDialogue
    public var intentReader: VisitorIntentReader
    public var sentiment: SentimentScorer
    /// Whether visitors who ask for nothing in particular are qualified as B2B leads.
    public var qualifiesLeads: Bool

    public init(capabilities: ChatCapabilities, qualifiesLeads: Bool, now: Date? = nil) {
        self.capabilities = capabilities
        dialogue = QualificationDialogue(qualifier: LeadQualifier(now: now))
        intentReader = VisitorIntentReader()
        sentiment = SentimentScorer()
        self.qualifiesLeads = qualifiesLeads
    }

    /// The opening of a conversation: the greeting (and, for a B2B widget, the first qualification question).
    public func start(language: ScoringLocale) -> ChatTurn {
        var state = ChatState(language: language)
        guard qualifiesLeads else { return ChatTurn(replies: [ChatWording.of(language).greeting], state: state) }
        let (qualification, step) = dialogue.start(language: language)
        state.qualification = qualification
        return ChatTurn(replies: [step.reply], state: state)
    }

    /// The answer to one visitor message.
    public func reply(to text: String, in state: ChatState, context: ChatContext) async -> ChatTurn {
        var state = state
        state.language = LanguageDetector.language(of: text) ?? state.language
        var context = context
        context.language = state.language
        let lexicon = sentiment.score(text)
        let score = Self.refinedMood(lexicon: lexicon, model: await capabilities.mood.score(text, lexicon: lexicon, context: context))
        state.sentiments = Array((state.sentiments + [score]).suffix(4))
        let given = absorbContact(text, into: &state)
        var turn = await answer(text, state: state, given: given, context: context)
        turn.sentiment = score
        return turn
    }

    private func answer(_ text: String, state: ChatState, given: Bool, context: ChatContext) async -> ChatTurn {
        var state = state
        let wording = ChatWording.of(state.language)
        if state.handedOff {
            return ChatTurn(replies: [given ? wording.contactNoted + " " + wording.withTeam : wording.withTeam], state: state)
        }
        if SentimentScorer.turnedNegative(state.sentiments) {
            return handOff(.negativeSentiment, text: text, state: state)
        }
        if let awaiting = state.awaiting, let turn = await answer(awaiting, text: text, given: given, state: state, context: context) {
            return resumingQualification(turn)
        }
        state.awaiting = nil
        state.awaitingAttempts = 0
        if let qualification = state.qualification, !qualification.isFinished {
            let (next, step) = dialogue.reply(to: text, in: qualification)
            state.qualification = next
            if let intent = step.intent { return await resumingQualification(handle(intent, text: text, state: state, context: context)) }
            if let outcome = step.finished { return finishQualification(outcome, closing: step.reply, state: state) }
            return ChatTurn(replies: [step.reply], state: state)
        }
        if let reading = intentReader.read(text) {
            return await handle(reading.intent, text: text, state: state, context: context)
        }
        if qualifiesLeads, state.qualification == nil {
            let (started, _) = dialogue.start(language: state.language)
            let (next, step) = dialogue.reply(to: text, in: started)
            state.qualification = next
            return ChatTurn(replies: [step.reply], state: state)
        }
        if given { return ChatTurn(replies: [wording.contactNoted + " " + wording.menu], state: state) }
        if let written = await freeAnswer(text, context: context) { return ChatTurn(replies: [written], state: state) }
        return ChatTurn(replies: [wording.menu], state: state)
    }

    /// Takes the email and phone a message gives; true when it gave one.
    private func absorbContact(_ text: String, into state: inout ChatState) -> Bool {
        let email = ChatTextScanner.email(in: text)
        let phone = ChatTextScanner.phone(in: text, language: state.language)
        if let email { state.email = email }
        if let phone { state.phone = phone }
        return email != nil || phone != nil
    }

    /// After a change of subject handled in the middle of a qualification, asks the waiting question again, unless the
    /// agent now waits for something else or the conversation went to a person.
    private func resumingQualification(_ turn: ChatTurn) -> ChatTurn {
        var turn = turn
        guard turn.state.awaiting == nil, !turn.state.handedOff, let qualification = turn.state.qualification, !qualification.isFinished else {
            return turn
        }
        let (next, step) = dialogue.resume(qualification)
        turn.state.qualification = next
        if let outcome = step.finished { return finishQualification(outcome, closing: step.reply, state: turn.state, before: turn.replies) }
        turn.replies.append(step.reply)
        return turn
    }

    /// The qualification is done: the lead is recorded when the visitor is known, else the agent asks how to reach them.
    func finishQualification(_ outcome: QualificationOutcome, closing: String, state: ChatState, before: [String] = []) -> ChatTurn {
        var state = state
        state.outcome = outcome
        let wording = ChatWording.of(state.language)
        guard state.knowsContact else {
            state.awaiting = .contactForLead
            return ChatTurn(replies: before + [closing + " " + wording.askContactForLead], state: state)
        }
        return recordLead(state: state, replies: before + [closing])
    }

    func recordLead(state: ChatState, replies: [String]) -> ChatTurn {
        var state = state
        guard let outcome = state.outcome, !state.leadRecorded else { return ChatTurn(replies: replies, state: state) }
        state.leadRecorded = true
        state.awaiting = nil
        let lead = ChatLead(
            outcome: outcome, email: state.email, phone: state.phone, transcript: state.qualification?.transcript ?? [], language: state.language)
        return ChatTurn(replies: replies, state: state, effects: [.recordLead(lead)])
    }

    func handOff(_ reason: HandOffReason, text: String, state: ChatState, before: [String] = []) -> ChatTurn {
        var state = state
        state.handedOff = true
        state.awaiting = nil
        let wording = ChatWording.of(state.language)
        let first: String =
            switch reason {
            case .asked: wording.handOffAsked
            case .negativeSentiment: wording.handOffNegative
            case .orderChecksExhausted: wording.orderChecksExhausted
            }
        let reply = state.knowsContact ? first : first + " " + wording.askContactForTeam
        let request = HandOffRequest(reason: reason, lastMessage: text, email: state.email, phone: state.phone, language: state.language)
        return ChatTurn(replies: before + [reply], state: state, effects: [.handOff(request)])
    }
}
