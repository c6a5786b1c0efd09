import Foundation

/// Judge.me's webhook signature: `JUDGEME-HMAC-SHA256` is hex(HMAC-SHA256(secret, raw body)). The secret is the OAuth
/// app's client secret for webhooks an app created, or the shop's private API token for webhooks created with it.
public struct JudgeMeSignature: Sendable {
    public static let header = "JUDGEME-HMAC-SHA256"

    private let secret: String

    public init(secret: String) {
        self.secret = secret
    }

    /// The header value Judge.me sends for this body.
    public func sign(_ body: [UInt8]) -> String {
        MessageAuthentication.hex(MessageAuthentication.hmacSHA256(key: secret, message: body))
    }

    /// Checks the header against the raw body; throws why it does not match.
    public func verify(body: [UInt8], headers: WebhookHeaders) throws(SignatureFailure) {
        guard !secret.isEmpty else { throw SignatureFailure(.missingSecret, "no Judge.me secret is configured") }
        guard let value = headers.value(Self.header) else { throw SignatureFailure(.missingSignature, "the \(Self.header) header is missing") }
        guard let received = MessageAuthentication.decodeHex(value.trimmingCharacters(in: .whitespaces)), received.count == 32 else {
            throw SignatureFailure(.malformedSignature, "the \(Self.header) header is not 64 hexadecimal digits")
        }
        guard MessageAuthentication.constantTimeEquals(received, MessageAuthentication.hmacSHA256(key: secret, message: body)) else {
            throw SignatureFailure(.badSignature, "the \(Self.header) header does not match the body")
        }
    }
}
