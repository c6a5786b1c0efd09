import AutopilotCore
import Channels
import Foundation

extension SenderDirectory {
    /// The process-wide senders the environment configures, for tenants without their own: Twilio for SMS (and WhatsApp
    /// when TWILIO_WHATSAPP_FROM is set) when TWILIO_ACCOUNT_SID is; the WhatsApp Cloud API for WhatsApp when
    /// WHATSAPP_CLOUD_TOKEN is (and Twilio does not send WhatsApp); Omnisend for the channels in OMNISEND_CHANNELS
    /// (default `email`) when OMNISEND_API_KEY is and no other sender took them; `log` for everything else.
    public static func fromEnvironment(_ environment: [String: String]) throws -> SenderDirectory {
        var byChannel: [Channel: any MessageSender] = [:]
        if let twilio = try TwilioSettings.fromEnvironment(environment) {
            let sender = TwilioSender(settings: twilio)
            if twilio.smsFrom != nil || twilio.messagingServiceSID != nil { byChannel[.sms] = sender }
            if twilio.whatsappFrom != nil { byChannel[.whatsapp] = sender }
        }
        if byChannel[.whatsapp] == nil, let cloud = try WhatsAppCloudSettings.fromEnvironment(environment) {
            byChannel[.whatsapp] = WhatsAppCloudSender(settings: cloud)
        }
        if let omnisend = try OmnisendSettings.fromEnvironment(environment) {
            let names = (environment["OMNISEND_CHANNELS"].flatMap { $0.isEmpty ? nil : $0 } ?? "email").split(separator: ",")
            for name in names.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) {
                guard let channel = Channel(rawValue: name), ChannelProvider.omnisend.channels.contains(channel) else {
                    throw ConfigurationError(variable: "OMNISEND_CHANNELS", reason: "\"\(name)\" is not email or sms")
                }
                if byChannel[channel] == nil { byChannel[channel] = OmnisendSender(settings: omnisend) }
            }
        }
        return SenderDirectory(byChannel: byChannel)
    }
}
