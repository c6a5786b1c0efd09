import Engine
import Foundation
import Scoring
import Storage

/// The Signals block of a lead: each BANT field in plain words with the words it came from and its points, the lead's
/// text with those words marked, and how the score and temperature were reached.
struct LeadSignals {
    /// The qualification shown and who wrote it.
    let qualification: LeadQualification
    let writer: String
    let text: String
    let strings: Strings
    let format: DisplayFormat

    /// The stored re-qualification when there is one, else the rules run again on the lead's text as on its arrival.
    init(file: LeadFile, strings: Strings, format: DisplayFormat) {
        let text = LeadDesk.qualificationText(company: file.row.company, message: file.message)
        var qualification: LeadQualification?
        var writer = strings["lead_written_by_rules_on_arrival"]
        if let stored = file.qualification, let decoded = try? JSONDecoder().decode(LeadQualification.self, from: Data(stored.json.utf8)) {
            qualification = decoded
            let when = format.dateTime(stored.qualifiedAt)
            writer =
                stored.qualifiedBy.hasPrefix("model:")
                ? strings.format("lead_written_by_model", String(stored.qualifiedBy.dropFirst("model:".count)), when)
                : strings.format("lead_written_by_rules", when)
        }
        self.qualification = qualification ?? LeadQualifier(now: file.row.createdAt).qualify(text)
        self.writer = writer
        self.text = text
        self.strings = strings
        self.format = format
    }

    /// One field: its BANT letter's name, the value in words, the quoted words, the points and who read it.
    func field(_ key: String, value: String, evidence: FieldEvidence, maximum: Int) -> [String: Any] {
        [
            "key": key, "label": strings["lead_field_\(key)"], "value": value, "words": evidence.text ?? "", "hasWords": evidence.text != nil,
            "points": strings.format("lead_points", String(evidence.points), String(maximum)),
            "source": TemplateValue.optional(
                evidence.source == .model ? strings["lead_source_model"] : (evidence.text == nil ? nil : strings["lead_source_rules"])),
            "technical": TemplateValue.optional(evidence.rule),
        ]
    }

    var fields: [[String: Any]] {
        let q = qualification, e = q.evidence
        let budget = q.budget.map { budget in
            let amount = format.money(budget.amount, currency: budget.currency.rawValue)
            return strings.format(budget.period == .year ? "lead_budget_year" : "lead_budget_month", amount)
        }
        let authority: String? = q.decisionMaker.map { strings[$0 ? "lead_authority_yes" : "lead_authority_no"] }
        return [
            field("budget", value: budget ?? strings["lead_unstated"], evidence: e.budget, maximum: 30),
            field("authority", value: authority ?? strings["lead_unstated"], evidence: e.decisionMaker, maximum: 20),
            field("need", value: strings[q.fit ? "lead_need_yes" : "lead_need_no"], evidence: e.fit, maximum: 15),
            field(
                "timing", value: q.timeline.map { strings["lead_timing_\($0.rawValue)"] } ?? strings["lead_unstated"], evidence: e.timeline,
                maximum: 25),
            field("engagement", value: strings.format("lead_engagement_value", String(q.engagement)), evidence: e.engagement, maximum: 10),
        ]
    }

    /// The lead's text with each field's words in `<mark>` (through the template: pieces are escaped there).
    var markedText: MarkedText {
        let e = qualification.evidence
        let candidates: [(String, EvidenceRange?)] = [
            ("budget", e.budget.range), ("authority", e.decisionMaker.range), ("need", e.fit.range), ("timing", e.timeline.range),
            ("engagement", e.engagement.range),
        ]
        var marks: [(field: String, range: EvidenceRange)] = []
        for (field, range) in candidates { if let range { marks.append((field, range)) } }
        return MarkedText(text, marks: marks)
    }

    /// "Score 80 / 100: budget 20 + decision-maker 20 + …; hot from 75."
    var explanation: String {
        let e = qualification.evidence
        let parts = [
            ("budget", e.budget.points), ("authority", e.decisionMaker.points), ("need", e.fit.points), ("timing", e.timeline.points),
            ("engagement", e.engagement.points),
        ].map { strings.format("lead_points_part", strings["lead_field_\($0.0)"].lowercased(), String($0.1)) }
        return strings.format(
            "lead_score_sum", String(qualification.score), parts.joined(separator: " + "),
            LeadWords.tier(qualification.tier.rawValue, strings: strings))
    }

    var templateValues: [String: Any] {
        [
            "fields": fields, "text": markedText.templateValues, "hasText": !text.isEmpty, "explanation": explanation, "writer": writer,
            "thresholds": strings["lead_tier_thresholds"],
        ]
    }
}
