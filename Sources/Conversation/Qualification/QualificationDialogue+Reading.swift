import Foundation
import Scoring

extension QualificationDialogue {
    /// What one message says: the BANT fields (with the asked field read in context), the need, the tools, and
    /// whether the visitor declined to answer.
    struct MessageReading {
        var fields: LeadFields
        var need: String?
        var tools: String?
        var declined: Set<QualificationField>
    }

    /// Reads a message; `asked` is the question it answers, so a bare "500" is a budget and "3 mois" a timeline.
    /// With `takesFreeText` false (a message that changes the subject), the need and the tools are read only from
    /// their words ("relancer", "Shopify"), never from the message as a whole.
    func read(_ text: String, asked: QualificationField?, language: ScoringLocale, takesFreeText: Bool = true) -> MessageReading {
        let corrected = TypoCorrector.corrected(text)
        var fields = qualifier.fields(from: corrected)
        let cues = AnswerPhrases.hits(in: corrected).map(\.value)
        let refused = cues.contains(.refusal)
        let trimmed = String(text.trimmingCharacters(in: .whitespacesAndNewlines).prefix(300))
        let wordCount = ConversationText(text).words.count
        let isYesOrNo = cues.allSatisfy { $0 == .yes || $0 == .no } && wordCount <= 3
        let substantive = !refused && wordCount >= 2 && !isYesOrNo
        var reading = MessageReading(fields: fields, need: nil, tools: nil, declined: [])

        switch asked {
        case .budget? where fields.budget == nil && !refused:
            let hinted = readWithLeadIn("budget ", corrected)
            fields.budget = hinted.budget
            fields.evidence.budget = hinted.evidence.budget
        case .timeline? where fields.timeline == nil && !refused:
            let hinted = readWithLeadIn(language == .french ? "d'ici " : "within ", corrected)
            fields.timeline = hinted.timeline
            fields.evidence.timeline = hinted.evidence.timeline
        case .authority? where fields.decisionMaker == nil:
            if cues.contains(.sharedDecision) || cues.contains(.no) {
                fields.decisionMaker = false
            } else if cues.contains(.yes) {
                fields.decisionMaker = true
            }
        default:
            break
        }
        reading.fields = fields

        if takesFreeText && (cues.contains(.need) && !refused || asked == .need && substantive) {
            reading.need = trimmed
        }
        let tools = cues.compactMap { cue -> String? in if case .tool(let name) = cue { name } else { nil } }
        if !tools.isEmpty {
            reading.tools = tools.enumerated().filter { !tools[..<$0.offset].contains($0.element) }.map(\.element)
                .joined(separator: ", ")
        } else if asked == .currentTools, cues.contains(.noTools) {
            reading.tools = language == .french ? "aucun outil" : "no tool"
        } else if takesFreeText, asked == .currentTools, substantive, reading.need == nil {
            reading.tools = trimmed
        }

        if refused, let asked, !Self.has(asked, in: reading) { reading.declined.insert(asked) }
        if refused, fields.budget == nil, Self.mentionsBudget(corrected) { reading.declined.insert(.budget) }
        return reading
    }

    /// Applies a reading to the state; returns the fields it made known or declined.
    func apply(_ reading: MessageReading, to state: inout QualificationState) -> Set<QualificationField> {
        var learned: Set<QualificationField> = []
        let new = reading.fields
        if let budget = new.budget {
            state.fields.budget = budget
            state.fields.evidence.budget = new.evidence.budget
            learned.insert(.budget)
        }
        if let timeline = new.timeline {
            state.fields.timeline = timeline
            state.fields.evidence.timeline = new.evidence.timeline
            learned.insert(.timeline)
        }
        if let decisionMaker = new.decisionMaker {
            state.fields.decisionMaker = decisionMaker
            state.fields.evidence.decisionMaker = new.evidence.decisionMaker
            learned.insert(.authority)
        }
        if new.fit, !state.fields.fit {
            state.fields.fit = true
            state.fields.evidence.fit = new.evidence.fit
        }
        if new.engagement > state.fields.engagement {
            state.fields.engagement = new.engagement
            state.fields.evidence.engagement = new.evidence.engagement
        }
        if let need = reading.need, state.need == nil || state.asked == .need {
            state.need = need
            learned.insert(.need)
        }
        if let tools = reading.tools {
            state.currentTools = tools
            learned.insert(.currentTools)
        }
        for field in reading.declined where !state.knows(field) {
            state.declined.insert(field)
            learned.insert(field)
        }
        return learned
    }

    /// Reads `text` as if it followed `leadIn` ("budget ", "d'ici "), with the evidence ranges moved back onto `text`.
    private func readWithLeadIn(_ leadIn: String, _ text: String) -> LeadFields {
        var fields = qualifier.fields(from: leadIn + text)
        let shift = leadIn.count
        for keyPath in [\LeadEvidence.budget, \LeadEvidence.timeline] {
            guard let range = fields.evidence[keyPath: keyPath].range else { continue }
            fields.evidence[keyPath: keyPath].range = EvidenceRange(start: max(0, range.start - shift), end: max(0, range.end - shift))
        }
        return fields
    }

    private static func has(_ field: QualificationField, in reading: MessageReading) -> Bool {
        switch field {
        case .need: reading.need != nil
        case .currentTools: reading.tools != nil
        case .timeline: reading.fields.timeline != nil
        case .authority: reading.fields.decisionMaker != nil
        case .budget: reading.fields.budget != nil
        }
    }

    private static func mentionsBudget(_ text: String) -> Bool {
        ConversationText(text).words.contains { $0.hasPrefix("budg") || $0.hasPrefix("invest") || $0 == "montant" || $0 == "amount" }
    }
}
