import AutopilotCore
import Foundation
import Storage

/// The one way events enter Autopilot — HTTP API, NDJSON import, demo and webhooks alike: parse, validate, normalise,
/// then record and project in one transaction.
public struct IngestPipeline: Sendable {
    public let dependencies: Dependencies
    public var reader = EventBatchReader()

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    /// Ingests a request body (one event or `{"events": [...]}`), all or nothing.
    public func ingest(body: [UInt8], tenantID: String) async throws -> IngestResult {
        let document = try JSONParser.parseRequest(body)
        return try await ingest(document: document, tenantID: tenantID)
    }

    public func ingest(document: JSONValue, tenantID: String) async throws -> IngestResult {
        let now = dependencies.clock.now()
        let events = try reader.read(document, now: now)
        return try await record(events, tenantID: tenantID)
    }

    /// Ingests request bodies one after the other, each all or nothing. Body n+1 is read, validated and planned while
    /// body n is being written: the writer's thread and the other one work at the same time (one write in flight,
    /// results in order). Stops at the first error; the bodies before it are recorded.
    public func ingest(bodies: [[UInt8]], tenantID: String) async throws -> [IngestResult] {
        var chain = IngestChain(pipeline: self, tenantID: tenantID)
        return try await chain.ingest(bodies: bodies)
    }

    /// Records events that are already validated, with the events Autopilot derives from them (a lead's qualification).
    public func record(_ events: [IncomingEvent], tenantID: String) async throws -> IngestResult {
        let (enriched, origins) = LeadQualificationStep().enrich(events)
        let result = try await dependencies.store.recordEvents(
            enriched, tenantID: tenantID, receivedAt: dependencies.clock.now(), ids: dependencies.ids)
        return enriched.count == events.count ? result : result.restricted(to: origins)
    }

    /// Plans validated events before their write (`record(_:)` of the batch planned), with `previous` written before them.
    public func plan(_ events: [IncomingEvent], tenantID: String, after previous: PlannedBatch?) async throws -> PlannedBatch {
        let (enriched, origins) = LeadQualificationStep().enrich(events)
        let planned = try await dependencies.store.planEvents(
            enriched, tenantID: tenantID, receivedAt: dependencies.clock.now(), ids: dependencies.ids, after: previous?.planned)
        return PlannedBatch(planned: planned, origins: enriched.count == events.count ? nil : origins)
    }

    /// Records a batch planned by `plan`: as planned when nothing it was planned from changed since, else planned again.
    public func record(_ batch: PlannedBatch) async throws -> IngestResult {
        let result = try await dependencies.store.recordPlanned(batch.planned, ids: dependencies.ids)
        return batch.origins.map(result.restricted(to:)) ?? result
    }
}

/// Events validated and planned before their write transaction (`IngestPipeline.plan`).
public struct PlannedBatch: Sendable {
    let planned: PlannedIngest
    let origins: [Int?]?

    /// The ids the plan gives the accepted events, in order: a batch planned again in its transaction gets others.
    public var plannedEventIDs: [String] { planned.plannedEventIDs }
}

/// Batches of one tenant written one after the other, each planned while the one before it is written (one write in
/// flight). The NDJSON import, `ingest(bodies:)` and the demo's history go through it.
public struct IngestChain: Sendable {
    public let pipeline: IngestPipeline
    public let tenantID: String
    private var previous: PlannedBatch?
    private var writing: Task<IngestResult, any Error>?
    /// Batches written as planned ahead, and batches planned again in their transaction (something they were planned
    /// from changed in between).
    public private(set) var writtenAsPlanned = 0
    public private(set) var plannedAgain = 0

    public init(pipeline: IngestPipeline, tenantID: String) {
        self.pipeline = pipeline
        self.tenantID = tenantID
    }

    /// Plans `events` and starts their write once the batch before them is written; returns that batch's result.
    public mutating func add(_ events: [IncomingEvent]) async throws -> IngestResult? {
        guard !events.isEmpty else { return nil }
        let planned = try await pipeline.plan(events, tenantID: tenantID, after: previous)
        let written = try await finish()
        previous = planned
        let pipeline = self.pipeline
        writing = Task { try await pipeline.record(planned) }
        return written
    }

    /// Reads, validates and adds each body in turn (`IngestPipeline.ingest(bodies:)`), then waits for the last write; the
    /// results in order. Stops at the first error; the bodies before it are recorded.
    public mutating func ingest(bodies: [[UInt8]]) async throws -> [IngestResult] {
        var results: [IngestResult] = []
        results.reserveCapacity(bodies.count)
        do {
            for body in bodies {
                let events = try pipeline.reader.read(try JSONParser.parseRequest(body), now: pipeline.dependencies.clock.now())
                if let written = try await add(events) { results.append(written) }
            }
        } catch {
            // The batch being written still commits.
            _ = try? await finish()
            throw error
        }
        if let written = try await finish() { results.append(written) }
        return results
    }

    /// Waits for the batch being written; its result, nil when none was.
    public mutating func finish() async throws -> IngestResult? {
        guard let writing else { return nil }
        self.writing = nil
        let result: IngestResult
        do {
            result = try await writing.value
        } catch {
            previous = nil
            throw error
        }
        // Ids are never given twice: a batch planned again has none of its planned ids, so its first accepted one tells.
        if let first = result.accepted.first?.id, let previous, !previous.plannedEventIDs.contains(first) {
            plannedAgain += 1
        } else {
            writtenAsPlanned += 1
        }
        return result
    }
}

/// Requests the engine refuses before validation: bodies that are not JSON at all.
public enum RequestError: AutopilotError, Equatable {
    case malformedJSON(String)

    public var category: ErrorCategory { .malformedRequest }

    public var code: String {
        switch self {
        case .malformedJSON: "malformed_json"
        }
    }

    public var message: String {
        switch self {
        case .malformedJSON(let detail): "the body is not valid JSON: \(detail)"
        }
    }
}
