import AutopilotCore
import Foundation
import Scoring

/// The follow-up decision engine ("MAX"): reads each contact's history and proposes at most one follow-up per contact,
/// the most urgent first. Pure: no database, no clock; `now` is an input.
///
/// ```swift
/// let list = RecommendationEngine.recommend(histories, now: clock.now(), locale: .french)
/// list.first?.reason  // "Lead chaud arrivé il y a 2 heures, pas encore contacté — le contacter maintenant par SMS"
/// ```
public struct RecommendationEngine: Sendable {
    public var policy: DecisionPolicy
    public var values: ValuePolicy

    public init(policy: DecisionPolicy = .standard, values: ValuePolicy = .standard) {
        self.policy = policy
        self.values = values
    }

    /// Recommendations for `contacts` at `now` with the standard policy, sorted by priority, then due date, then id.
    /// `locale` is the tenant's language, used for contacts whose own language is neither French nor English.
    public static func recommend(_ contacts: [ContactHistory], now: Date, locale: ScoringLocale) -> [Recommendation] {
        RecommendationEngine().recommend(contacts, now: now, locale: locale)
    }

    /// Recommendations for `contacts` at `now`, sorted by priority, then due date, then id. Runs on all cores for
    /// large batches; the result does not depend on scheduling.
    public func recommend(_ contacts: [ContactHistory], now: Date, locale: ScoringLocale) -> [Recommendation] {
        let perContact = ParallelMap.map(contacts) { recommendation(for: $0, now: now, locale: locale) }
        return UrgencyOrder.sorted(perContact.compactMap { $0 })
    }

    /// The one recommendation for `contact` at `now`, or nil when no rule holds (or the contact cannot be reached).
    public func recommendation(for contact: ContactHistory, now: Date, locale: ScoringLocale) -> Recommendation? {
        let matches = RuleBook(policy: policy).matches(for: contact, now: now)
        guard let best = matches.min(by: { $0.rule.precedence < $1.rule.precedence }) else { return nil }
        let language = ReasonWriter.locale(of: contact, tenant: locale)
        var priority = best.rule.basePriority
        var escalations: [PriorityEscalation] = []
        if best.rule.isMessageRule, contact.lead?.tier == .hot {
            priority = priority.escalated
            escalations.append(.hotLead)
        }
        let dueAt = best.heldFrom.addingTimeInterval(priority.responseWindowHours * 3600)
        if priority == .low, now > dueAt {
            priority = priority.escalated
            escalations.append(.overdue)
        }
        let evidence = RecommendationEvidence(
            hoursSince: best.since.flatMap { Self.finite(now.timeIntervalSince($0) / 3600) }, thresholdHours: best.thresholdHours,
            messageID: best.message?.id, messageChannel: best.message?.channel, since: best.since, leadTier: contact.lead?.tier,
            churnBand: contact.churn?.band,
            churnScore: contact.churn.flatMap { Self.finite($0.score) },
            alsoHeld: matches.filter { $0.rule != best.rule }.map(\.rule).sorted { $0.precedence < $1.precedence }, escalations: escalations
        )
        return Recommendation(
            id: RecommendationID.make(contactID: contact.id, rule: best.rule, trigger: best.trigger), contactID: contact.id,
            contactEmail: contact.email, rule: best.rule, action: best.action,
            reason: ReasonWriter.reason(best, contact: contact, now: now, locale: language), locale: language, evidence: evidence,
            priority: priority, channel: best.channel, templateID: best.rule.templateID, createdAt: now, dueAt: dueAt,
            expectedValue: values.expectedValue(of: contact), contactName: contact.name
        )
    }

    /// Keeps NaN and infinities out of the evidence (they cannot be encoded as JSON).
    private static func finite(_ value: Double) -> Double? {
        value.isFinite ? value : nil
    }
}
