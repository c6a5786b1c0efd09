import Foundation

/// Stripe's webhook signature: `Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…][,v0=…]`, where each `v1` is
/// hex(HMAC-SHA256(endpoint secret, "<t>.<raw body>")).
///
/// Any one matching `v1` is enough (Stripe sends several while a secret is being rolled); `v0` and unknown schemes are
/// ignored. The timestamp must lie within `tolerance` of `now`, in either direction, which bounds replays.
public struct StripeSignature: Sendable {
    public static let header = "Stripe-Signature"

    private let secret: String
    public let tolerance: TimeInterval

    /// - Parameters:
    ///   - secret: the endpoint's signing secret (`whsec_…`).
    ///   - tolerance: how far the signed timestamp may be from `now`; Stripe's libraries use 300 seconds.
    public init(secret: String, tolerance: TimeInterval = 300) {
        self.secret = secret
        self.tolerance = tolerance
    }

    /// The `v1` value for a body signed at `timestamp` (whole seconds since 1970).
    public func sign(_ body: [UInt8], timestamp: Int64) -> String {
        MessageAuthentication.hex(MessageAuthentication.hmacSHA256(key: secret, message: Self.signedPayload(String(timestamp), body)))
    }

    /// A complete header value for a body signed at `timestamp`.
    public func header(for body: [UInt8], timestamp: Int64) -> String {
        "t=\(timestamp),v1=\(sign(body, timestamp: timestamp))"
    }

    /// Checks the `Stripe-Signature` header against the raw body and `now`; throws why it is refused.
    public func verify(body: [UInt8], headers: WebhookHeaders, now: Date) throws(SignatureFailure) {
        try verify(body: body, header: headers.value(Self.header), now: now)
    }

    /// Checks a header value (nil when the header is absent) against the raw body and `now`.
    public func verify(body: [UInt8], header: String?, now: Date) throws(SignatureFailure) {
        guard !secret.isEmpty else { throw SignatureFailure(.missingSecret, "no signing secret is configured") }
        guard let header else { throw SignatureFailure(.missingSignature, "the \(Self.header) header is missing") }
        var timestampText: String?
        var candidates: [String] = []
        for element in header.split(separator: ",") {
            guard let equals = element.firstIndex(of: "=") else {
                throw SignatureFailure(.malformedSignature, "the \(Self.header) element \"\(element)\" is not key=value")
            }
            let key = element[..<equals].trimmingCharacters(in: .whitespaces)
            let value = element[element.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "t": timestampText = value
            case "v1": candidates.append(value)
            default: continue
            }
        }
        guard let timestampText else { throw SignatureFailure(.missingTimestamp, "the \(Self.header) header has no t= timestamp") }
        guard let timestamp = Int64(timestampText), timestamp >= 0 else {
            throw SignatureFailure(.malformedSignature, "the \(Self.header) timestamp \"\(timestampText)\" is not whole seconds")
        }
        guard !candidates.isEmpty else { throw SignatureFailure(.malformedSignature, "the \(Self.header) header has no v1 signature") }
        let expected = MessageAuthentication.hmacSHA256(key: secret, message: Self.signedPayload(timestampText, body))
        var matched = false
        for candidate in candidates {
            if let received = MessageAuthentication.decodeHex(candidate), MessageAuthentication.constantTimeEquals(received, expected) {
                matched = true
            }
        }
        guard matched else { throw SignatureFailure(.badSignature, "no v1 signature in the \(Self.header) header matches the body") }
        try SignedTimestamp.check(Double(timestamp), now: now, tolerance: tolerance, header: Self.header)
    }

    private static func signedPayload(_ timestamp: String, _ body: [UInt8]) -> [UInt8] {
        Array(timestamp.utf8) + [UInt8(ascii: ".")] + body
    }
}

/// The replay window shared by Stripe and Slack.
enum SignedTimestamp {
    static func check(_ seconds: Double, now: Date, tolerance: TimeInterval, header: String) throws(SignatureFailure) {
        let age = now.timeIntervalSince1970 - seconds
        if age > tolerance {
            throw SignatureFailure(.staleTimestamp, "the \(header) timestamp is \(Int(age)) seconds old (tolerance \(Int(tolerance)) s)")
        }
        if -age > tolerance {
            throw SignatureFailure(.futureTimestamp, "the \(header) timestamp is \(Int(-age)) seconds in the future (tolerance \(Int(tolerance)) s)")
        }
    }
}
