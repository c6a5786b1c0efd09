import Foundation

/// A realtime speech-to-speech provider: its name, WebSocket URL and key, the protocol's dialect it speaks, and what a
/// minute of conversation costs (recorded beside the language-model costs).
public struct RealtimeProvider: Sendable, Hashable {
    public var name: String
    public var url: String
    public var apiKey: String?
    public var dialect: RealtimeDialect
    public var voice: String?
    public var transcriptionModel: String?
    public var pricePerMinuteUSD: Double

    public init(
        name: String, url: String, apiKey: String?, dialect: RealtimeDialect = .generallyAvailable, voice: String? = nil,
        transcriptionModel: String? = nil, pricePerMinuteUSD: Double
    ) {
        self.name = name
        self.url = url
        self.apiKey = apiKey
        self.dialect = dialect
        self.voice = voice
        self.transcriptionModel = transcriptionModel
        self.pricePerMinuteUSD = pricePerMinuteUSD
    }

    /// The providers in the order they are tried: xAI, then OpenAI. A provider is on when its key is set, or its URL
    /// (`XAI_REALTIME_URL`, `OPENAI_REALTIME_URL`: a full `ws://` or `wss://` URL, for tests and self-hosted gateways).
    public static func fromEnvironment(_ environment: [String: String]) throws(VoiceSettingsError) -> [RealtimeProvider] {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        func price(_ name: String, _ fallback: Double) throws(VoiceSettingsError) -> Double {
            guard let text = value(name) else { return fallback }
            guard let number = Double(text), number >= 0, number.isFinite else {
                throw VoiceSettingsError(variable: name, reason: "must be a price in dollars per minute, such as 0.05")
            }
            return number
        }
        var providers: [RealtimeProvider] = []
        let xaiURL = value("XAI_REALTIME_URL")
        if value("XAI_API_KEY") != nil || xaiURL != nil {
            providers.append(
                RealtimeProvider(
                    name: "xai", url: try checkedURL(xaiURL ?? "wss://api.x.ai/v1/realtime", variable: "XAI_REALTIME_URL"),
                    apiKey: value("XAI_API_KEY"), voice: value("XAI_REALTIME_VOICE") ?? "Eve",
                    pricePerMinuteUSD: try price("XAI_REALTIME_PRICE_PER_MINUTE", 0.05)))
        }
        let openAIURL = value("OPENAI_REALTIME_URL")
        if value("OPENAI_API_KEY") != nil || openAIURL != nil {
            providers.append(
                RealtimeProvider(
                    name: "openai",
                    url: try checkedURL(openAIURL ?? "wss://api.openai.com/v1/realtime?model=gpt-realtime", variable: "OPENAI_REALTIME_URL"),
                    apiKey: value("OPENAI_API_KEY"), voice: value("OPENAI_REALTIME_VOICE") ?? "marin", transcriptionModel: "gpt-4o-mini-transcribe",
                    pricePerMinuteUSD: try price("OPENAI_REALTIME_PRICE_PER_MINUTE", 0.10)))
        }
        return providers
    }

    static func checkedURL(_ text: String, variable: String) throws(VoiceSettingsError) -> String {
        let lower = text.lowercased()
        guard lower.hasPrefix("ws://") || lower.hasPrefix("wss://"), URL(string: text)?.host != nil else {
            throw VoiceSettingsError(variable: variable, reason: "\"\(text)\" is not a ws:// or wss:// URL")
        }
        return text
    }
}

/// A voice setting read from the environment that cannot be used: which variable, and why.
public struct VoiceSettingsError: Error, Sendable, Hashable, CustomStringConvertible {
    public var variable: String
    public var reason: String

    public init(variable: String, reason: String) {
        self.variable = variable
        self.reason = reason
    }

    public var description: String { "\(variable): \(reason)" }
}
