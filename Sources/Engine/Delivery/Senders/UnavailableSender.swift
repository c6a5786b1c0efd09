import AutopilotCore
import Channels

/// Stands in for a sender whose settings cannot be used: every attempt fails, permanently, saying why, so the message is
/// recorded as failed instead of going to another sender than the tenant chose.
struct UnavailableSender: MessageSender {
    let name: String
    let reason: String

    func send(_ message: OutboundMessage) async -> SendOutcome {
        .failed(SendFailure(code: "channel_misconfigured", reason: reason, isTransient: false))
    }
}
