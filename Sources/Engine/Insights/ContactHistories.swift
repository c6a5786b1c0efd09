import AutopilotCore
import Decisions
import Foundation
import Scoring
import Storage

/// Builds the decision rules' input — one `ContactHistory` per contact — from stored messages, replies, leads and churn.
/// A B2B lead who wrote in and has no recorded email consent may be answered by email (they asked to be contacted).
/// Conversations and leads older than `horizonDays` are not actionable any more and are left out. A message is part of a
/// conversation unless its `message.sent` said it was marketing or transactional (`MessageKind`).
enum ContactHistories {
    static let horizonDays = 60.0

    /// `lifetimeValues`: each customer's predicted lifetime value (`predicted` true) or what they spent so far.
    static func make(
        _ data: ScoringData, churn: [String: ChurnAssessment], lifetimeValues: [String: (value: Double, predicted: Bool)] = [:], now: Date
    ) -> [ContactHistory] {
        let horizon = now.addingTimeInterval(-horizonDays * 86_400)
        var messages: [String: [ContactMessage]] = [:]
        for message in data.messages {
            guard let contact = message.contactID, let sentAt = message.sentAt ?? message.deliveredAt, sentAt >= horizon else { continue }
            messages[contact, default: []].append(
                ContactMessage(
                    id: message.externalID, direction: .outbound, channel: message.channel, sentAt: sentAt, deliveredAt: message.deliveredAt,
                    openedAt: message.openedAt, repliedAt: message.repliedAt, template: message.template,
                    isConversation: MessageKind.effective(message.kind) == .conversation))
        }
        for (index, reply) in data.replies.enumerated() where reply.at >= horizon {
            messages[reply.contactID, default: []].append(
                ContactMessage(id: "reply-\(index)-\(reply.messageExternalID ?? "")", direction: .inbound, channel: reply.channel, sentAt: reply.at))
        }
        var leads: [String: ScoringData.Lead] = [:]
        for lead in data.leads where lead.tier != nil && lead.createdAt >= horizon {
            if let current = leads[lead.contactID], current.createdAt > lead.createdAt { continue }
            leads[lead.contactID] = lead
        }
        var histories: [ContactHistory] = []
        for contact in data.contacts {
            let contactMessages = messages[contact.id] ?? []
            let lead = leads[contact.id]
            let risk = churn[contact.id]
            guard !contactMessages.isEmpty || lead != nil || risk.map({ $0.band == .critical }) == true else { continue }
            let unsubscribedFromAll =
                Channel.allCases.allSatisfy { contact.consents[$0]?.granted == false }
                && contact.consents.values.contains { $0.source == EventType.contactUnsubscribed.rawValue }
            let snapshot = lead.flatMap { lead -> LeadSnapshot? in
                guard let tier = lead.tier.flatMap(LeadTier.init(rawValue:)) else { return nil }
                let touches = (data.personalTouches[contact.id] ?? []).filter { $0 >= lead.createdAt }
                let contacted = (contactMessages.filter { $0.direction == .outbound && $0.sentAt >= lead.createdAt }.map(\.sentAt) + touches).min()
                return LeadSnapshot(tier: tier, createdAt: lead.createdAt, firstContactedAt: contacted, score: lead.score)
            }
            var consents = contact.consents
            if lead != nil, contact.email != nil, consents[.email] == nil {
                consents[.email] = ConsentState(granted: true, at: lead?.createdAt ?? .distantPast, source: "lead.created")
            }
            histories.append(
                ContactHistory(
                    id: contact.id, email: contact.email, locale: contact.locale,
                    consents: ChannelConsents(consents, unsubscribedFromAll: unsubscribedFromAll),
                    preferredChannel: nil, messages: contactMessages, lead: snapshot, churn: risk,
                    lifetimeValue: lifetimeValues[contact.id]?.value, lifetimeValueIsPredicted: lifetimeValues[contact.id]?.predicted ?? true,
                    name: Self.name(contact)))
        }
        return histories
    }

    static func name(_ contact: ContactRecord) -> String? {
        let name = [contact.firstName, contact.lastName].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        return name.isEmpty ? nil : name
    }
}
