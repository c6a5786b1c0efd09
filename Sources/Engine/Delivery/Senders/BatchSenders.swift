import AutopilotCore
import Foundation
import Storage

/// What one dispatch batch sends with: each tenant's senders (settings read once per batch) and the
/// signer of tracking and unsubscribe links.
struct BatchSenders: Sendable {
    let senders: ResolvedSenders
    let signer: TrackingSigner
    let publicURL: String

    static func load(
        tenantIDs: Set<String>, senders: SenderDirectory, store: any ChannelSettingsStore, ids: any IDGenerator, settings: FlowEngineSettings,
        now: Date
    ) async throws -> BatchSenders {
        BatchSenders(
            senders: try await senders.resolve(tenantIDs: tenantIDs, store: store),
            signer: try await TrackingKeySource(configured: settings.trackingSecret, store: store, ids: ids).signer(now: now),
            publicURL: settings.publicURL)
    }

    /// The message's signed links (unsubscribe, clicks, open pixel).
    func links(for message: OutboxRecord) -> TrackingLinks {
        TrackingLinks(baseURL: publicURL, signer: signer, tenantID: message.tenantID, messageID: message.id)
    }
}
