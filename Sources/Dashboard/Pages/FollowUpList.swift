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
    static let defaultSize = 25

    let app: DashboardApp
    let viewer: Viewer

    func load(_ request: PageRequest) async throws -> [String: Any] {
        let strings = viewer.strings
        let showAll = request.text("followups") == "all"
        let insights = InsightsService(dependencies: app.dependencies, tenantID: viewer.tenantID)
        let pending = try await insights.pendingRecommendations(locale: viewer.language == .french ? .french : .english)
        let shown = showAll ? pending : Array(pending.prefix(Self.defaultSize))
        let items = shown.map { item(for: $0) }
        return [
            "items": items,
            "hasItems": !items.isEmpty,
            "count": strings.format("today_followups_count", viewer.format.number(items.count), viewer.format.number(pending.count)),
            "more": pending.count > shown.count,
            "moreHref": "/?followups=all#followups",
        ]
    }

    func item(for recommendation: Recommendation) -> [String: Any] {
        let strings = viewer.strings, format = viewer.format
        var evidence: [String] = []
        if let hours = recommendation.evidence.hoursSince {
            evidence.append(strings.format("followup_hours_since", format.decimal(hours / 24, fractionDigits: 1)))
        }
        if let tier = recommendation.evidence.leadTier { evidence.append(strings.format("followup_lead_tier", tier.rawValue)) }
        if let score = recommendation.evidence.churnScore { evidence.append(strings.format("followup_churn", format.percent(score))) }
        return [
            "id": recommendation.id,
            "contact": recommendation.contactEmail ?? recommendation.contactID,
            "contactHref": "/customers/\(recommendation.contactID)",
            "why": recommendation.reason,
            "evidence": evidence.joined(separator: " · "),
            "priority": strings["priority_\(recommendation.priority.rawValue)"],
            "priorityClass": recommendation.priority == .high ? "bad" : (recommendation.priority == .medium ? "warn" : "info"),
            "channel": strings["channel_\(recommendation.channel.rawValue)"],
        ]
    }
}
