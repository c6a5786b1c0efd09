import Foundation

/// Slack's request signature (version 0): `X-Slack-Signature: v0=hex(HMAC-SHA256(signing secret, "v0:<ts>:<raw body>"))`
/// with the timestamp in `X-Slack-Request-Timestamp`, refused when more than `tolerance` away from `now`.
public struct SlackSignature: Sendable {
    public static let signatureHeader = "X-Slack-Signature"
    public static let timestampHeader = "X-Slack-Request-Timestamp"

    private let secret: String
    public let tolerance: TimeInterval

    public init(signingSecret: String, tolerance: TimeInterval = 300) {
        self.secret = signingSecret
        self.tolerance = tolerance
    }

    /// The `X-Slack-Signature` value for a body sent with `timestamp`.
    public func sign(_ body: [UInt8], timestamp: String) -> String {
        "v0=" + MessageAuthentication.hex(MessageAuthentication.hmacSHA256(key: secret, message: Self.basestring(timestamp, body)))
    }

    /// Checks `X-Slack-Signature` and `X-Slack-Request-Timestamp` against the raw body and `now`.
    public func verify(body: [UInt8], headers: WebhookHeaders, now: Date) throws(SignatureFailure) {
        try verify(body: body, timestamp: headers.value(Self.timestampHeader), signature: headers.value(Self.signatureHeader), now: now)
    }

    /// Checks header values (nil when absent) against the raw body and `now`; throws why they are refused.
    public func verify(body: [UInt8], timestamp: String?, signature: String?, now: Date) throws(SignatureFailure) {
        guard !secret.isEmpty else { throw SignatureFailure(.missingSecret, "no signing secret is configured") }
        guard let signature else { throw SignatureFailure(.missingSignature, "the \(Self.signatureHeader) header is missing") }
        guard let timestamp else { throw SignatureFailure(.missingTimestamp, "the \(Self.timestampHeader) header is missing") }
        guard let seconds = Int64(timestamp), seconds >= 0 else {
            throw SignatureFailure(.malformedSignature, "the \(Self.timestampHeader) header \"\(timestamp)\" is not whole seconds")
        }
        guard signature.hasPrefix("v0="), let received = MessageAuthentication.decodeHex(String(signature.dropFirst(3))),
            received.count == 32
        else {
            throw SignatureFailure(.malformedSignature, "the \(Self.signatureHeader) header is not v0=<64 hex digits>")
        }
        let expected = MessageAuthentication.hmacSHA256(key: secret, message: Self.basestring(timestamp, body))
        guard MessageAuthentication.constantTimeEquals(received, expected) else {
            throw SignatureFailure(.badSignature, "the \(Self.signatureHeader) header does not match the body")
        }
        try SignedTimestamp.check(Double(seconds), now: now, tolerance: tolerance, header: Self.timestampHeader)
    }

    private static func basestring(_ timestamp: String, _ body: [UInt8]) -> [UInt8] {
        Array("v0:\(timestamp):".utf8) + body
    }
}
