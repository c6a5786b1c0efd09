import AutopilotCore
import Flows
import Foundation
import Logging
import Storage

/// Keeps a tenant's segment membership current without rescanning everything: the contacts new events touch are
/// re-evaluated at once (`refreshTouched`), and a sweep places every contact of a new or edited segment (silently) and
/// re-evaluates, on a timer, segments whose condition reads time (`sweepDue`). Entries and exits are announced as
/// `segment.entered` / `segment.left` events, recorded before the membership with keys that a retry repeats, so a crash
/// announces nothing twice and loses nothing.
struct SegmentKeeper {
    let dependencies: Dependencies
    let tenantID: String

    static let cursorName = "segments"
    /// Every event about a person may change what a condition reads; segment announcements and catalog events do not.
    static let touchingTypes = EventType.allCases.filter { !$0.isCatalogEvent && $0 != .segmentEntered && $0 != .segmentLeft }.map(\.rawValue)

    struct Loaded {
        var record: SegmentRecord
        var definition: SegmentDefinition
        /// Whether a flow listens to its entries and exits (`SegmentListeners`): only then are they announced.
        var announced = true
    }

    /// The tenant's segments whose stored condition still compiles (a vocabulary change never stops the worker), each
    /// marked announced when one of the tenant's flows listens to it.
    func load() async throws -> [Loaded] {
        let records = try await dependencies.store.segments(tenantID: tenantID)
        guard !records.isEmpty else { return [] }
        let flows = try await FlowCatalog.load(tenantID: tenantID, store: dependencies.store).entries.values.map(\.current)
        let listened = SegmentListeners.segmentIDs(in: flows)
        return records.compactMap { record in
            guard let definition = try? SegmentDefinition.make(id: record.id, name: record.name, condition: record.condition) else {
                dependencies.logger.warning("segment \(record.id) of \(tenantID) no longer compiles; skipped")
                return nil
            }
            return Loaded(record: record, definition: definition, announced: listened?.contains(record.id) ?? true)
        }
    }

    /// Re-evaluates the contacts of the events after the cursor, a batch at a time. Returns the contacts evaluated and the
    /// announcements recorded.
    func refreshTouched(segments: [Loaded], now: Date, limit: Int = 1_000) async throws -> (evaluated: Int, announced: Int) {
        let store = dependencies.store
        guard let cursor = try await store.flowCursor(tenantID: tenantID, name: Self.cursorName) else {
            try await moveCursorToEnd()
            return (0, 0)
        }
        var position = cursor
        var evaluated = 0
        var announced = 0
        while true {
            let touched = try await store.contactsTouched(tenantID: tenantID, types: Self.touchingTypes, after: position, limit: limit)
            if !touched.contactIDs.isEmpty {
                let facts = try await store.segmentFacts(tenantID: tenantID, contactIDs: touched.contactIDs)
                let filled = segments.filter(\.record.filled)
                if !filled.isEmpty { announced += try await evaluate(filled, facts: facts, now: now, silent: false) }
                for segment in segments where !segment.record.filled {
                    // A segment still filling places the contacts after its sweep position itself.
                    let placed = facts.filter { $0.contact.id <= (segment.record.sweepAfter ?? "") }
                    if !placed.isEmpty { announced += try await evaluate([segment], facts: placed, now: now, silent: false) }
                }
                evaluated += facts.count
            }
            let moved = touched.position != position
            if moved { try await store.setFlowCursor(tenantID: tenantID, name: Self.cursorName, position: touched.position) }
            position = touched.position
            if touched.contactIDs.isEmpty || !moved || touched.isComplete { break }
        }
        return (evaluated, announced)
    }

    /// Starts the touched-contacts cursor at the latest event: the sweep of a new segment places everyone before it.
    func moveCursorToEnd() async throws {
        let end = try await dependencies.store.contactsTouched(tenantID: tenantID, types: Self.touchingTypes, after: 0, limit: 0).position
        try await dependencies.store.setFlowCursor(tenantID: tenantID, name: Self.cursorName, position: end)
    }

