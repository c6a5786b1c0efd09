import AutopilotCore
import Scoring

/// Channel names as they appear in reasons.
enum ChannelWording {
    /// "email", "SMS", "WhatsApp" (the same in both languages).
    static func name(_ channel: Channel) -> String {
        switch channel {
        case .email: "email"
        case .sms: "SMS"
        case .whatsapp: "WhatsApp"
        }
    }

    /// The message as the subject of a sentence: "Email", "SMS", "WhatsApp message" / "Message WhatsApp".
    static func message(_ channel: Channel, locale: ScoringLocale) -> String {
        switch (channel, locale) {
        case (.email, _): "Email"
        case (.sms, _): "SMS"
        case (.whatsapp, .english): "WhatsApp message"
        case (.whatsapp, .french): "Message WhatsApp"
        }
    }

    /// "opened" / "ouvert" for email, "read" / "lu" for a read receipt.
    static func opened(_ channel: Channel, locale: ScoringLocale) -> String {
        switch (channel, locale) {
        case (.whatsapp, .english): "read"
        case (.whatsapp, .french): "lu"
        case (_, .english): "opened"
        case (_, .french): "ouvert"
        }
    }
}
