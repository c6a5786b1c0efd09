/// At most `messages` marketing messages per contact on one channel in any rolling window of `windowHours`.
/// JSON: `{"messages": 1, "window_hours": 16}`.
public struct FrequencyCap: Sendable, Hashable, Codable {
    /// How many marketing messages the window allows (at least 1).
    public var messages: Int
    /// The rolling window, in hours (more than 0).
    public var windowHours: Double

    public init(messages: Int = 1, windowHours: Double) {
        self.messages = messages
        self.windowHours = windowHours
    }

    /// The window in seconds.
    public var window: Double { windowHours * 3600 }

    enum CodingKeys: String, CodingKey {
        case messages
        case windowHours = "window_hours"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        messages = try container.decodeIfPresent(Int.self, forKey: .messages) ?? 1
        windowHours = try container.decode(Double.self, forKey: .windowHours)
    }

    /// Throws when the cap cannot be applied.
    public func validate(field: String) throws(SmartSendingSettingsError) {
        guard messages >= 1 else {
            throw SmartSendingSettingsError(code: "invalid_frequency_cap", field: "\(field).messages", message: "must be at least 1, got \(messages)")
        }
        guard windowHours.isFinite, windowHours > 0, windowHours <= 24 * 366 else {
            throw SmartSendingSettingsError(
                code: "invalid_frequency_cap", field: "\(field).window_hours", message: "must be more than 0 and at most a year, got \(windowHours)"
            )
        }
    }
}
