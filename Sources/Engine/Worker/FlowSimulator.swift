import AutopilotCore
import Foundation
import Storage

/// Moves a virtual clock forward through a shop's time: events are ingested when the clock reaches their `occurred_at`,
/// due timers, actions and messages are carried out at their moments, in order, deterministically. Used by
/// `autopilot simulate`, the demo and the tests.
public struct FlowSimulator: Sendable {
    public let worker: Worker
    public let clock: ManualClock
    /// The longest jump of the clock: date-triggered flows are swept at this granularity.
    public var maximumStep: TimeInterval = 3_600
    /// The shortest jump: 0 (the default) visits every due moment exactly; a coarser step (the demo's hour) does what
    /// fell due in the meantime together, a little late, in far fewer passes.
    public var minimumStep: TimeInterval = 0

    public init(worker: Worker, clock: ManualClock) {
        self.worker = worker
        self.clock = clock
    }

    /// Replays `events` (JSON envelopes; sorted here by `occurred_at`) into `tenantID` and runs the flows until `until`.
    /// A run that continues `previous` does not repeat its last pass when no event arrived since: nothing changed.
    public func run(events: [JSONValue], tenantID: String, until: Date, continuing previous: SimulationReport? = nil) async throws
        -> SimulationReport
    {
        let dated = events.enumerated().compactMap { index, event -> (Date, Int, JSONValue)? in
            guard let text = event["occurred_at"]?.stringValue, let date = Timestamp.parse(text) else { return nil }
            return (date, index, event)
        }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        var report = SimulationReport(start: clock.now())
        report.eventsSkipped = events.count - dated.count
        let pipeline = IngestPipeline(dependencies: worker.dependencies)
        // Nothing changes the flows during a simulation: their catalogs are loaded once.
        let catalogs = try await worker.catalogs()
        var next = 0
        var now = clock.now()
        while now <= until {
            var batch: [JSONValue] = []
            while next < dated.count, dated[next].0 <= now {
                batch.append(dated[next].2)
                next += 1
            }
            if !batch.isEmpty {
                for chunk in stride(from: 0, to: batch.count, by: 1_000) {
                    let result = try await pipeline.ingest(
                        document: .object(["events": .array(Array(batch[chunk..<min(batch.count, chunk + 1_000)]))]), tenantID: tenantID)
                    report.eventsIngested += result.accepted.count
                }
            }
            if batch.isEmpty, now == previous?.lastPassAt, report.steps == 0 {
                // The pass the previous run ended with, at this very moment, left nothing to do.
            } else {
                report.add(try await worker.runDue(now: now, passes: worker.passes, catalogs: catalogs))
                report.steps += 1
                report.lastPassAt = now
            }
            var candidates: [Date] = [now.addingTimeInterval(maximumStep)]
            if next < dated.count { candidates.append(dated[next].0) }
            if let due = try await worker.nextDue(), due > now { candidates.append(due) }
            let following = max(candidates.min() ?? until, now.addingTimeInterval(max(0.001, minimumStep)))
            if now == until { break }
            now = min(following, until)
            clock.set(now)
        }
        report.end = clock.now()
        return report
    }
}

/// What a simulation did.
public struct SimulationReport: Sendable, Equatable, Codable {
    public var start: Date
    public var end: Date
    public var steps = 0
    public var eventsIngested = 0
    public var eventsSkipped = 0
    public var cartsAbandoned = 0
    public var eventsRouted = 0
    public var timersFired = 0
    public var messagesDispatched = 0
    /// The moment of the last pass (nil when none ran).
    public var lastPassAt: Date?

    init(start: Date) {
        self.start = start
        end = start
    }

    mutating func add(_ pass: FlowPassReport) {
        cartsAbandoned += pass.cartsAbandoned
        eventsRouted += pass.eventsRouted
        timersFired += pass.timersFired
        messagesDispatched += pass.messagesDispatched
    }
}
