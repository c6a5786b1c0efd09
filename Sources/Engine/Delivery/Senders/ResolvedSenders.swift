import AutopilotCore
import Channels

/// The senders chosen for the tenants of one dispatch batch: each tenant's own settings, else the process defaults
/// (`SenderDirectory.resolve`), as `ResolvedTemplates` is for templates.
public struct ResolvedSenders: Sendable {
    let directory: SenderDirectory
    let chosen: [String: [Channel: any MessageSender]]

    /// The tenant's sender for the channel: its own settings, else the process default.
    public func sender(for channel: Channel, tenantID: String) -> any MessageSender {
        chosen[tenantID]?[channel] ?? directory.sender(for: channel, tenantID: tenantID)
    }
}
