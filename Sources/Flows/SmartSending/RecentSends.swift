import AutopilotCore
import Foundation

/// The messages a contact received recently, as far back as the longest frequency-cap window.
public struct RecentSends: Sendable, Hashable {
    /// One message that went out.
    public struct Entry: Sendable, Hashable {
        public var channel: Channel
        public var purpose: MessagePurpose
        public var sentAt: Date

        public init(channel: Channel, purpose: MessagePurpose, sentAt: Date) {
            self.channel = channel
            self.purpose = purpose
            self.sentAt = sentAt
        }
    }

    /// The messages, in any order.
    public var entries: [Entry]

    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    /// Nothing sent recently.
    public static let empty = RecentSends()

    /// Times of marketing messages on `channel` sent in the window `(now - window, now]`, oldest first.
    func marketingSendTimes(on channel: Channel, within window: TimeInterval, before now: Date) -> [Date] {
        let start = now.addingTimeInterval(-window)
        var times: [Date] = []
        for entry in entries where entry.channel == channel && entry.purpose == .marketing {
            if entry.sentAt > start && entry.sentAt <= now { times.append(entry.sentAt) }
        }
        if times.count > 1 { times.sort() }
        return times
    }
}
