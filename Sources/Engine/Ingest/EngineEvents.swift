import AutopilotCore
import Foundation
import Storage

/// Events Autopilot itself emits (`EngineEvent`: a cart found abandoned, a message sent or failed, a contact updated by
/// a flow…), recorded through the same pipeline step as every other event, so flows, timelines and exits see them.
struct EngineEvents {
    let pipeline: IngestPipeline
    let tenantID: String
    private(set) var pending: [IncomingEvent] = []

    init(pipeline: IngestPipeline, tenantID: String) {
        self.pipeline = pipeline
        self.tenantID = tenantID
    }

    /// Queues an event about a stored contact; events for a contact without any identifier are dropped.
    mutating func add(_ event: EngineEvent, contact: ContactRecord?, occurredAt: Date, key: String) {
        guard let contact else { return }
        let identifiers = ContactIdentifiers(email: contact.email, phone: contact.phone, externalID: contact.externalID)
        guard !identifiers.isEmpty else { return }
        pending.append(event.incoming(contact: identifiers, occurredAt: occurredAt, key: key))
    }

    /// Records the queued events, 1,000 per transaction (duplicates by key are ignored by the store).
    mutating func flush() async throws {
        guard !pending.isEmpty else { return }
        let events = pending
        pending = []
        for first in stride(from: 0, to: events.count, by: 1_000) {
            _ = try await pipeline.record(Array(events[first..<min(events.count, first + 1_000)]), tenantID: tenantID)
        }
    }
}
