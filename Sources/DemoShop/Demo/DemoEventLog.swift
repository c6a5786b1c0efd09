import AutopilotCore
import Foundation

/// The events of one unit of the demo (a contact, a lead), collected out of order and handed out in chronological order.
///
/// Events dated after the timeline's end are dropped: they have not happened yet.
struct DemoEventLog {
    private struct Entry {
        let at: Int64
        let sequence: Int
        let envelope: JSONValue
    }

    let timeline: DemoTimeline
    private var entries: [Entry] = []

    init(timeline: DemoTimeline) {
        self.timeline = timeline
        entries.reserveCapacity(64)
    }

    var count: Int { entries.count }

    /// Records an event; returns false (and records nothing) when its moment is after the end of the timeline.
    @discardableResult
    mutating func record(_ type: EventType, at moment: Int64, key: String, contact: JSONValue?, _ properties: JSONObject) -> Bool {
        guard moment <= timeline.end else { return false }
        let at = max(moment, timeline.start)
        var envelope = JSONObject()
        envelope["type"] = .string(type.rawValue)
        envelope["occurred_at"] = .string(Timestamp.format(Date(timeIntervalSince1970: TimeInterval(at))))
        envelope["idempotency_key"] = .string(key)
        if let contact { envelope["contact"] = contact }
        envelope["properties"] = .object(properties)
        entries.append(Entry(at: at, sequence: entries.count, envelope: .object(envelope)))
        return true
    }

    /// Appends the recorded events to `output`, earliest first (ties keep the order they were recorded in).
    mutating func drain(into output: inout [JSONValue]) {
        entries.sort { $0.at != $1.at ? $0.at < $1.at : $0.sequence < $1.sequence }
        for entry in entries { output.append(entry.envelope) }
        entries.removeAll(keepingCapacity: true)
    }
}
