import AutopilotCore
import Flows
import Foundation
import Storage

/// Saved segments per tenant: create, replace, list with live counts, members, delete (docs/segments.md). Every write is
/// validated first (`SegmentDefinition.make`: the field and the reason) and is one transaction.
public struct SegmentService: Sendable {
    let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    public func list(tenantID: String) async throws -> [SegmentView] {
        let store = dependencies.store
        let counts = try await store.segmentMemberCounts(tenantID: tenantID)
        return try await store.segments(tenantID: tenantID).map { SegmentView($0, members: counts[$0.id] ?? 0) }
    }

    public func segment(id: String, tenantID: String) async throws -> SegmentView? {
        guard let record = try await dependencies.store.segment(tenantID: tenantID, id: id) else { return nil }
        return SegmentView(record, members: try await dependencies.store.segmentMemberCounts(tenantID: tenantID)[id] ?? 0)
    }

    /// Creates the segment, or replaces its name and condition (a changed condition refills it silently). Returns the view
    /// and whether it was created.
    public func save(id: String, name: String, condition: String, tenantID: String) async throws -> (segment: SegmentView, created: Bool) {
        let definition = try SegmentDefinition.make(id: id, name: name, condition: condition)
        let store = dependencies.store
        let now = dependencies.clock.now()
        if try await store.segments(tenantID: tenantID).isEmpty, try await store.flowCursor(tenantID: tenantID, name: SegmentKeeper.cursorName) == nil {
            // The first segment: events from now on are the keeper's to read; the fill places everyone before.
            try await SegmentKeeper(dependencies: dependencies, tenantID: tenantID).moveCursorToEnd()
        }
        let record = SegmentRecord(
            tenantID: tenantID, id: definition.id, name: definition.name, condition: definition.condition.source,
            timeDependent: definition.isTimeDependent, createdAt: now, updatedAt: now)
        let created = try await store.saveSegment(record)
        guard let view = try await segment(id: definition.id, tenantID: tenantID) else {
            throw ValidationError(code: "invalid_segment", field: "id", message: "the segment was deleted while it was saved")
        }
        return (view, created)
    }

    public func delete(id: String, tenantID: String) async throws -> Bool {
        try await dependencies.store.deleteSegment(tenantID: tenantID, id: id)
    }

    /// Members by contact id, `limit` after `after`; nil when the segment does not exist.
    public func members(id: String, tenantID: String, after: String? = nil, limit: Int = 100) async throws -> [SegmentMemberView]? {
        guard try await dependencies.store.segment(tenantID: tenantID, id: id) != nil else { return nil }
        return try await dependencies.store.segmentMembers(tenantID: tenantID, segmentID: id, after: after, limit: limit).map {
            SegmentMemberView(contactID: $0.contactID, email: $0.email, phone: $0.phone, since: Timestamp.format($0.since))
        }
    }

    /// Brings the tenant's segments up to date at `now` (the worker's pass does the same on its own): fills new segments,
    /// re-evaluates the contacts of new events and sweeps time-dependent segments due. For the CLI and tests.
    @discardableResult
    public func refresh(tenantID: String, now: Date, sweepInterval: TimeInterval = 3_600) async throws -> Int {
        let keeper = SegmentKeeper(dependencies: dependencies, tenantID: tenantID)
        var announced = 0
        while true {
            let segments = try await keeper.load()
            guard !segments.isEmpty else { return announced }
            let sweep = try await keeper.sweepDue(segments: segments, now: now, interval: sweepInterval)
            let touched = try await keeper.refreshTouched(segments: try await keeper.load(), now: now)
            announced += sweep.announced + touched.announced
            if sweep.placed == 0 { return announced }
        }
    }
}
