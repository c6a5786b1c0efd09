import AutopilotCore
import Foundation

/// Which service sends a channel's messages for a tenant. Stored as its raw value; `log` is the default.
public enum ChannelProvider: String, Sendable, CaseIterable, Codable {
    /// Writes each message to the log (dry run).
    case log
    /// Email over an SMTP relay (`SMTPSender`).
    case smtp
    /// SMS and WhatsApp through Twilio's Messages API (`TwilioSender`).
    case twilio
    /// Email and SMS through Omnisend's events and automations (`OmnisendSender`).
    case omnisend
    /// WhatsApp through Meta's Cloud API (`WhatsAppCloudSender`).
    case whatsappCloud = "whatsapp_cloud"

    /// The channels the provider can send.
    public var channels: Set<Channel> {
        switch self {
        case .log: Set(Channel.allCases)
        case .smtp: [.email]
        case .twilio: [.sms, .whatsapp]
        case .omnisend: [.email, .sms]
        case .whatsappCloud: [.whatsapp]
        }
    }

    /// The name as written on the command line (`whatsapp-cloud` is accepted for `whatsapp_cloud`).
    public init?(name: String) {
        self.init(rawValue: name.lowercased().replacingOccurrences(of: "-", with: "_"))
    }

    /// The variables (named as in the environment) that configure the provider, and which of them are secrets.
    public var variables: (settings: [String], secrets: [String]) {
        switch self {
        case .log, .smtp: ([], [])
        case .twilio:
            (
                [
                    "TWILIO_ACCOUNT_SID", "TWILIO_FROM", "TWILIO_WHATSAPP_FROM", "TWILIO_MESSAGING_SERVICE_SID", "TWILIO_STATUS_CALLBACK_URL",
                    "TWILIO_BASE_URL",
                ],
                ["TWILIO_AUTH_TOKEN"]
            )
        case .omnisend: (["OMNISEND_EVENT_NAME", "OMNISEND_BASE_URL"], ["OMNISEND_API_KEY"])
        case .whatsappCloud: (["WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_CLOUD_BASE_URL"], ["WHATSAPP_CLOUD_TOKEN"])
        }
    }
}
