import Foundation

/// Postmark does not sign its webhooks; its documented protection is HTTP Basic authentication in the webhook URL
/// (`https://user:password@host/…`), which Postmark sends as `Authorization: Basic base64(user:password)`. The endpoint's
/// secret is that `user:password`; the header is compared with it in constant time.
public struct PostmarkAuthentication: Sendable {
    public static let header = "Authorization"
    private let secret: String

    /// - Parameter secret: `user:password`, as written in the webhook URL given to Postmark.
    public init(secret: String) {
        self.secret = secret
    }

    /// The header value Postmark sends for this secret.
    public var expectedHeader: String { "Basic " + MessageAuthentication.base64(Array(secret.utf8)) }

    public func verify(headers: WebhookHeaders) throws(SignatureFailure) {
        guard !secret.isEmpty else {
            throw SignatureFailure(.missingSecret, "no user:password is configured for Postmark's Basic authentication")
        }
        guard let value = headers.value(Self.header) else {
            throw SignatureFailure(.missingSignature, "the Authorization header is missing: put user:password in the webhook URL given to Postmark")
        }
        guard value.lowercased().hasPrefix("basic ") else {
            throw SignatureFailure(.malformedSignature, "the Authorization header is not Basic authentication")
        }
        guard MessageAuthentication.constantTimeEquals(Array(value.utf8), Array(expectedHeader.utf8)) else {
            throw SignatureFailure(.badSignature, "the Basic authentication does not match the endpoint's user:password")
        }
    }
}
