import AutopilotCore
import Flows
import Foundation
import Storage

/// Broadcasts per tenant (docs/broadcasts.md): create (validated: the document, the segment, the templates), list, show
/// with the report, pause, resume, cancel. The worker's `BroadcastPass` sends them.
public struct BroadcastService: Sendable {
    let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    public func create(_ document: JSONObject, tenantID: String) async throws -> BroadcastView {
        let now = dependencies.clock.now()
        let definition = try BroadcastDefinition.read(document, now: now)
        let store = dependencies.store
        guard try await store.segment(tenantID: tenantID, id: definition.segmentID) != nil else {
            throw invalid("segment", "no segment \"\(definition.segmentID)\": create it with POST /v1/segments")
        }
        let templates = try await TemplateResolver(store: store, builtIn: (try? TemplateLibrary.builtIn) ?? []).load(tenantIDs: [tenantID])
        var named = [("template", definition.template)]
        for (index, variant) in (definition.test?.variants ?? []).enumerated() {
            if let template = variant.template { named.append(("test.variants[\(index)].template", template)) }
        }
        for (field, name) in named {
            guard let template = templates.template(named: name, tenantID: tenantID) else { throw invalid(field, "no active template \"\(name)\"") }
            guard template.channel == definition.channel else {
                throw invalid(field, "\"\(name)\" is a \(template.channel.rawValue) template, the broadcast goes by \(definition.channel.rawValue)")
            }
        }
        let record = BroadcastRecord(
            tenantID: tenantID, id: definition.id, name: definition.name, segmentID: definition.segmentID, channel: definition.channel,
            template: definition.template, document: definition.document, status: .scheduled, phase: definition.test == nil ? .rest : .test,
            createdAt: now)
        guard try await store.createBroadcast(record) else {
            throw BroadcastError(code: "broadcast_exists", message: "a broadcast \"\(definition.id)\" exists: a broadcast is sent once; use another id")
        }
        return try await view(record)
    }

    public func list(tenantID: String) async throws -> [BroadcastView] {
        var views: [BroadcastView] = []
        for record in try await dependencies.store.broadcasts(tenantID: tenantID) { views.append(try await view(record)) }
        return views
    }

    public func broadcast(id: String, tenantID: String) async throws -> BroadcastView? {
        guard let record = try await dependencies.store.broadcast(tenantID: tenantID, id: id) else { return nil }
        return try await view(record)
    }

    /// Holds a scheduled, testing or sending broadcast: its unsent messages wait (`broadcast_paused`). Nil when unknown.
    public func pause(id: String, tenantID: String) async throws -> BroadcastView? {
        try await change(id: id, tenantID: tenantID, from: [.scheduled, .testing, .sending], messages: .pause, verb: "pause") { record in
            record.pausedFrom = record.status
            record.status = .paused
        }
    }

    /// Lets a paused broadcast go on where it stopped.
    public func resume(id: String, tenantID: String) async throws -> BroadcastView? {
        try await change(id: id, tenantID: tenantID, from: [.paused], messages: .resume, verb: "resume") { record in
            record.status = record.pausedFrom ?? .sending
            record.pausedFrom = nil
        }
    }

    /// Stops a broadcast for good: its unsent messages are skipped (`broadcast_cancelled`); those sent stay sent.
    public func cancel(id: String, tenantID: String) async throws -> BroadcastView? {
        try await change(id: id, tenantID: tenantID, from: [.scheduled, .testing, .sending, .paused], messages: .cancel, verb: "cancel") { record in
            record.pausedFrom = nil
            record.status = .cancelled
        }
    }

    private func change(
        id: String, tenantID: String, from: Set<BroadcastStatus>, messages: BroadcastMessageChange, verb: String,
        _ apply: (inout BroadcastRecord) -> Void
    ) async throws -> BroadcastView? {
        let store = dependencies.store
        for _ in 0..<3 {
            guard var record = try await store.broadcast(tenantID: tenantID, id: id) else { return nil }
            let status = record.status
            guard from.contains(status) else {
                throw BroadcastError(code: "broadcast_\(status.rawValue)", message: "the broadcast is \(status.rawValue): it cannot \(verb)")
            }
            let variants = (try? BroadcastDefinition.read(record.document, now: record.createdAt))?.test?.variants.map(\.id) ?? []
            let now = dependencies.clock.now()
            apply(&record)
            record.updatedAt = now
            if try await store.updateBroadcast(record, expected: [status], messages: messages, steps: record.steps(variants: variants), now: now) {
                return try await view(record)
            }
        }
        throw BroadcastError(code: "broadcast_busy", message: "the broadcast kept changing; try again")
    }

    /// Moves the tenant's broadcasts on at `now` until nothing is left to queue (the worker's pass does the same on its
    /// own). Returns the messages queued and decisions taken. For the CLI, tests and the benchmark.
    @discardableResult
    public func advance(tenantID: String, now: Date) async throws -> Int {
        let keeper = BroadcastKeeper(dependencies: dependencies, tenantID: tenantID)
        var total = 0
        while true {
            let progress = try await keeper.advance(now: now)
            total += progress
            if progress == 0 { return total }
        }
    }

    func view(_ record: BroadcastRecord) async throws -> BroadcastView {
        let variants = (try? BroadcastDefinition.read(record.document, now: record.createdAt))?.test?.variants.map(\.id) ?? []
        let steps = record.steps(variants: variants)
        let windows = AttributionWindows(settings: try await dependencies.store.tenantSettings(tenantID: record.tenantID))
        let rows = try await dependencies.store.broadcastFigures(tenantID: record.tenantID, steps: steps, attributing: windows)
        var report = BroadcastReport()
        for row in rows {
            report.total.add(row.figures)
            if row.step == steps[0] { report.rest.add(row.figures) }
        }
        report.variants = variants.map { variant in
            let row = rows.first { $0.step == "broadcast:\(record.id)/\(variant)" }
            return BroadcastReport.Variant(id: variant, figures: row?.figures ?? BroadcastFigures())
        }
        report.blockedReasons = try await dependencies.store.broadcastBlockedReasons(tenantID: record.tenantID, steps: steps)
        return BroadcastView(record, report: report)
    }

    private func invalid(_ field: String, _ message: String) -> ValidationError {
        ValidationError(code: "invalid_broadcast", field: field, message: message)
    }
}

/// A broadcast that cannot do what was asked in its state (409).
public struct BroadcastError: AutopilotError, Equatable {
    public var code: String
    public var message: String
    public var category: ErrorCategory { .conflict }
}
