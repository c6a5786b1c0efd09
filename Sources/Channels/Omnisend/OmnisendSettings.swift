import AutopilotCore
import Foundation

/// How Autopilot reaches Omnisend: an API key and the name of the custom event whose automation sends the message.
public struct OmnisendSettings: Sendable, Hashable, CustomStringConvertible {
    public var apiKey: String
    /// The custom event Autopilot sends; the tenant's Omnisend automation on it sends `subject`/`text`/`html`.
    public var eventName: String
    /// `https://api.omnisend.com` unless a proxy or a test server stands in.
    public var baseURL: String
    /// The API version header (`Omnisend-Version`).
    public var apiVersion: String

    public init(
        apiKey: String, eventName: String = "autopilot message", baseURL: String = "https://api.omnisend.com", apiVersion: String = "2026-03-15"
    ) {
        self.apiKey = apiKey
        self.eventName = eventName
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiVersion = apiVersion
    }

    /// Reads OMNISEND_API_KEY, OMNISEND_EVENT_NAME and OMNISEND_BASE_URL; nil when no key is set.
    public static func fromEnvironment(_ environment: [String: String]) throws(ConfigurationError) -> OmnisendSettings? {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let key = value("OMNISEND_API_KEY") else { return nil }
        let settings = OmnisendSettings(
            apiKey: key, eventName: value("OMNISEND_EVENT_NAME") ?? "autopilot message",
            baseURL: value("OMNISEND_BASE_URL") ?? "https://api.omnisend.com")
        guard let url = URL(string: settings.baseURL), url.host != nil, url.scheme == "https" || url.scheme == "http" else {
            throw ConfigurationError(variable: "OMNISEND_BASE_URL", reason: "\"\(settings.baseURL)\" is not an http(s) URL")
        }
        guard settings.eventName.count <= 100 else {
            throw ConfigurationError(variable: "OMNISEND_EVENT_NAME", reason: "is longer than 100 characters")
        }
        return settings
    }

    /// Without the key.
    public var description: String { "omnisend event \"\(eventName)\" via \(baseURL)" }
}
