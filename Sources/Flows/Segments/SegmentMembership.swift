import Foundation

/// Where a contact stands in one segment: whether it is a member, and how many entries and exits were announced so far
/// (the sequence number of the next announcement, part of its idempotency key).
public struct SegmentMemberState: Sendable, Hashable {
    public var member: Bool
    public var transitions: Int

    public init(member: Bool, transitions: Int) {
        self.member = member
        self.transitions = transitions
    }
}

/// A contact coming into (`entered`) or leaving a segment.
public struct SegmentTransition: Sendable, Hashable {
    public var segmentID: String
    public var contactID: String
    public var entered: Bool
    /// 1 for the first announcement of this contact in this segment, then 2, 3…; 0 for a silent change (a segment filling).
    public var sequence: Int

    public init(segmentID: String, contactID: String, entered: Bool, sequence: Int) {
        self.segmentID = segmentID
        self.contactID = contactID
        self.entered = entered
        self.sequence = sequence
    }
}

/// The pure decision of who enters and who leaves: each segment's condition over each contact's facts, against where they
/// stand. A contact with no state is not a member.
public enum SegmentMembership {
    public struct Key: Sendable, Hashable {
        public var segmentID: String
        public var contactID: String

        public init(segmentID: String, contactID: String) {
            self.segmentID = segmentID
            self.contactID = contactID
        }
    }

    /// The transitions, segment by segment in the given order, contacts in the facts' order. `silent` transitions (a new
    /// or edited segment filling up) carry sequence 0: they change membership and announce nothing.
    public static func transitions(
        segments: [SegmentDefinition], facts: [SegmentFacts], states: [Key: SegmentMemberState], now: Date, silent: Bool = false
    ) -> [SegmentTransition] {
        var result: [SegmentTransition] = []
        for segment in segments {
            for contact in facts {
                let key = Key(segmentID: segment.id, contactID: contact.contactID)
                let state = states[key] ?? SegmentMemberState(member: false, transitions: 0)
                let matches = segment.contains(contact, now: now)
                guard matches != state.member else { continue }
                result.append(
                    SegmentTransition(
                        segmentID: segment.id, contactID: contact.contactID, entered: matches, sequence: silent ? 0 : state.transitions + 1))
            }
        }
        return result
    }

    /// The states after the transitions.
    public static func apply(_ transitions: [SegmentTransition], to states: [Key: SegmentMemberState]) -> [Key: SegmentMemberState] {
        var states = states
        for transition in transitions {
            let key = Key(segmentID: transition.segmentID, contactID: transition.contactID)
            let previous = states[key]?.transitions ?? 0
            states[key] = SegmentMemberState(member: transition.entered, transitions: transition.sequence == 0 ? previous : transition.sequence)
        }
        return states
    }
}
