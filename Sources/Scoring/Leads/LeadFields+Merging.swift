import Foundation

extension LeadFields {
    /// Merges a refinement into the rules' fields. Pure.
    ///
    /// For each field: a value the rules read from an explicit span of text wins any conflict; otherwise the
    /// model's value is taken and its evidence says `source: model`, with the model's quote and, when the quote is
    /// found in `text`, its range. Fields neither side has stay unstated. Invalid model values (a negative or
    /// non-finite amount) are ignored.
    public func merging(_ refinement: LeadRefinement, text: String) -> LeadFields {
        var merged = self
        let rule = refinement.model.map { "model:\($0)" } ?? "model"
        func modelEvidence(_ quote: String?) -> FieldEvidence {
            FieldEvidence(text: quote, range: quote.flatMap { Self.locate($0, in: text) }, rule: rule, source: .model)
        }
        if !evidence.budget.isExplicit, let finding = refinement.budget, finding.value.amount.isFinite,
            finding.value.amount >= 0
        {
            merged.budget = finding.value
            merged.evidence.budget = modelEvidence(finding.quote)
        }
        if !evidence.timeline.isExplicit, let finding = refinement.timeline {
            merged.timeline = finding.value
            merged.evidence.timeline = modelEvidence(finding.quote)
        }
        if !evidence.decisionMaker.isExplicit, let finding = refinement.decisionMaker {
            merged.decisionMaker = finding.value
            merged.evidence.decisionMaker = modelEvidence(finding.quote)
        }
        if !evidence.fit.isExplicit, let finding = refinement.fit {
            merged.fit = finding.value
            merged.evidence.fit = modelEvidence(finding.quote)
        }
        if !evidence.engagement.isExplicit, let finding = refinement.engagement {
            merged.engagement = finding.value >= 10 ? 10 : (finding.value >= 5 ? 5 : 0)
            merged.evidence.engagement = modelEvidence(finding.quote)
        }
        return merged
    }

    /// The character range of `quote` in `text` (exact, then ignoring case and accents), or nil.
    static func locate(_ quote: String, in text: String) -> EvidenceRange? {
        guard !quote.isEmpty else { return nil }
        let found =
            text.range(of: quote)
            ?? text.range(of: quote, options: [.caseInsensitive, .diacriticInsensitive])
        guard let found else { return nil }
        let start = text.distance(from: text.startIndex, to: found.lowerBound)
        return EvidenceRange(start: start, end: start + text.distance(from: found.lowerBound, to: found.upperBound))
    }
}
