/// Which service sends a channel's messages for a tenant. Stored as its raw value; `log` is the default.
/// `twilio` and `omnisend` are reserved names for the senders still to come.
public enum ChannelProvider: String, Sendable, CaseIterable, Codable {
    /// Writes each message to the log (dry run).
    case log
    /// Email over an SMTP relay (`SMTPSender`).
    case smtp
    case twilio
    case omnisend

    /// Whether this build can send through the provider.
    public var isAvailable: Bool { self == .log || self == .smtp }
}
