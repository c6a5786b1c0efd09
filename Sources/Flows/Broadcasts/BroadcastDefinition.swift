import AutopilotCore
import Foundation

/// A one-off message to a segment (docs/broadcasts.md): a template on a channel, sent at one instant or at a local time
/// in each contact's own time zone, throttled per channel, with an optional A/B test on a share of the segment.
public struct BroadcastDefinition: Sendable, Hashable {
    public var id: String
    public var name: String
    public var segmentID: String
    public var channel: Channel
    public var template: String
    /// An email subject that replaces the template's (nil: the template's).
    public var subject: String?
    public var schedule: BroadcastSchedule
    /// At most this many messages per minute on the channel (nil: no limit).
    public var throttlePerMinute: Int?
    public var test: BroadcastTest?

    public init(
        id: String, name: String, segmentID: String, channel: Channel, template: String, subject: String? = nil, schedule: BroadcastSchedule,
        throttlePerMinute: Int? = nil, test: BroadcastTest? = nil
    ) {
        self.id = id
        self.name = name
        self.segmentID = segmentID
        self.channel = channel
        self.template = template
        self.subject = subject
        self.schedule = schedule
        self.throttlePerMinute = throttlePerMinute
        self.test = test
    }
}

/// When a broadcast goes.
public enum BroadcastSchedule: Sendable, Hashable {
    /// Everyone at one instant.
    case at(Date)
    /// At this wall-clock time on this civil date in each contact's time zone (the tenant's for contacts without one).
    case localTime(date: String, time: TimeOfDay)

    /// The moment a contact in `timeZone` gets it.
    public func moment(in timeZone: TimeZone) -> Date {
        switch self {
        case .at(let date): return date
        case .localTime(let date, let time):
            let parts = date.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return Date(timeIntervalSince1970: 0) }
            return LocalCalendar(timeZone: timeZone).at(time, year: parts[0], month: parts[1], day: parts[2]) ?? Date(timeIntervalSince1970: 0)
        }
    }

    /// The first moment anyone gets it: the instant, or the local time where the day starts first (UTC+14).
    public var earliest: Date {
        switch self {
        case .at(let date): date
        case .localTime: moment(in: TimeZone(secondsFromGMT: 14 * 3_600) ?? .gmt)
        }
    }
}

/// An A/B test before the rest of the segment: `share` % of the members (deterministic per broadcast and contact) split
/// evenly over the variants; after `duration` the variant with the best `metric` rate goes to everyone else.
public struct BroadcastTest: Sendable, Hashable {
    public var share: Double
    public var variants: [BroadcastVariant]
    public var metric: BroadcastMetric
    public var duration: TimeInterval

    public init(share: Double, variants: [BroadcastVariant], metric: BroadcastMetric, duration: TimeInterval) {
        self.share = share
        self.variants = variants
        self.metric = metric
        self.duration = duration
    }
}

/// One arm of a broadcast's test: another subject, another template, or both.
public struct BroadcastVariant: Sendable, Hashable {
    public var id: String
    public var subject: String?
    public var template: String?

    public init(id: String, subject: String? = nil, template: String? = nil) {
        self.id = id
        self.subject = subject
        self.template = template
    }
}

/// What decides a broadcast's test. Raw values are persisted.
public enum BroadcastMetric: String, Sendable, Hashable, CaseIterable {
    case open, click
}
