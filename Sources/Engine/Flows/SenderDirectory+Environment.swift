import AutopilotCore
import Channels

extension SenderDirectory {
    /// The process-wide senders the environment configures: Twilio for SMS (and WhatsApp when TWILIO_WHATSAPP_FROM is
    /// set) when TWILIO_ACCOUNT_SID is; `log` for everything else.
    public static func fromEnvironment(_ environment: [String: String]) throws -> SenderDirectory {
        var byChannel: [Channel: any MessageSender] = [:]
        if let twilio = try TwilioSettings.fromEnvironment(environment) {
            let sender = TwilioSender(settings: twilio)
            if twilio.smsFrom != nil || twilio.messagingServiceSID != nil { byChannel[.sms] = sender }
            if twilio.whatsappFrom != nil { byChannel[.whatsapp] = sender }
        }
        return SenderDirectory(byChannel: byChannel)
    }
}
