/// Breaker settings. JSON: `{"window": 100, "minimum_messages": 100, "minimum_success_rate": 0.85}`.
public struct FlowCircuitBreakerSettings: Sendable, Hashable, Codable {
    /// How many latest messages are judged.
    public var window: Int
    /// No judgement before this many messages (defaults to a full window).
    public var minimumMessages: Int
    /// Pause when the success rate is strictly below this.
    public var minimumSuccessRate: Double

    public init(window: Int = 100, minimumMessages: Int = 100, minimumSuccessRate: Double = 0.85) {
        self.window = window
        self.minimumMessages = minimumMessages
        self.minimumSuccessRate = minimumSuccessRate.isFinite ? minimumSuccessRate : 0.85
    }

    enum CodingKeys: String, CodingKey {
        case window
        case minimumMessages = "minimum_messages"
        case minimumSuccessRate = "minimum_success_rate"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let window = try container.decodeIfPresent(Int.self, forKey: .window) ?? 100
        let rate = try container.decodeIfPresent(Double.self, forKey: .minimumSuccessRate) ?? 0.85
        guard window >= 1, window <= 100_000 else {
            throw DecodingError.dataCorruptedError(forKey: .window, in: container, debugDescription: "window must be 1…100000, got \(window)")
        }
        guard rate.isFinite, (0...1).contains(rate) else {
            throw DecodingError.dataCorruptedError(
                forKey: .minimumSuccessRate, in: container, debugDescription: "minimum_success_rate must be 0…1, got \(rate)"
            )
        }
        let minimumMessages = try container.decodeIfPresent(Int.self, forKey: .minimumMessages) ?? window
        self.init(window: window, minimumMessages: minimumMessages, minimumSuccessRate: rate)
    }
}
