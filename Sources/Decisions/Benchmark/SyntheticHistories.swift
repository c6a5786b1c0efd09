import AutopilotCore
import Foundation
import Scoring

/// Deterministic synthetic contact histories for the benchmark: the same seed gives the same contacts everywhere.
/// Mixes languages, consents (a few unsubscribed from all), channels, delivery/open/reply reports, leads and churn scores
/// so every rule fires on part of the population.
public enum SyntheticHistories {
    /// `count` contacts with exactly `messagesPerContact` messages each, spread over the 30 days before `now`.
    public static func make(count: Int, messagesPerContact: Int, seed: UInt64, now: Date) -> [ContactHistory] {
        var random = SplitMix64(seed: seed)
        let messageCount = max(messagesPerContact, 0)
        return (0..<max(count, 0)).map { index in
            contact(index, messages: messageCount, now: now, random: &random)
        }
    }

    private static func contact(_ index: Int, messages count: Int, now: Date, random: inout SplitMix64) -> ContactHistory {
        let consents = ChannelConsents(
            email: chance(0.9, &random), sms: chance(0.5, &random), whatsapp: chance(0.3, &random), unsubscribedFromAll: chance(0.02, &random)
        )
        let id = "ct_" + String(index)
        var messages: [ContactMessage] = []
        messages.reserveCapacity(count)
        for number in 0..<count {
            messages.append(message(id + "_m" + String(number), now: now, random: &random))
        }
        let lead =
            chance(0.2, &random)
            ? LeadSnapshot(tier: LeadTier.allCases[Int(random.next() % 4)], createdAt: now.addingTimeInterval(-unit(&random) * 4 * 3600)) : nil
        let churnScore = unit(&random)
        let churn = chance(0.3, &random) ? ChurnAssessment(band: ChurnBand(risk: churnScore), score: churnScore) : nil
        return ContactHistory(
            id: id, email: id + "@example.com", locale: chance(0.6, &random) ? "fr-FR" : (chance(0.5, &random) ? "en" : nil), consents: consents,
            preferredChannel: chance(0.5, &random) ? Channel.allCases[Int(random.next() % 3)] : nil, messages: messages, lead: lead, churn: churn
        )
    }

    private static func message(_ id: String, now: Date, random: inout SplitMix64) -> ContactMessage {
        let channel = Channel.allCases[Int(random.next() % 3)]
        let sentAt = now.addingTimeInterval(-unit(&random) * 30 * 86_400)
        guard chance(0.75, &random) else {
            return ContactMessage(id: id, direction: .inbound, channel: channel, sentAt: sentAt)
        }
        let delivered = chance(0.95, &random) ? sentAt.addingTimeInterval(60) : nil
        let opened = delivered != nil && channel != .sms && chance(0.4, &random) ? sentAt.addingTimeInterval(unit(&random) * 86_400) : nil
        let replied = opened != nil && chance(0.1, &random) ? opened?.addingTimeInterval(3600) : nil
        return ContactMessage(
            id: id, direction: .outbound, channel: channel, sentAt: sentAt, deliveredAt: delivered, openedAt: opened, repliedAt: replied,
            template: "newsletter"
        )
    }

    private static func unit(_ random: inout SplitMix64) -> Double {
        Double(random.next() >> 11) / 9_007_199_254_740_992
    }

    private static func chance(_ probability: Double, _ random: inout SplitMix64) -> Bool {
        unit(&random) < probability
    }
}
