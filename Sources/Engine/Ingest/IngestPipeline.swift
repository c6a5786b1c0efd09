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

    /// Ingests request bodies one after the other, each all or nothing, and reads and validates body n+1 while body n is
    /// being written: the writer's thread and the reading one work at the same time (one write in flight, results in
    /// order). Stops at the first error; the bodies before it are recorded.
    public func ingest(bodies: [[UInt8]], tenantID: String) async throws -> [IngestResult] {
        try await withThrowingTaskGroup(of: IngestResult.self) { group in
            var results: [IngestResult] = []
            results.reserveCapacity(bodies.count)
            for body in bodies {
                let events: [IncomingEvent]
                do {
                    events = try reader.read(try JSONParser.parseRequest(body), now: dependencies.clock.now())
                } catch {
                    // The batch being written still commits (a throwing group body would cancel it).
                    _ = try await group.next()
                    throw error
                }
                if let written = try await group.next() { results.append(written) }
                group.addTask { try await record(events, tenantID: tenantID) }
            }
            if let written = try await group.next() { results.append(written) }
            return results
        }
    }

    /// Records events that are already validated, with the events Autopilot derives from them (a lead's qualification).
    public func record(_ events: [IncomingEvent], tenantID: String) async throws -> IngestResult {
        let (enriched, origins) = LeadQualificationStep().enrich(events)
        let result = try await dependencies.store.recordEvents(
            enriched, tenantID: tenantID, receivedAt: dependencies.clock.now(), ids: dependencies.ids)
        return enriched.count == events.count ? result : result.restricted(to: origins)
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
