import AutopilotCore
import Channels
import Engine
import Flows
import Foundation
import Storage

/// `autopilot bench flows`: N waiting runs of the abandoned-cart flow on SQLite, then two timer passes (a branch and a
/// wait; then a send that queues N messages) and a full dispatch pass through the smart-sending policy, the renderer and
/// a sender that accepts everything.
public struct FlowBenchmark: Sendable {
    public let runs: Int
    public let store: SQLStore
    /// Dispatch through a sender whose repeats would reach people, so each outcome is written as it answers.
    public let recordsEachSend: Bool
    public let report: @Sendable (String) -> Void

    public init(runs: Int, store: SQLStore, recordsEachSend: Bool = false, report: @escaping @Sendable (String) -> Void) {
        self.runs = runs
        self.store = store
        self.recordsEachSend = recordsEachSend
        self.report = report
    }

    /// The moment the runs start; the timer passes come 20 minutes and one hour later.
    public static let start = Timestamp.parse("2026-03-03T10:00:00Z") ?? Date(timeIntervalSince1970: 1_772_532_000)
    /// The first timer pass (a branch and a wait) and the second (a send that queues a message, then a wait).
    public static let passes = [start.addingTimeInterval(20 * 60 + 1), start.addingTimeInterval(60 * 60 + 1)]

