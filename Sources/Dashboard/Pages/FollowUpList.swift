import AutopilotCore
import Content
import Decisions
import Engine
import Foundation
import Scoring
import Storage

/// "À relancer aujourd'hui": the pending follow-ups of the day, most valuable first, each with one line saying why,
/// to accept, dismiss or snooze one or many.
struct FollowUpList {
    let app: DashboardApp
    let viewer: Viewer

    /// The day's list (the tenant's daily size, 25 unless set), or everything with `?followups=all`.
    func load(_ request: PageRequest) async throws -> [String: Any] {
        let strings = viewer.strings
        let showAll = request.text("followups") == "all"
        let insights = InsightsService(dependencies: app.dependencies, tenantID: viewer.tenantID)
        let list = try await insights.dailyList(limit: showAll ? Int.max : nil, language: viewer.language.rawValue)
        let items = list.items.map { item(for: $0.recommendation, why: $0.why) }
        return [
            "items": items,
            "hasItems": !items.isEmpty,
            "count": strings.format("today_followups_count", viewer.format.number(items.count), viewer.format.number(list.total)),
            "more": list.hasMore,
            "moreHref": "/?followups=all#followups",
        ]
    }

    func item(for recommendation: Recommendation, why: String? = nil) -> [String: Any] {
        let strings = viewer.strings, format = viewer.format
        var evidence: [String] = []
        if let hours = recommendation.evidence.hoursSince {
            evidence.append(strings.format("followup_hours_since", format.number(Int((hours / 24).rounded()))))
        }
        if let tier = recommendation.evidence.leadTier { evidence.append(strings.format("followup_lead_tier", tier.rawValue)) }
        if let score = recommendation.evidence.churnScore { evidence.append(strings.format("followup_churn", format.percent(score))) }
        return [
            "id": recommendation.id,
            "contact": recommendation.contactName ?? recommendation.contactEmail ?? recommendation.contactID,
            "contactHref": "/customers/\(recommendation.contactID)",
            "why": why ?? recommendation.reason,
            "evidence": evidence.joined(separator: " · "),
            "priority": strings["priority_\(recommendation.priority.rawValue)"],
            "priorityClass": recommendation.priority == .high ? "bad" : (recommendation.priority == .medium ? "warn" : "info"),
            "channel": strings["channel_\(recommendation.channel.rawValue)"],
        ]
    }
}
