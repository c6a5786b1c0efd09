import AutopilotCore
import Foundation
import Storage

/// What one dispatch batch sends with: each tenant's senders (settings read once per batch) and the
/// signer of tracking and unsubscribe links.
struct BatchSenders: Sendable {
    let senders: ResolvedSenders
    let signer: TrackingSigner
    let publicURL: String
    /// Tenants that turned UTM tagging off (`tracking.utm` = `off`).
    var untagged: Set<String> = []

    static func load(
        tenantIDs: Set<String>, senders: SenderDirectory, store: any ChannelSettingsStore & TenantSettingsStore, ids: any IDGenerator,
        settings: FlowEngineSettings, now: Date
    ) async throws -> BatchSenders {
        var untagged: Set<String> = []
        for tenantID in tenantIDs {
            let setting = try await store.tenantSettings(tenantID: tenantID)[UTMTags.setting]
            if setting?.lowercased() == "off" { untagged.insert(tenantID) }
        }
        return BatchSenders(
            senders: try await senders.resolve(tenantIDs: tenantIDs, store: store),
            signer: try await TrackingKeySource(configured: settings.trackingSecret, store: store, ids: ids).signer(now: now),
            publicURL: settings.publicURL, untagged: untagged)
    }

    /// The message's signed links (unsubscribe, clicks, open pixel), click targets tagged with UTM parameters.
    func links(for message: OutboxRecord) -> TrackingLinks {
        let utm =
            untagged.contains(message.tenantID)
            ? nil : UTMTags.forMessage(channel: message.channel.rawValue, flowID: message.flowID, step: message.step)
        return TrackingLinks(baseURL: publicURL, signer: signer, tenantID: message.tenantID, messageID: message.id, utm: utm)
    }
}
