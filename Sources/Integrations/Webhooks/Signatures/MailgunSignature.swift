import AutopilotCore
import Foundation

/// Mailgun's webhook signature: `signature` = hex(HMAC-SHA256(HTTP webhook signing key, timestamp + token)). Webhooks
/// (JSON) carry `{"signature": {"timestamp", "token", "signature"}, "event-data": …}`; inbound routes post the three as
/// form fields. The timestamp must lie within `tolerance` of `now`; the token (unique per request) is the delivery id, so
/// a replayed request is recorded once.
public struct MailgunSignature: Sendable {
    private let key: String
    public let tolerance: TimeInterval

    public init(key: String, tolerance: TimeInterval = 300) {
        self.key = key
        self.tolerance = tolerance
    }

    /// The signature of `timestamp` + `token`.
    public func sign(timestamp: String, token: String) -> String {
        MessageAuthentication.hex(MessageAuthentication.hmacSHA256(key: key, message: Array((timestamp + token).utf8)))
    }

    public func verify(timestamp: String?, token: String?, signature: String?, now: Date) throws(SignatureFailure) {
        guard !key.isEmpty else { throw SignatureFailure(.missingSecret, "no Mailgun webhook signing key is configured") }
        guard let signature, !signature.isEmpty, let token, !token.isEmpty else {
            throw SignatureFailure(.missingSignature, "the Mailgun signature or token is missing")
        }
        guard let timestamp, let seconds = Double(timestamp) else {
            throw SignatureFailure(.missingTimestamp, "the Mailgun signature has no usable timestamp")
        }
        guard let received = MessageAuthentication.decodeHex(signature) else {
            throw SignatureFailure(.malformedSignature, "the Mailgun signature is not hexadecimal")
        }
        let expected = MessageAuthentication.hmacSHA256(key: key, message: Array((timestamp + token).utf8))
        guard MessageAuthentication.constantTimeEquals(received, expected) else {
            throw SignatureFailure(.badSignature, "the Mailgun signature does not match the timestamp and token")
        }
        try SignedTimestamp.check(seconds, now: now, tolerance: tolerance, header: "Mailgun signature")
    }

    /// Reads the signature from a JSON webhook or a form-encoded inbound route, and verifies it.
    public func verify(body: [UInt8], now: Date) throws(SignatureFailure) {
        if let json = try? JSONParser.parse(String(decoding: body, as: UTF8.self)), let signature = json["signature"] {
            try verify(
                timestamp: signature.text("timestamp"), token: signature.text("token"), signature: signature.text("signature"), now: now)
        } else if let form = FormBody(body) {
            try verify(timestamp: form["timestamp"], token: form["token"], signature: form["signature"], now: now)
        } else {
            throw SignatureFailure(.malformedBody, "the body is neither JSON nor form-encoded")
        }
    }
}
