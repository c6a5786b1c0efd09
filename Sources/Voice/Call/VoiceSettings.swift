import Foundation

/// How the voice agent runs: the providers in order, the limits per tenant, the tools offered on the phone.
public struct VoiceSettings: Sendable, Equatable {
    public var providers: [RealtimeProvider]
    /// Calls one tenant may have at once on this server.
    public var maximumConcurrentCalls: Int
    /// Minutes of calls one tenant may have in a calendar month (UTC).
    public var maximumMinutesPerMonth: Int
    /// The tools the model may call on a phone call (names of the registry's tools).
    public var toolNames: [String]
    /// How long to wait for a provider's WebSocket to open.
    public var connectTimeout: Duration
    /// Twilio's account and number for outbound calls (nil: `place_call` refuses, saying what is missing).
    public var twilio: TwilioCallSettings?
    /// `AUTOPILOT_PUBLIC_URL`: where Twilio reaches this server when an outbound call is answered.
    public var publicBaseURL: String?
    /// Outbound calls: at most this many placed calls per contact in `outboundCapHours` (`VOICE_CALLS_PER_CONTACT`, `VOICE_CALL_CAP_HOURS`).
    public var outboundCallsPerContact = 1
    public var outboundCapHours = 72.0

    public init(
        providers: [RealtimeProvider] = [], maximumConcurrentCalls: Int = 5, maximumMinutesPerMonth: Int = 3_000,
        toolNames: [String] = VoiceSettings.defaultToolNames, connectTimeout: Duration = .seconds(5)
    ) {
        self.providers = providers
        self.maximumConcurrentCalls = maximumConcurrentCalls
        self.maximumMinutesPerMonth = maximumMinutesPerMonth
        self.toolNames = toolNames
        self.connectTimeout = connectTimeout
    }

    /// What a caller may have done on the phone: look things up, book a callback, get a payment link, open a ticket, reach a person.
    public static let defaultToolNames = [
        "check_order_status", "search_products", "check_product_stock", "search_knowledge_base", "schedule_callback", "create_payment_link",
        "create_support_ticket", "hand_off_to_human",
    ]

    /// `VOICE_MAX_CONCURRENT_CALLS`, `VOICE_MAX_MINUTES_PER_MONTH`, `VOICE_TOOLS` (comma-separated) and the providers'
    /// variables (`RealtimeProvider.fromEnvironment`).
    public static func fromEnvironment(_ environment: [String: String]) throws(VoiceSettingsError) -> VoiceSettings {
        func count(_ name: String, _ fallback: Int) throws(VoiceSettingsError) -> Int {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return fallback }
            guard let number = Int(text), number >= 0 else { throw VoiceSettingsError(variable: name, reason: "must be a whole number, 0 or more") }
            return number
        }
        var settings = VoiceSettings(
            providers: try RealtimeProvider.fromEnvironment(environment), maximumConcurrentCalls: try count("VOICE_MAX_CONCURRENT_CALLS", 5),
            maximumMinutesPerMonth: try count("VOICE_MAX_MINUTES_PER_MONTH", 3_000))
        settings.outboundCallsPerContact = try count("VOICE_CALLS_PER_CONTACT", 1)
        settings.outboundCapHours = Double(try count("VOICE_CALL_CAP_HOURS", 72))
        settings.twilio = TwilioCallSettings.fromEnvironment(environment)
        if let base = environment["AUTOPILOT_PUBLIC_URL"], !base.isEmpty { settings.publicBaseURL = base.hasSuffix("/") ? String(base.dropLast()) : base }
        if let tools = environment["VOICE_TOOLS"], !tools.isEmpty {
            settings.toolNames = tools.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        return settings
    }
}