    /// A new tenant with `runs / 10` contacts and `runs` waiting runs of the abandoned-cart flow; returns the tenant.
    public func prepare() async throws -> String {
        let start = Self.start
        let dependencies = Dependencies(store: store, clock: ManualClock(start), ids: SeededIDGenerator(seed: 11))
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "bench").tenantID
        let contacts = max(1, runs / 10)
        report("setting up \(contacts) contacts and \(runs) waiting runs…")
        let pipeline = IngestPipeline(dependencies: dependencies)
        for first in stride(from: 0, to: contacts, by: 1_000) {
            let events = (first..<min(contacts, first + 1_000)).map { index -> JSONValue in
                [
                    "type": "contact.created", "occurred_at": .string(Timestamp.format(start.addingTimeInterval(-86_400))),
                    "idempotency_key": .string("c\(index)"), "contact": ["email": .string("c\(index)@bench.example")],
                    "properties": ["first_name": "Alex", "locale": .string(index % 2 == 0 ? "fr" : "en"), "consents": ["email": true]],
                ]
            }
            _ = try await pipeline.ingest(document: .object(["events": .array(events)]), tenantID: tenantID)
        }
        let catalog = try await FlowCatalog.load(tenantID: tenantID, store: store)
        guard let flow = catalog.definition(id: "abandoned-cart", version: 1) else {
            throw FlowBenchmarkError(message: "the abandoned-cart flow is missing")
        }
        var contactIDs: [String] = []
        var after = ""
        while true {
            let page = try await store.contactsPage(tenantID: tenantID, afterID: after, limit: 10_000)
            guard let last = page.last else { break }
            contactIDs += page.map(\.id)
            after = last.id
        }
        for first in stride(from: 0, to: runs, by: 5_000) {
            var writer = FlowRunChanges(tenantID: tenantID, now: start)
            for index in first..<min(runs, first + 5_000) {
                let contactID = contactIDs[index % contactIDs.count]
                let begin = FlowStart(
                    occurredAt: start, trigger: ["cart_id": .string("K-\(index)")],
                    contact: ["id": .string(contactID), "consents": ["email": true, "sms": false]],
                    entities: [
                        "cart": ["id": .string("K-\(index)"), "value": 48.0, "currency": "EUR", "checkout_url": "https://shop.example/checkout"]
                    ])
                let pending = FlowRun(
                    id: FlowRunID.make(flowID: flow.id, contactID: contactID, triggerKey: "K-\(index)"), flowID: flow.id, flowVersion: flow.version,
                    contactID: contactID)
                let (run, effects) = FlowInterpreter.step(definition: flow, run: pending, input: .start(begin), now: start)
                writer.record(run, effects: effects, startedAt: start)
            }
            let changes = writer.changes
            _ = try await store.changeRuns(tenantID: tenantID, contactIDs: []) { _, _ in (changes, 0) }
        }
        return tenantID
    }

    /// A worker of the benchmark on `store` (one of several processes sharing a PostgreSQL database, or the only one).
    public static func worker(store: SQLStore, recordsEachSend: Bool = false, batchSize: Int = 2_000) throws -> Worker {
        var settings = FlowEngineSettings()
        settings.batchSize = batchSize
        let configuration = WorkerConfiguration(
            settings: settings, senders: SenderDirectory(default: AcceptingSender(toleratesRepeats: !recordsEachSend)))
        // Random ids (not seeded): workers in several processes must never make the same one.
        return try Worker(dependencies: Dependencies(store: store, clock: ManualClock(start)), configuration: configuration)
    }

    public func run() async throws -> FlowBenchmarkResult {
        let tenantID = try await prepare()
        let contacts = max(1, runs / 10)
        let catalog = try await FlowCatalog.load(tenantID: tenantID, store: store)
        let worker = try Self.worker(store: store, recordsEachSend: recordsEachSend)
        let catalogs = [tenantID: catalog]

        report("timer pass 1 (branch, wait)…")
        let firstAt = Self.passes[0]
        let firstStarted = ContinuousClock.now
        let firstSteps = try await worker.advanceTimers(now: firstAt, catalogs: catalogs)
        let firstSeconds = Self.seconds(since: firstStarted)

        report("timer pass 2 (send: queues \(runs) messages, wait)…")
        let secondAt = Self.passes[1]
        let secondStarted = ContinuousClock.now
        let secondSteps = try await worker.advanceTimers(now: secondAt, catalogs: catalogs)
        let secondSeconds = Self.seconds(since: secondStarted)

        report("dispatch pass…")
        let dispatchStarted = ContinuousClock.now
        var dispatched = 0
        while true {
            let count = try await worker.dispatcher.dispatchBatch(now: secondAt)
            dispatched += count
            if count == 0 { break }
        }
        let dispatchSeconds = Self.seconds(since: dispatchStarted)
        let statuses = try await store.outboxStatusCounts(tenantID: tenantID)
        return FlowBenchmarkResult(
            runs: runs, contacts: contacts, timerPass1Steps: firstSteps, timerPass1StepsPerSecond: Double(firstSteps) / firstSeconds,
            timerPass2Steps: secondSteps, timerPass2StepsPerSecond: Double(secondSteps) / secondSeconds, messagesDispatched: dispatched,
            dispatchPerSecond: Double(dispatched) / dispatchSeconds, sent: statuses[MessageStatus.sent.rawValue] ?? 0,
            deferred: statuses[MessageStatus.blocked.rawValue] ?? 0)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = (ContinuousClock.now - start).components
        return max(Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18, 1e-9)
    }
}

/// A sender that accepts every message without writing anything (the benchmark measures Autopilot, not a log).
struct AcceptingSender: MessageSender {
    let name = "accept"
    /// Nothing leaves the process, so outcomes may be recorded in groups as for the log; false measures the path of a
    /// real provider (each outcome written as it answers).
    let toleratesRepeats: Bool

    func send(_ message: OutboundMessage) async -> Channels.SendOutcome {
        .sent(providerID: nil)
    }
}

struct FlowBenchmarkError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The figures of `autopilot bench flows`.
public struct FlowBenchmarkResult: Sendable, Codable {
    public var runs: Int
    public var contacts: Int
    public var timerPass1Steps: Int
    public var timerPass1StepsPerSecond: Double
    public var timerPass2Steps: Int
    public var timerPass2StepsPerSecond: Double
    public var messagesDispatched: Int
    public var dispatchPerSecond: Double
    public var sent: Int
    public var deferred: Int
    public var peakRSSMB: Double = 0
}
