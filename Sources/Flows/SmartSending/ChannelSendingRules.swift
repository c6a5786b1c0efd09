/// The frequency cap and the sending window of one channel. Nil disables the rule.
/// JSON: `{"frequency_cap": {"messages": 1, "window_hours": 24}, "sending_window": {…}}`; `null` switches a rule off.
public struct ChannelSendingRules: Sendable, Hashable, Codable {
    /// Cap on marketing messages per contact; nil: no cap.
    public var frequencyCap: FrequencyCap?
    /// When sending is allowed; nil: at any time.
    public var sendingWindow: SendingWindow?

    public init(frequencyCap: FrequencyCap?, sendingWindow: SendingWindow?) {
        self.frequencyCap = frequencyCap
        self.sendingWindow = sendingWindow
    }

    /// Email: one marketing email per 16 hours, any time of day.
    public static let emailDefault = ChannelSendingRules(frequencyCap: FrequencyCap(windowHours: 16), sendingWindow: nil)
    /// SMS: one marketing SMS per 24 hours, 08:00–20:00 Monday to Saturday, not on public holidays.
    public static let smsDefault = ChannelSendingRules(frequencyCap: FrequencyCap(windowHours: 24), sendingWindow: .frenchMessaging)
    /// WhatsApp: as SMS.
    public static let whatsappDefault = ChannelSendingRules(frequencyCap: FrequencyCap(windowHours: 24), sendingWindow: .frenchMessaging)

    enum CodingKeys: String, CodingKey {
        case frequencyCap = "frequency_cap"
        case sendingWindow = "sending_window"
    }

    /// Decodes the rules; a missing key keeps `defaults`, an explicit `null` switches the rule off.
    init(from decoder: any Decoder, defaults: ChannelSendingRules) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        frequencyCap = try container.decodeOptional(FrequencyCap.self, forKey: .frequencyCap, default: defaults.frequencyCap)
        sendingWindow = try container.decodeOptional(SendingWindow.self, forKey: .sendingWindow, default: defaults.sendingWindow)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder, defaults: ChannelSendingRules(frequencyCap: nil, sendingWindow: nil))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(frequencyCap, forKey: .frequencyCap)
        try container.encode(sendingWindow, forKey: .sendingWindow)
    }

    func validate(field: String) throws(SmartSendingSettingsError) {
        try frequencyCap?.validate(field: "\(field).frequency_cap")
        try sendingWindow?.validate(field: "\(field).sending_window")
    }
}

extension KeyedDecodingContainer {
    /// Missing key: `defaultValue`; explicit null: nil; otherwise the decoded value.
    func decodeOptional<T: Decodable>(_ type: T.Type, forKey key: Key, default defaultValue: T?) throws -> T? {
        guard contains(key) else { return defaultValue }
        if try decodeNil(forKey: key) { return nil }
        return try decode(type, forKey: key)
    }
}
