import Foundation

/// Why and when a flow paused itself.
public struct FlowPause: Sendable, Hashable, Codable {
    public var at: Date
    public var successes: Int
    public var messages: Int
    /// successes / messages, 0…1.
    public var successRate: Double
    public var threshold: Double

    /// E.g. "80 of 100 messages sent (80.0%), below 85.0%".
    public var summary: String {
        "\(successes) of \(messages) messages sent (\(Self.percent(successRate))), below \(Self.percent(threshold))"
    }

    static func percent(_ rate: Double) -> String {
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}

/// A person's resume of a paused flow.
public struct FlowResume: Sendable, Hashable, Codable {
    public var by: String
    public var at: Date
}