    /// Whether the segment's sweep is due: a new or edited segment until it is filled, one in the middle of a sweep, or a
    /// time-dependent one `interval` after its last sweep.
    static func sweepIsDue(_ record: SegmentRecord, now: Date, interval: TimeInterval) -> Bool {
        if !record.filled || record.sweepAfter != nil { return true }
        guard record.timeDependent else { return false }
        guard let swept = record.sweptAt else { return true }
        return now.timeIntervalSince(swept) >= interval
    }

    /// Sweeps due segments a page of contacts at a time, at most `maximumContacts` contacts per call. Returns the contacts
    /// placed and the announcements recorded.
    func sweepDue(segments: [Loaded], now: Date, interval: TimeInterval, pageSize: Int = 1_000, maximumContacts: Int = 20_000) async throws
        -> (placed: Int, announced: Int)
    {
        var placed = 0
        var announced = 0
        // Segments at the same point of a sweep, filling or not alike, share each page read: three new segments read every
        // contact once, not three times.
        let due = segments.filter { Self.sweepIsDue($0.record, now: now, interval: interval) }
        let groups = Dictionary(grouping: due) { SweepPoint(after: $0.record.sweepAfter, filled: $0.record.filled) }
        for point in groups.keys.sorted(by: { ($0.after ?? "", $0.filled ? 1 : 0) < ($1.after ?? "", $1.filled ? 1 : 0) }) {
            let group = groups[point] ?? []
            var after = point.after
            while placed < maximumContacts {
                let page = try await dependencies.store.segmentFactsPage(tenantID: tenantID, after: after, limit: pageSize)
                let last = page.count < pageSize ? nil : page.last?.contact.id
                announced += try await evaluate(
                    group, facts: page, now: now, silent: !point.filled,
                    sweeps: group.map { SegmentSweepProgress(segmentID: $0.record.id, after: last, at: now) })
                placed += page.count * group.count
                guard let last else { break }
                after = last
            }
            if placed >= maximumContacts { break }
        }
        return (placed, announced)
    }

    struct SweepPoint: Hashable {
        var after: String?
        var filled: Bool
    }

    /// Decides the transitions of `facts` in `segments`, announces those of the segments a flow listens to (unless
    /// silent), then writes the membership. Returns the announcements.
    private func evaluate(_ segments: [Loaded], facts records: [SegmentFactsRecord], now: Date, silent: Bool, sweeps: [SegmentSweepProgress] = [])
        async throws -> Int
    {
        let store = dependencies.store
        let facts = records.map(SegmentFactsReader.facts)
        let ids = Set(facts.map(\.contactID))
        var states: [SegmentMembership.Key: SegmentMemberState] = [:]
        for row in try await store.segmentMemberStates(tenantID: tenantID, segmentIDs: segments.map(\.record.id), contactIDs: ids) {
            states[.init(segmentID: row.segmentID, contactID: row.contactID)] = SegmentMemberState(member: row.member, transitions: row.transitions)
        }
        let transitions = SegmentMembership.transitions(segments: segments.map(\.definition), facts: facts, states: states, now: now, silent: silent)
        let listened = Set(segments.filter(\.announced).map(\.record.id))
        let heard = silent ? [] : transitions.filter { listened.contains($0.segmentID) }
        if !heard.isEmpty {
            let events = SegmentAnnouncements.events(
                for: heard, segments: Dictionary(segments.map { ($0.record.id, $0.record) }, uniquingKeysWith: { a, _ in a }),
                contacts: Dictionary(records.map { ($0.contact.id, $0.contact) }, uniquingKeysWith: { a, _ in a }), now: now)
            try await ChurnCrossings.record(events, dependencies: dependencies, tenantID: tenantID)
        }
        let after = SegmentMembership.apply(transitions, to: states)
        let rows = transitions.map { transition in
            let state = after[.init(segmentID: transition.segmentID, contactID: transition.contactID)]
            return SegmentMemberRow(
                segmentID: transition.segmentID, contactID: transition.contactID, member: transition.entered, transitions: state?.transitions ?? 0,
                changedAt: now)
        }
        if !rows.isEmpty || !sweeps.isEmpty {
            try await store.recordSegmentMembers(tenantID: tenantID, rows: rows, sweeps: sweeps)
        }
        return heard.count
    }
}
