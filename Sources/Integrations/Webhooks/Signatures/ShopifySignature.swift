/// Shopify's webhook signature: `X-Shopify-Hmac-Sha256` is base64(HMAC-SHA256(app client secret, raw body)).
public struct ShopifySignature: Sendable {
    public static let header = "X-Shopify-Hmac-Sha256"

    private let secret: String

    /// - Parameter secret: the app's client secret (or the store's webhook signing key for webhooks made in the admin).
    public init(secret: String) {
        self.secret = secret
    }

    /// The header value Shopify sends for this body.
    public func sign(_ body: [UInt8]) -> String {
        MessageAuthentication.base64(MessageAuthentication.hmacSHA256(key: secret, message: body))
    }

    /// Checks the `X-Shopify-Hmac-Sha256` header against the raw body; throws why it does not match.
    public func verify(body: [UInt8], headers: WebhookHeaders) throws(SignatureFailure) {
        try verify(body: body, signature: headers.value(Self.header))
    }

    /// Checks a header value (nil when the header is absent) against the raw body.
    public func verify(body: [UInt8], signature: String?) throws(SignatureFailure) {
        try Base64BodySignature(header: Self.header, secret: secret).verify(body: body, signature: signature)
    }
}

/// The scheme Shopify and WooCommerce share: base64 of HMAC-SHA256 over the raw body.
struct Base64BodySignature {
    let header: String
    let secret: String

    func verify(body: [UInt8], signature: String?) throws(SignatureFailure) {
        guard !secret.isEmpty else { throw SignatureFailure(.missingSecret, "no signing secret is configured") }
        guard let signature else { throw SignatureFailure(.missingSignature, "the \(header) header is missing") }
        guard let received = MessageAuthentication.decodeBase64(signature), received.count == 32 else {
            throw SignatureFailure(.malformedSignature, "the \(header) header is not a base64 HMAC-SHA256 (32 bytes)")
        }
        let expected = MessageAuthentication.hmacSHA256(key: secret, message: body)
        guard MessageAuthentication.constantTimeEquals(received, expected) else {
            throw SignatureFailure(.badSignature, "the \(header) header does not match the body")
        }
    }
}
