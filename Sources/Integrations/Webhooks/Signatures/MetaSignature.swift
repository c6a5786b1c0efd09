/// Meta's webhook signature (WhatsApp Cloud API): `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>`.
public struct MetaSignature: Sendable {
    public static let header = "X-Hub-Signature-256"

    private let secret: String

    /// - Parameter secret: the Meta app's secret.
    public init(secret: String) {
        self.secret = secret
    }

    /// The header value Meta sends for this body.
    public func sign(_ body: [UInt8]) -> String {
        "sha256=" + MessageAuthentication.hex(MessageAuthentication.hmacSHA256(key: secret, message: body))
    }

    /// Checks the header against the raw body; throws why it does not match.
    public func verify(body: [UInt8], headers: WebhookHeaders) throws(SignatureFailure) {
        guard !secret.isEmpty else { throw SignatureFailure(.missingSecret, "no app secret is configured") }
        guard let value = headers.value(Self.header) else { throw SignatureFailure(.missingSignature, "the \(Self.header) header is missing") }
        guard value.hasPrefix("sha256="), let received = MessageAuthentication.decodeHex(String(value.dropFirst(7))), received.count == 32 else {
            throw SignatureFailure(.malformedSignature, "the \(Self.header) header is not sha256=<64 hex digits>")
        }
        guard MessageAuthentication.constantTimeEquals(received, MessageAuthentication.hmacSHA256(key: secret, message: body)) else {
            throw SignatureFailure(.badSignature, "the \(Self.header) header does not match the body")
        }
    }
}
