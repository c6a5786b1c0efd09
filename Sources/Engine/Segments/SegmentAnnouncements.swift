import AutopilotCore
import Flows
import Foundation
import Storage

/// `segment.entered` and `segment.left` events for transitions. The idempotency key names the segment's generation, the
/// contact and the transition's sequence number, so the same transition decided again after a crash is the same event.
enum SegmentAnnouncements {
    static func key(segmentID: String, generation: Int64, contactID: String, sequence: Int) -> String {
        "segment:\(segmentID):\(generation):\(contactID):\(sequence)"
    }

    static func events(for transitions: [SegmentTransition], segments: [String: SegmentRecord], contacts: [String: ContactRecord], now: Date)
        -> [IncomingEvent]
    {
        transitions.compactMap { transition in
            guard transition.sequence > 0, let segment = segments[transition.segmentID], let contact = contacts[transition.contactID] else { return nil }
            let identifiers = ContactIdentifiers(email: contact.email, phone: contact.phone, externalID: contact.externalID)
            guard !identifiers.isEmpty else { return nil }
            return IncomingEvent(
                type: transition.entered ? .segmentEntered : .segmentLeft, occurredAt: now,
                idempotencyKey: key(segmentID: segment.id, generation: segment.generation, contactID: transition.contactID, sequence: transition.sequence),
                contact: identifiers, payload: .segmentChange(segmentID: segment.id),
                properties: ["segment_id": .string(segment.id), "segment_name": .string(segment.name)])
        }
    }
}
