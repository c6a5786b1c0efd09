import AutopilotCore
import Foundation
import Scoring

/// Qualifies every `lead.created` on ingest: right after it, a `lead.qualified` event carries the lead's BANT score and
/// tier (the nurture flow's trigger), and the lead row gets them in the same transaction. A lead whose qualification
/// comes in the same batch (the chat agent scores its own conversations) is not qualified again.
struct LeadQualificationStep: Sendable {
    /// The batch with derived events inserted, and for each event of the batch its position in the original request
    /// (nil for derived events).
    func enrich(_ events: [IncomingEvent]) -> (events: [IncomingEvent], origins: [Int?]) {
        guard events.contains(where: { $0.type == .leadCreated }) else { return (events, Array(events.indices)) }
        let qualifiedAlready = Set(events.compactMap { event -> String? in
            if case .leadQualified(let score) = event.payload { return score.leadID }
            return nil
        })
        var enriched: [IncomingEvent] = []
        var origins: [Int?] = []
        enriched.reserveCapacity(events.count + 8)
        for (index, event) in events.enumerated() {
            enriched.append(event)
            origins.append(index)
            if case .leadCreated(let lead) = event.payload, !(lead.leadID.map(qualifiedAlready.contains) ?? false),
                let qualified = qualifiedEvent(for: event, lead: lead)
            {
                enriched.append(qualified)
                origins.append(nil)
            }
        }
        return (enriched, origins)
    }

    private func qualifiedEvent(for event: IncomingEvent, lead: LeadCreated) -> IncomingEvent? {
        let text = [lead.company, lead.message].compactMap { $0 }.joined(separator: ". ")
        let qualification = LeadQualifier(now: event.occurredAt).qualify(text)
        let key = (event.idempotencyKey ?? lead.leadID.map { "lead:" + $0 }).map { $0 + "#qualified" }
        var properties: JSONObject = [
            "score": .int(Int64(qualification.score)), "tier": .string(qualification.tier.rawValue), "source": "rules",
            "fit": .bool(qualification.fit), "engagement": .int(Int64(qualification.engagement)),
        ]
        if let leadID = lead.leadID { properties["lead_id"] = .string(leadID) }
        if let timeline = qualification.timeline { properties["timeline"] = .string(timeline.rawValue) }
        if let decisionMaker = qualification.decisionMaker { properties["decision_maker"] = .bool(decisionMaker) }
        if let budget = qualification.budget {
            properties["budget"] = [
                "amount": .double(budget.amount), "currency": .string(budget.currency.rawValue), "period": .string(budget.period.rawValue),
            ]
        }
        return IncomingEvent(
            type: .leadQualified, occurredAt: event.occurredAt, idempotencyKey: key, contact: event.contact,
            payload: .leadQualified(LeadScore(leadID: lead.leadID, score: qualification.score, tier: qualification.tier.rawValue)),
            properties: properties)
    }
}

extension IngestResult {
    /// The result for the request's own events, leaving out events Autopilot derived from them.
    func restricted(to origins: [Int?]) -> IngestResult {
        var result = IngestResult()
        for accepted in accepted {
            if let index = origins[accepted.index] { result.accepted.append(Accepted(index: index, id: accepted.id)) }
        }
        for duplicate in duplicates {
            if let index = origins[duplicate.index] {
                result.duplicates.append(Duplicate(index: index, id: duplicate.id, idempotencyKey: duplicate.idempotencyKey))
            }
        }
        return result
    }
}
