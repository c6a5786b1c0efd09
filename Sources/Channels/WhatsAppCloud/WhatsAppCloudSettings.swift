import AutopilotCore
import Foundation

/// How Autopilot reaches the WhatsApp Cloud API (Meta Graph API): the business phone number's id and a system-user token.
public struct WhatsAppCloudSettings: Sendable, Hashable, CustomStringConvertible {
    public var phoneNumberID: String
    public var accessToken: String
    /// `https://graph.facebook.com/v21.0` unless a proxy or a test server stands in.
    public var baseURL: String

    public init(phoneNumberID: String, accessToken: String, baseURL: String = "https://graph.facebook.com/v21.0") {
        self.phoneNumberID = phoneNumberID
        self.accessToken = accessToken
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    /// Reads WHATSAPP_CLOUD_TOKEN, WHATSAPP_PHONE_NUMBER_ID and WHATSAPP_CLOUD_BASE_URL; nil when no token is set.
    public static func fromEnvironment(_ environment: [String: String]) throws(ConfigurationError) -> WhatsAppCloudSettings? {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let token = value("WHATSAPP_CLOUD_TOKEN") else { return nil }
        guard let phone = value("WHATSAPP_PHONE_NUMBER_ID") else {
            throw ConfigurationError(
                variable: "WHATSAPP_PHONE_NUMBER_ID", reason: "is required with WHATSAPP_CLOUD_TOKEN (the business phone number's id)")
        }
        guard phone.allSatisfy(\.isNumber) else {
            throw ConfigurationError(variable: "WHATSAPP_PHONE_NUMBER_ID", reason: "\"\(phone)\" is not a phone number id (digits)")
        }
        let settings = WhatsAppCloudSettings(
            phoneNumberID: phone, accessToken: token, baseURL: value("WHATSAPP_CLOUD_BASE_URL") ?? "https://graph.facebook.com/v21.0")
        guard let url = URL(string: settings.baseURL), url.host != nil, url.scheme == "https" || url.scheme == "http" else {
            throw ConfigurationError(variable: "WHATSAPP_CLOUD_BASE_URL", reason: "\"\(settings.baseURL)\" is not an http(s) URL")
        }
        return settings
    }

    /// Without the token.
    public var description: String { "whatsapp cloud number \(phoneNumberID) via \(baseURL)" }
}
