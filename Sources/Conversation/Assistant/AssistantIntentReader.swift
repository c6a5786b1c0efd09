import AutopilotCore
public import Scoring

/// Reads a request to the assistant MAX offline, in French or English, with typos: a template draft, who to follow
/// up today, a lead's or customer's summary, an order's status, a flow's figures, the weekly report — or says plainly
/// that it cannot do the rest offline.
///
/// Each intent adds up its phrases' weights (`AssistantPhrases`): a draft needs a writing verb and a message word
/// ("écris" + "email"), a flow's figures a flow word or a flow's name (1.5) and a figures word, an order 1 more for
/// its number, a summary 1 more for an email address. The intent with the most points wins from 2 points (ties in
/// the order draft, follow-ups, report, summary, order, flow). Confidence is points / (points + 1), at most 0.95.
public struct AssistantIntentReader: Sendable {
    public init() {}

    /// The intent of `request`.
    public func read(_ request: String) -> AssistantReading {
        let message = ConversationText(request)
        let words = Self.withoutAddress(message.words)
        let language = LanguageDetector.language(of: message) ?? .french
        var points: [AssistantPhrases.Kind: Double] = [:]
        for hit in AssistantPhrases.table.hits(in: words) {
            points[hit.value.kind, default: 0] += hit.value.weight
        }
        let orderNumber = ReferenceScanner.orderNumber(in: request)
        let email = ReferenceScanner.email(in: request)
        let flow = FlowNames.flow(in: words)
        if orderNumber != nil, points[.order] != nil { points[.order, default: 0] += 1 }
        if email != nil { points[.summary, default: 0] += 1 }
        if flow != nil { points[.flow, default: 0] += 1.5 }

        let draft = (points[.draftVerb] ?? 0) > 0 && (points[.draftNoun] ?? 0) > 0
            ? (points[.draftVerb] ?? 0) + (points[.draftNoun] ?? 0) : 0
        let flowFigures = (points[.flow] ?? 0) > 0 && (points[.figures] ?? 0) > 0 ? (points[.flow] ?? 0) + (points[.figures] ?? 0) : 0
        let ranked: [(Intent, Double)] = [
            (.draft, draft), (.followUps, points[.followUps] ?? 0), (.report, points[.report] ?? 0),
            (.summary, points[.summary] ?? 0), (.order, points[.order] ?? 0), (.flow, flowFigures),
        ]
        let top = ranked.map(\.1).max() ?? 0
        guard top >= 2, let best = ranked.first(where: { $0.1 == top })?.0 else {
            return AssistantReading(
                intent: .unsupported(reason: AssistantWording.of(language).unsupported), confidence: 0.9, language: language)
        }
        let confidence = min(0.95, top / (top + 1))
        let wording = AssistantWording.of(language)
        switch best {
        case .draft:
            let purpose = DraftPurpose(
                goal: DraftPhrases.goals.hits(in: words).first?.value ?? .general,
                audience: DraftPhrases.audiences.hits(in: words).first?.value)
            let channel = DraftPhrases.channels.hits(in: words).first?.value ?? .email
            return AssistantReading(intent: .createTemplateDraft(purpose: purpose, channel: channel), confidence: confidence, language: language)
        case .followUps:
            return AssistantReading(intent: .followUpsToday, confidence: confidence, language: language)
        case .report:
            return AssistantReading(intent: .weeklyReport, confidence: confidence, language: language)
        case .summary:
            let reference = email.map(ContactReference.email) ?? ContactNameFinder.name(in: message).map(ContactReference.name)
            return AssistantReading(
                intent: .contactSummary(reference), confidence: confidence, language: language,
                question: reference == nil ? wording.whichContact : nil)
        case .order:
            return AssistantReading(
                intent: .orderStatus(orderNumber: orderNumber), confidence: confidence, language: language,
                question: orderNumber == nil ? wording.whichOrder : nil)
        case .flow:
            return AssistantReading(intent: .flowFigures(flowID: flow?.id), confidence: confidence, language: language)
        }
    }

    private enum Intent { case draft, followUps, report, summary, order, flow }

    /// The words without "MAX" (or "Max") when it opens the request.
    private static func withoutAddress(_ words: [String]) -> [String] {
        words.first == "max" ? Array(words.dropFirst()) : words
    }
}
