import AutopilotCore
import Foundation

/// How Autopilot reaches Twilio's Messages API: the account, its auth token, the senders per channel.
public struct TwilioSettings: Sendable, Hashable, CustomStringConvertible {
    public var accountSID: String
    public var authToken: String
    /// The SMS sender: a number in E.164 or an alphanumeric sender id.
    public var smsFrom: String?
    /// The WhatsApp sender number in E.164 (sent as `whatsapp:+…`).
    public var whatsappFrom: String?
    /// A Messaging Service instead of a fixed sender (`MG…`).
    public var messagingServiceSID: String?
    /// Where Twilio posts delivery statuses (Autopilot's `POST /v1/webhooks/twilio/{token}`).
    public var statusCallbackURL: String?
    /// `https://api.twilio.com` unless a proxy or a test server stands in.
    public var baseURL: String

    public init(
        accountSID: String, authToken: String, smsFrom: String? = nil, whatsappFrom: String? = nil, messagingServiceSID: String? = nil,
        statusCallbackURL: String? = nil, baseURL: String = "https://api.twilio.com"
    ) {
        self.accountSID = accountSID
        self.authToken = authToken
        self.smsFrom = smsFrom
        self.whatsappFrom = whatsappFrom
        self.messagingServiceSID = messagingServiceSID
        self.statusCallbackURL = statusCallbackURL
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    /// Reads TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM, TWILIO_WHATSAPP_FROM, TWILIO_MESSAGING_SERVICE_SID,
    /// TWILIO_STATUS_CALLBACK_URL and TWILIO_BASE_URL; nil when no account is configured.
    public static func fromEnvironment(_ environment: [String: String]) throws(ConfigurationError) -> TwilioSettings? {
        guard let account = environment["TWILIO_ACCOUNT_SID"], !account.isEmpty else { return nil }
        guard let token = environment["TWILIO_AUTH_TOKEN"], !token.isEmpty else {
            throw ConfigurationError(variable: "TWILIO_AUTH_TOKEN", reason: "is required with TWILIO_ACCOUNT_SID")
        }
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let settings = TwilioSettings(
            accountSID: account, authToken: token, smsFrom: value("TWILIO_FROM"), whatsappFrom: value("TWILIO_WHATSAPP_FROM"),
            messagingServiceSID: value("TWILIO_MESSAGING_SERVICE_SID"), statusCallbackURL: value("TWILIO_STATUS_CALLBACK_URL"),
            baseURL: value("TWILIO_BASE_URL") ?? "https://api.twilio.com")
        guard settings.smsFrom != nil || settings.whatsappFrom != nil || settings.messagingServiceSID != nil else {
            throw ConfigurationError(
                variable: "TWILIO_FROM", reason: "a sender is required: TWILIO_FROM, TWILIO_WHATSAPP_FROM or TWILIO_MESSAGING_SERVICE_SID")
        }
        guard URL(string: settings.baseURL)?.host != nil else {
            throw ConfigurationError(variable: "TWILIO_BASE_URL", reason: "\"\(settings.baseURL)\" is not a URL")
        }
        return settings
    }

    /// Without the auth token.
    public var description: String {
        "twilio account \(accountSID) sms from \(smsFrom ?? messagingServiceSID ?? "-") whatsapp from \(whatsappFrom ?? "-") via \(baseURL)"
    }
}
