import Foundation

/// Keeps the tenant's segments current (`SegmentKeeper`): the contacts of new events at once, the sweeps of new, edited
/// and time-dependent segments as they fall due. The progress is the announcements recorded (new events to route) and the
/// contacts a sweep placed.
struct SegmentPass: WorkerPass {
    let dependencies: Dependencies
    let sweepInterval: TimeInterval

    var name: String { "segments" }
    var scope: WorkerPassScope { .eachTenant }

    func run(_ round: inout WorkerRound) async throws -> Int {
        guard let tenantID = round.tenant?.tenantID, round.tenantMay(\.hasSegments) else { return 0 }
        let keeper = SegmentKeeper(dependencies: dependencies, tenantID: tenantID)
        let segments = try await keeper.load()
        guard !segments.isEmpty else { return 0 }
        let sweep = try await keeper.sweepDue(segments: segments, now: round.now, interval: sweepInterval)
        // The sweep moved positions: the touched contacts are checked against the segments as they now stand.
        let current = sweep.placed > 0 ? try await keeper.load() : segments
        let touched = try await keeper.refreshTouched(segments: current, now: round.now)
        round.report.segmentAnnouncements += sweep.announced + touched.announced
        return sweep.placed + sweep.announced + touched.announced
    }
}
