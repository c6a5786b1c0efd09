import AutopilotCore
import Foundation

/// The pure part of a broadcast: who is in the test and with which variant, when each message goes (the contact's local
/// moment, then the channel's throttle), and which variant won.
public enum BroadcastPlanner {
    /// A member of the segment as the planner needs it.
    public struct Recipient: Sendable, Hashable {
        public var contactID: String
        /// The contact's IANA time zone (nil or unknown: the tenant's).
        public var timeZone: String?

        public init(contactID: String, timeZone: String?) {
            self.contactID = contactID
            self.timeZone = timeZone
        }
    }

    /// A message to queue: for whom, which variant (nil: the broadcast itself, or the winner), when.
    public struct Planned: Sendable, Hashable {
        public var contactID: String
        public var variant: String?
        public var scheduledAt: Date
    }

    /// Which phase a recipient belongs to: the test (and its variant) or the rest.
    public static func testVariant(of broadcast: BroadcastDefinition, contactID: String) -> BroadcastVariant? {
        guard let test = broadcast.test, !test.variants.isEmpty else { return nil }
        let unit = FlowAssignment.unit(flowID: "broadcast:" + broadcast.id, contactID: contactID, salt: "broadcast-test")
        guard unit * 100 < test.share else { return nil }
        let index = min(test.variants.count - 1, Int(unit * 100 / test.share * Double(test.variants.count)))
        return test.variants[index]
    }

    /// The messages of one page of recipients for a phase (`test` true: only the test group, with their variants; false:
    /// everyone else, with `winner`), each at its local moment and no earlier than `now`, spaced by the throttle from
    /// `nextSlot` (the channel's next free moment; returned moved on).
    public static func plan(
        _ broadcast: BroadcastDefinition, recipients: [Recipient], test: Bool, winner: String?, tenantTimeZone: TimeZone, now: Date,
        nextSlot: Date?
    ) -> (messages: [Planned], nextSlot: Date?) {
        var messages: [Planned] = []
        for recipient in recipients {
            let variant = testVariant(of: broadcast, contactID: recipient.contactID)
            guard (variant != nil) == test else { continue }
            let zone = recipient.timeZone.flatMap(TimeZone.init(identifier:)) ?? tenantTimeZone
            let moment = max(broadcast.schedule.moment(in: zone), now)
            messages.append(Planned(contactID: recipient.contactID, variant: test ? variant?.id : winner, scheduledAt: moment))
        }
        messages.sort { ($0.scheduledAt, $0.contactID) < ($1.scheduledAt, $1.contactID) }
        guard let rate = broadcast.throttlePerMinute, rate > 0 else { return (messages, nextSlot) }
        let gap = 60.0 / Double(rate)
        var slot = nextSlot
        for index in messages.indices {
            let at = max(messages[index].scheduledAt, slot ?? messages[index].scheduledAt)
            messages[index].scheduledAt = at
            slot = at.addingTimeInterval(gap)
        }
        return (messages, slot)
    }

    /// The figures of one variant of a test.
    public struct VariantFigures: Sendable, Hashable {
        public var id: String
        public var sent: Int
        public var opened: Int
        public var clicked: Int

        public init(id: String, sent: Int, opened: Int, clicked: Int) {
            self.id = id
            self.sent = sent
            self.opened = opened
            self.clicked = clicked
        }

        public func rate(_ metric: BroadcastMetric) -> Double {
            guard sent > 0 else { return 0 }
            return Double(metric == .open ? opened : clicked) / Double(sent)
        }
    }

    /// The winner: the best rate of `metric` (a click counts as an open), ties to the variant listed first; the first
    /// variant when nothing was sent.
    public static func winner(of figures: [VariantFigures], metric: BroadcastMetric) -> String? {
        var best: VariantFigures?
        for candidate in figures where best == nil || candidate.rate(metric) > best!.rate(metric) { best = candidate }
        return best?.id
    }
}
