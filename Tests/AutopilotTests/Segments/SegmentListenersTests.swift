import Flows
import Testing

@testable import Engine

/// Which segments a tenant's flows listen to (a trigger or an exit on `segment.entered` / `segment.left`): only those
/// are announced as events.
@Suite("Segments — the segments flows listen to")
struct SegmentListenersTests {
    static func flow(trigger: String, exits: String = "") -> String {
        """
        id: listener
        name: Listener
        trigger:
        \(trigger)
        \(exits)
        steps:
          - notify: { channel: log, message: "{{contact.email}}" }
        """
    }

    static let cases: [(trigger: String, exits: String, expected: Set<String>?)] = [
        ("  event: segment.entered\n  where: event.segment_id == \"gold\"", "", ["gold"]),
        ("  event: segment.left\n  where: '\"vip\" == event.segment_id'", "", ["vip"]),
        ("  event: segment.entered\n  where: event.segment_id in [\"a\", \"b\"]", "", ["a", "b"]),
        ("  event: segment.entered\n  where: event.segment_id == \"a\" or event.segment_id == \"b\"", "", ["a", "b"]),
        ("  event: segment.entered\n  where: event.segment_id == \"a\" and contact.total_spent > 10", "", ["a"]),
        // A flow on segment events that names no segment listens to all of them.
        ("  event: segment.entered", "", nil),
        ("  event: segment.entered\n  where: event.segment_id == \"a\" or contact.total_spent > 10", "", nil),
        // Other triggers listen to none; an exit on a segment counts as listening.
        ("  event: order.placed", "", []),
        ("  event: order.placed", "exits:\n  - event: segment.left\n    where: event.segment_id == \"gold\"", ["gold"]),
    ]

    @Test(arguments: cases)
    func listened(trigger: String, exits: String, expected: Set<String>?) throws {
        let definition = try FlowDefinition.parse(Self.flow(trigger: trigger, exits: exits))
        #expect(SegmentListeners.segmentIDs(in: [definition]) == expected)
    }

    @Test func severalFlows() throws {
        let gold = try FlowDefinition.parse(Self.flow(trigger: "  event: segment.entered\n  where: event.segment_id == \"gold\""))
        let vip = try FlowDefinition.parse(Self.flow(trigger: "  event: segment.left\n  where: event.segment_id == \"vip\""))
        let orders = try FlowDefinition.parse(Self.flow(trigger: "  event: order.placed"))
        #expect(SegmentListeners.segmentIDs(in: [gold, vip, orders]) == ["gold", "vip"])
        #expect(SegmentListeners.segmentIDs(in: [orders]) == [])
        #expect(SegmentListeners.segmentIDs(in: []) == [])
    }
}
