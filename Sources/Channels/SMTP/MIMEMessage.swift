/// A message ready for the SMTP `DATA` command, with its envelope.
public struct MIMEMessage: Sendable, Hashable {
    /// The `Message-ID` header's value, angle brackets included; the same for every attempt of one idempotency key.
    public var messageID: String
    /// The envelope sender (`MAIL FROM`).
    public var envelopeFrom: String
    /// The envelope recipient (`RCPT TO`).
    public var recipient: String
    /// Header and body, CRLF line endings, not yet dot-stuffed.
    public var data: [UInt8]
    /// An address is not ASCII: the server must offer SMTPUTF8 (RFC 6531).
    public var requiresSMTPUTF8: Bool

    /// The message as text (tests and logs).
    public var text: String { String(decoding: data, as: UTF8.self) }
}
