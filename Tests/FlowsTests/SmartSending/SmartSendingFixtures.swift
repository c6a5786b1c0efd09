import AutopilotCore
import Foundation

@testable import Flows

/// Shared builders for the smart-sending tests. Local times are converted with Foundation's `Calendar`, independently
/// of the policy's own arithmetic.
enum SmartSendingFixtures {
    static let paris = zone("Europe/Paris")

    static func zone(_ identifier: String) -> TimeZone {
        TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
    }

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The instant of a local wall-clock time written `yyyy-MM-dd HH:mm` in `zone`.
    static func local(_ text: String, in zone: TimeZone = paris) -> Date {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).compactMap { Int($0) }
        precondition(parts.count == 5, "bad fixture time \(text)")
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4])
        guard let date = calendar(zone).date(from: components) else { preconditionFailure("no such time \(text)") }
        return date
    }

    /// `yyyy-MM-dd HH:mm` of an instant in `zone`.
    static func wallClock(_ date: Date, in zone: TimeZone = paris) -> String {
        let c = calendar(zone).dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    static let consented = ConsentState(granted: true, at: Date(timeIntervalSince1970: 1_700_000_000), source: "checkout")

    /// A contact reachable and consenting on every channel.
    static func contact(timeZone: TimeZone? = nil) -> RecipientFacts {
        RecipientFacts(
            reachableChannels: Set(Channel.allCases),
            consents: [.email: consented, .sms: consented, .whatsapp: consented],
            timeZone: timeZone
        )
    }

    static func policy(_ settings: SmartSendingSettings = SmartSendingSettings()) throws -> SmartSendingPolicy {
        try SmartSendingPolicy(settings: settings)
    }

    /// Describes a decision with local wall-clock times, for readable table expectations.
    static func describe(_ decision: SendDecision, in zone: TimeZone = paris) -> String {
        switch decision {
        case .send: "send"
        case .defer(let until, let reason): "defer \(wallClock(until, in: zone)) \(reason.code)"
        case .skip(let reason): "skip \(reason.code)"
        }
    }
}
