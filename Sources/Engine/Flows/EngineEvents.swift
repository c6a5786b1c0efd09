import AutopilotCore
import Foundation
import Storage

/// Events Autopilot itself emits (a cart found abandoned, a message sent or failed, a contact updated by a flow), recorded
/// through the same pipeline as every other event, so flows, timelines and exits see them.
struct EngineEvents {
    let pipeline: IngestPipeline
    let tenantID: String
    private(set) var pending: [JSONValue] = []

    init(pipeline: IngestPipeline, tenantID: String) {
        self.pipeline = pipeline
        self.tenantID = tenantID
    }

    /// Queues an event about a stored contact; events for a contact without any identifier are dropped.
    mutating func add(_ type: EventType, contact: ContactRecord?, occurredAt: Date, key: String, properties: JSONObject) {
        guard let identifiers = contact.map(Self.identifiers), !identifiers.isEmpty else { return }
        let event: JSONObject = [
            "type": .string(type.rawValue), "occurred_at": .string(Timestamp.format(occurredAt)), "idempotency_key": .string(key),
            "contact": .object(identifiers), "properties": .object(properties),
        ]
        pending.append(.object(event))
    }

    /// Records the queued events in one batch (duplicates by key are ignored by the store).
    mutating func flush() async throws {
        guard !pending.isEmpty else { return }
        let events = pending
        pending = []
        // The reader accepts at most 1,000 events per batch.
        for first in stride(from: 0, to: events.count, by: 1_000) {
            let chunk = Array(events[first..<min(events.count, first + 1_000)])
            _ = try await pipeline.ingest(document: .object(["events": .array(chunk)]), tenantID: tenantID)
        }
    }

    static func identifiers(_ contact: ContactRecord) -> JSONObject {
        var object = JSONObject()
        object["email"] = contact.email.map(JSONValue.string)
        object["phone"] = contact.phone.map(JSONValue.string)
        object["external_id"] = contact.externalID.map(JSONValue.string)
        return object
    }
}
