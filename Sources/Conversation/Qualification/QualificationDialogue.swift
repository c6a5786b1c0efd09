public import Scoring

/// The B2B visitor qualification as a pure state machine: it reads each message with the BANT rules of
/// `LeadQualifier`, asks for the missing fields one at a time in the visitor's language, lets the caller handle a
/// change of subject, and ends with the score and tier of `LeadScoreTable` and a summary.
///
/// ```swift
/// let dialogue = QualificationDialogue()
/// var (state, step) = dialogue.start(language: .french)      // greeting + the first question
/// (state, step) = dialogue.reply(to: "On veut relancer nos paniers abandonnés", in: state)
/// if let intent = step.intent { /* answer it, then */ (state, step) = dialogue.resume(state) }
/// if let outcome = step.finished { /* outcome.qualification.tier, outcome.summary */ }
/// ```
///
/// A change of subject (`VisitorIntentReader`) is handed to the caller when the message answers nothing, or when it
/// is a clear request (confidence 0.75 or more), or asks for a person or a callback; what the message said about
/// the qualification is kept. A field is asked at most twice; a field the visitor declines ("je préfère ne pas dire", "rather not say") is
/// never asked again and scored as unstated. The latest statement of a field wins.
public struct QualificationDialogue: Sendable {
    /// Reads BANT fields; pass one with the clock's `now` so that month names ("en mars") are read.
    public var qualifier: LeadQualifier
    /// Reads a change of subject.
    public var intentReader: VisitorIntentReader

    public init(qualifier: LeadQualifier = LeadQualifier(), intentReader: VisitorIntentReader = VisitorIntentReader()) {
        self.qualifier = qualifier
        self.intentReader = intentReader
    }

    /// A new dialogue: the greeting and the first question, in `language`.
    public func start(language: ScoringLocale = .french) -> (state: QualificationState, step: DialogueStep) {
        var state = QualificationState(language: language)
        let step = next(&state, leadIn: [QualificationWording.of(language).greeting])
        return (state, step)
    }

    /// Reads the visitor's message and says what comes next: the next question, an intent for the caller, or the
    /// finished qualification.
    public func reply(to text: String, in state: QualificationState) -> (state: QualificationState, step: DialogueStep) {
        var state = state
        state.language = LanguageDetector.language(of: text) ?? state.language
        state.transcript.append(text)
        let wording = QualificationWording.of(state.language)
        let isFirst = state.askCounts.isEmpty
        if let reading = intentReader.read(text) {
            var handled = state
            let explicit = apply(read(text, asked: nil, language: state.language, takesFreeText: false), to: &handled)
            if explicit.isEmpty || reading.confidence >= 0.75 || reading.intent == .person || reading.intent == .callback {
                return (handled, DialogueStep(reply: wording.intentReply(reading.intent), intent: reading.intent))
            }
        }
        let learned = apply(read(text, asked: state.asked, language: state.language), to: &state)
        if state.isFinished {
            return (state, DialogueStep(reply: closing(state), finished: outcome(state)))
        }
        if let asked = state.asked, !learned.contains(asked), (state.askCounts[asked] ?? 0) >= 2 {
            state.skipped.insert(asked)
        }
        var leadIn: [String] = isFirst ? [wording.greeting] : []
        let variation = state.transcript.count
        if learned.contains(where: state.declined.contains) {
            leadIn.append(QualificationWording.pick(wording.noProblem, variation))
        } else if !learned.isEmpty {
            leadIn.append(QualificationWording.pick(wording.thanks, variation))
        }
        let step = next(&state, leadIn: leadIn)
        return (state, step)
    }

    /// Goes on after the caller handled an intent: asks again the question that was waiting (or the next one).
    public func resume(_ state: QualificationState) -> (state: QualificationState, step: DialogueStep) {
        var state = state
        if state.isFinished { return (state, DialogueStep(reply: closing(state), finished: outcome(state))) }
        let wording = QualificationWording.of(state.language)
        let leadIn = QualificationWording.pick(wording.resume, state.transcript.count)
        if let asked = state.asked, state.nextField == asked {
            let question = wording.question(asked, attempt: state.askCounts[asked] ?? 1, variation: state.transcript.count + 1)
            return (state, DialogueStep(reply: "\(leadIn) \(question)", askedField: asked))
        }
        let step = next(&state, leadIn: [leadIn])
        return (state, step)
    }

    /// The qualification of what the visitor said so far, finished or not.
    public func outcome(_ state: QualificationState) -> QualificationOutcome {
        let qualification = LeadScoreTable.qualification(of: state.fields, rates: qualifier.rates)
        let declined = QualificationField.allCases.filter(state.declined.contains)
        return QualificationOutcome(
            qualification: qualification, need: state.need, currentTools: state.currentTools, declined: declined,
            summary: QualificationSummary.text(state: state, qualification: qualification))
    }

    /// Asks the next missing field, or finishes.
    private func next(_ state: inout QualificationState, leadIn: [String]) -> DialogueStep {
        guard let field = state.nextField else {
            state.isFinished = true
            state.asked = nil
            return DialogueStep(reply: (leadIn + [closing(state)]).joined(separator: " "), finished: outcome(state))
        }
        let attempt = (state.askCounts[field] ?? 0) + 1
        state.askCounts[field] = attempt
        state.asked = field
        let variation = state.transcript.count + (QualificationField.allCases.firstIndex(of: field) ?? 0)
        let question = QualificationWording.of(state.language).question(field, attempt: attempt, variation: variation)
        return DialogueStep(reply: (leadIn + [question]).joined(separator: " "), askedField: field)
    }

    private func closing(_ state: QualificationState) -> String {
        let wording = QualificationWording.of(state.language)
        let tier = LeadScoreTable.qualification(of: state.fields, rates: qualifier.rates).tier
        return tier == .hot || tier == .warm ? wording.closingHot : wording.closingCold
    }
}
