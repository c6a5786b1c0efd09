import AutopilotCore
import Logging

/// The default sender: writes each message to the log and reports it sent (the seeds' dry-run mode).
public struct LogSender: MessageSender {
    public let name = "log"
    /// A log line reaches no one: a repeat after a crash is harmless.
    public let toleratesRepeats = true
    private let logger: Logger

    public init(logger: Logger = Logger(label: "autopilot.sender.log")) {
        self.logger = logger
    }

    public func send(_ message: OutboundMessage) async -> SendOutcome {
        logger.info(
            "message",
            metadata: [
                "id": "\(message.id)", "tenant": "\(message.tenantID)", "channel": "\(message.channel.rawValue)", "to": "\(message.recipient)",
                "subject": "\(message.subject ?? "")", "text": "\(message.text)",
            ])
        return .sent(providerID: "log-\(message.id)")
    }
}
