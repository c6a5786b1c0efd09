import AutopilotCore
import Decisions
import Foundation
import Scoring

/// Builders for contact histories; `now` is fixed so every test reads as hours before it.
enum Fixtures {
    static let now = Date(timeIntervalSince1970: 1_772_366_400)  // 2026-03-01T12:00:00Z

    static func hoursAgo(_ hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }

    static let allChannels = ChannelConsents(email: true, sms: true, whatsapp: true)
    static let emailOnly = ChannelConsents(email: true)

    static func email(
        _ id: String = "m1", sentHoursAgo: Double, deliveredHoursAgo: Double? = nil, openedHoursAgo: Double? = nil,
        repliedHoursAgo: Double? = nil
    ) -> ContactMessage {
        ContactMessage(
            id: id, direction: .outbound, channel: .email, sentAt: hoursAgo(sentHoursAgo), deliveredAt: deliveredHoursAgo.map(hoursAgo),
            openedAt: openedHoursAgo.map(hoursAgo), repliedAt: repliedHoursAgo.map(hoursAgo), template: "welcome"
        )
    }

    static func outbound(_ id: String, _ channel: Channel, sentHoursAgo: Double, openedHoursAgo: Double? = nil) -> ContactMessage {
        ContactMessage(
            id: id, direction: .outbound, channel: channel, sentAt: hoursAgo(sentHoursAgo), deliveredAt: hoursAgo(sentHoursAgo),
            openedAt: openedHoursAgo.map(hoursAgo)
        )
    }

    static func inbound(_ id: String, _ channel: Channel = .email, hoursAgo hours: Double) -> ContactMessage {
        ContactMessage(id: id, direction: .inbound, channel: channel, sentAt: hoursAgo(hours))
    }

    static func contact(
        _ id: String = "ct_1", locale: String? = "en", consents: ChannelConsents = allChannels, preferred: Channel? = nil,
        messages: [ContactMessage] = [], lead: LeadSnapshot? = nil, churn: ChurnAssessment? = nil
    ) -> ContactHistory {
        ContactHistory(
            id: id, email: id + "@example.com", locale: locale, consents: consents, preferredChannel: preferred, messages: messages, lead: lead,
            churn: churn
        )
    }

    static func recommend(_ contact: ContactHistory, locale: ScoringLocale = .english) -> Recommendation? {
        RecommendationEngine().recommendation(for: contact, now: now, locale: locale)
    }
}
