import AutopilotCore
import Decisions
import Foundation
import Storage

/// What accepting a recommendation sends: its suggested template on its channel, queued in the outbox like a flow's
/// message (so smart sending — consent, caps, quiet hours — still decides when it goes). Queued once per recommendation.
struct RecommendationDelivery {
    let store: any FlowRunStore
    let tenantID: String

    /// The template for the recommendation's channel: the rule's own email, or the short personal follow-up on SMS or WhatsApp.
    static func template(for recommendation: Recommendation) -> String {
        switch recommendation.channel {
        case .email: recommendation.templateID
        case .sms: "follow-up-sms"
        case .whatsapp: "follow-up-whatsapp"
        }
    }

    /// Queues the message; returns its id (the same id when called again for the same recommendation).
    func queue(_ recommendation: Recommendation, now: Date) async throws -> QueuedFollowUp {
        let key = "recommendation:" + recommendation.id
        let id = FlowRunChanges.messageID(tenantID: tenantID, key: key)
        let template = Self.template(for: recommendation)
        let context: JSONObject = ["recommendation": ["rule": .string(recommendation.rule.rawValue), "reason": .string(recommendation.reason)]]
        let message = OutboxRecord(
            id: id, tenantID: tenantID, idempotencyKey: key, contactID: recommendation.contactID, runID: nil, flowID: nil,
            step: "recommendation:" + recommendation.rule.rawValue, channel: recommendation.channel, template: template, purpose: .marketing,
            options: MessageOptions(context: context), scheduledAt: now, nextAttemptAt: now, createdAt: now, updatedAt: now)
        try await store.changeRuns(tenantID: tenantID, contactIDs: [recommendation.contactID]) { _, _ in (FlowChanges(messages: [message]), ()) }
        return QueuedFollowUp(messageID: id, template: template, channel: recommendation.channel.rawValue)
    }
}

/// The message an accepted recommendation queued.
public struct QueuedFollowUp: Sendable, Equatable, Encodable {
    public var messageID: String
    public var template: String
    public var channel: String

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id", template, channel
    }
}
