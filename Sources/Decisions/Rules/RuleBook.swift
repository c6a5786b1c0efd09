import AutopilotCore
import Foundation
import Scoring

/// Evaluates every rule on one contact and returns those that hold, highest precedence first.
struct RuleBook {
    let policy: DecisionPolicy

    func matches(for contact: ContactHistory, now: Date) -> [RuleMatch] {
        let consents = contact.consents
        guard consents.isReachable else { return [] }
        let timeline = ContactTimeline(contact.messages, leadCreatedAt: contact.lead?.createdAt)
        var matches: [RuleMatch] = []
        if let match = hotLeadWaiting(contact, timeline: timeline, now: now) { matches.append(match) }
        guard !timeline.replied else { return matches }
        if let match = atRiskCustomer(contact, timeline: timeline, now: now) { matches.append(match) }
        let conversation = Self.conversation(of: contact, timeline: timeline)
        if !conversation.replied, let latest = conversation.latestOutbound {
            appendMessageMatches(latest, contact: contact, now: now, to: &matches)
        }
        return matches
    }

    /// What the message rules read: every message of a lead; for anyone else, the conversation only (a flow's marketing
    /// and transactional messages are followed up by their flow, not by a person).
    static func conversation(of contact: ContactHistory, timeline: ContactTimeline) -> ContactTimeline {
        guard contact.lead == nil, contact.messages.contains(where: { !$0.isConversation }) else { return timeline }
        return ContactTimeline(contact.messages.filter { $0.isConversation || $0.direction == .inbound }, leadCreatedAt: nil)
    }

    private func hotLeadWaiting(_ contact: ContactHistory, timeline: ContactTimeline, now: Date) -> RuleMatch? {
        guard let lead = contact.lead, lead.tier == .hot, lead.firstContactedAt == nil, timeline.firstOutboundSinceLead == nil,
            hours(from: lead.createdAt, to: now) > policy.hotLeadWaitHours,
            let channel = ChannelChoice.first([contact.preferredChannel, .sms, .whatsapp, .email], consents: contact.consents)
        else { return nil }
        return RuleMatch(
            rule: .hotLeadWaiting, action: .contactNow, channel: channel, trigger: "lead@" + Self.milliseconds(lead.createdAt),
            since: lead.createdAt, thresholdHours: policy.hotLeadWaitHours,
            heldFrom: lead.createdAt.addingTimeInterval(policy.hotLeadWaitHours * 3600), message: nil
        )
    }

    private func atRiskCustomer(_ contact: ContactHistory, timeline: ContactTimeline, now: Date) -> RuleMatch? {
        guard let churn = contact.churn, churn.band == .critical,
            let channel = ChannelChoice.first([contact.preferredChannel, .email, .sms, .whatsapp], consents: contact.consents)
        else { return nil }
        let last = timeline.latestOutbound
        if let last, hours(from: last.sentAt, to: now) <= policy.atRiskQuietHours { return nil }
        return RuleMatch(
            rule: .atRiskCustomer, action: .winBack, channel: channel, trigger: "after:" + (last?.id ?? "none"), since: last?.sentAt,
            thresholdHours: policy.atRiskQuietHours,
            heldFrom: last.map { $0.sentAt.addingTimeInterval(policy.atRiskQuietHours * 3600) } ?? now, message: last
        )
    }

    private func appendMessageMatches(_ message: ContactMessage, contact: ContactHistory, now: Date, to matches: inout [RuleMatch]) {
        let consents = contact.consents
        if policy.notOpenedChannels.contains(message.channel), message.openedAt == nil, let delivered = message.deliveredAt,
            hours(from: delivered, to: now) > policy.notOpenedAfterHours
        {
            let alternative = ChannelChoice.alternative(to: message.channel, preferred: contact.preferredChannel, consents: consents)
            if let channel = alternative ?? (consents.allows(message.channel) ? message.channel : nil) {
                matches.append(
                    match(.notOpened, alternative == nil ? .resend : .switchChannel, channel, message, since: delivered, policy.notOpenedAfterHours)
                )
            }
        }
        if policy.openedChannels.contains(message.channel), let opened = message.openedAt,
            hours(from: opened, to: now) > policy.openedNoReplyAfterHours,
            let channel = ChannelChoice.first([message.channel, contact.preferredChannel, .email, .sms, .whatsapp], consents: consents)
        {
            matches.append(match(.openedNoReply, .followUp, channel, message, since: opened, policy.openedNoReplyAfterHours))
        }
        if hours(from: message.sentAt, to: now) > policy.silenceAfterHours,
            let channel = ChannelChoice.first([contact.preferredChannel, message.channel, .email, .sms, .whatsapp], consents: consents)
        {
            matches.append(match(.silence, .followUp, channel, message, since: message.sentAt, policy.silenceAfterHours))
        }
    }

    private func match(
        _ rule: RecommendationRule, _ action: RecommendedAction, _ channel: Channel, _ message: ContactMessage, since: Date, _ threshold: Double
    ) -> RuleMatch {
        RuleMatch(
            rule: rule, action: action, channel: channel, trigger: "msg:" + message.id, since: since, thresholdHours: threshold,
            heldFrom: since.addingTimeInterval(threshold * 3600), message: message
        )
    }

    private func hours(from start: Date, to end: Date) -> Double {
        end.timeIntervalSince(start) / 3600
    }

    static func milliseconds(_ date: Date) -> String {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        guard value.isFinite, abs(value) < 9e15 else { return "0" }
        return String(Int64(value))
    }
}
