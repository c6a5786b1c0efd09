import AutopilotCore
import Foundation
import Logging
import Storage

/// Records what an inbound email said (a reply, a bounce, a complaint), whichever way it came (an inbound-mail webhook,
/// the IMAP mailbox): names our message from the store (`WebhookEventResolver`), ingests through the one pipeline, and
/// queues a soft-bounced email once more for later.
struct InboundMailRecorder {
    let dependencies: Dependencies
    let tenantID: String

    /// A soft-bounced email is sent again this long after the bounce arrived.
    static let softBounceRetryDelay: TimeInterval = 6 * 3600

    func record(_ events: [JSONValue]) async throws -> IngestResult {
        guard !events.isEmpty else { return IngestResult() }
        // U+0000 (which PostgreSQL cannot store) is dropped from what a shop or a mail client wrote.
        let resolved = try await WebhookEventResolver(store: dependencies.store, tenantID: tenantID).resolve(events.map(\.withoutNUL))
        let result = try await IngestPipeline(dependencies: dependencies).ingest(document: ["events": .array(resolved)], tenantID: tenantID)
        let now = dependencies.clock.now()
        for event in resolved {
            guard event["type"]?.stringValue == EventType.messageBounced.rawValue, let properties = event["properties"]?.objectValue,
                properties["bounce"]?.stringValue == "soft", let messageID = properties["message_id"]?.stringValue
            else { continue }
            let reason = properties["reason"]?.stringValue ?? "soft bounce"
            if try await dependencies.store.retrySoftBounce(
                messageID: messageID, tenantID: tenantID, reason: reason, at: now.addingTimeInterval(Self.softBounceRetryDelay))
            {
                dependencies.logger.info("soft-bounced email queued again", metadata: ["tenant": "\(tenantID)", "message": "\(messageID)"])
            }
        }
        return result
    }
}
