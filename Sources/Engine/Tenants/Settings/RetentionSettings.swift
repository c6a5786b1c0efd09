import AutopilotCore
import Foundation

/// How long a tenant keeps events, message contents and conversation transcripts (docs/privacy.md), in days; each is off
/// (kept for ever) until set. Tenant settings beside the shop's (`autopilot settings set retention.events_days 365`).
public struct RetentionSettings: Sendable, Equatable {
    public static let allowedDays = 7...36_500
    public static let definitions: [(name: String, kind: ShopSettings.Kind, meaning: String)] = [
        ("retention.events_days", .text(maximum: 5), "delete events received more than this many days ago (7 to 36500); default: kept"),
        ("retention.messages_days", .text(maximum: 5),
         "blank the recipient, subject and body of messages, and delete their open and click timeline, after this many days (7 to 36500); default: kept"),
        ("retention.conversations_days", .text(maximum: 5),
         "delete chat transcripts of conversations idle, and voice transcripts of calls, for this many days (7 to 36500); default: kept"),
    ]

    public var eventsDays: Int?
    public var messagesDays: Int?
    public var conversationsDays: Int?

    public init(eventsDays: Int? = nil, messagesDays: Int? = nil, conversationsDays: Int? = nil) {
        self.eventsDays = eventsDays
        self.messagesDays = messagesDays
        self.conversationsDays = conversationsDays
    }

    /// Whether nothing is pruned.
    public var isOff: Bool { eventsDays == nil && messagesDays == nil && conversationsDays == nil }

    /// The settings among a tenant's stored values (a value that does not read is ignored).
    public init(values: [String: String]) {
        func days(_ name: String) -> Int? { values[name].flatMap { Int($0) }.flatMap { Self.allowedDays.contains($0) ? $0 : nil } }
        self.init(eventsDays: days("retention.events_days"), messagesDays: days("retention.messages_days"),
                  conversationsDays: days("retention.conversations_days"))
    }

    /// Checks a value; throws naming `settings.<name>`.
    static func check(_ name: String, _ value: String) throws(ValidationError) {
        guard name.hasPrefix("retention.") else { return }
        guard let days = Int(value), allowedDays.contains(days) else {
            throw ValidationError(
                code: "invalid_setting", field: "settings.\(name)", message: "\"\(value)\" is not a number of days between 7 and 36500")
        }
    }
}
