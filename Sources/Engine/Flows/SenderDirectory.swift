import AutopilotCore
import Channels

/// The sender for each channel (and tenant). `log` unless configured otherwise.
public struct SenderDirectory: Sendable {
    private var byChannel: [Channel: any MessageSender]
    private let fallback: any MessageSender

    public init(default fallback: any MessageSender = LogSender(), byChannel: [Channel: any MessageSender] = [:]) {
        self.fallback = fallback
        self.byChannel = byChannel
    }

    public func sender(for channel: Channel, tenantID: String) -> any MessageSender {
        byChannel[channel] ?? fallback
    }
}
