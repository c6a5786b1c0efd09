import Crypto
import Foundation

/// Signs tracking tokens with HMAC-SHA256 and checks them. A token is `base64url(payload).base64url(mac)`, the MAC taken
/// over the payload bytes (kind, tenant, message id and the URL or channel), so no field can change without the key.
public struct TrackingSigner: Sendable {
    private let key: SymmetricKey

    /// `secret`: AUTOPILOT_TRACKING_SECRET or the database's own random secret (see `TrackingKeySource`).
    public init(secret: String) {
        key = SymmetricKey(data: Array(secret.utf8))
    }

    public func sign(_ token: TrackingToken) -> String {
        let payload = token.payload
        let mac = HMAC<SHA256>.authenticationCode(for: payload, using: key)
        return Base64URL.encode(payload) + "." + Base64URL.encode(Array(mac))
    }

    /// The token `text` carries when its signature is ours and its kind is `kind`; nil for anything else (tampered,
    /// signed with another key, truncated, not a token at all).
    public func verify(_ text: some StringProtocol, kind: TrackingToken.Kind) -> TrackingToken? {
        guard text.utf8.count <= 16_384 else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let payload = Base64URL.decode(parts[0]), let mac = Base64URL.decode(parts[1]), mac.count == SHA256.byteCount
        else { return nil }
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: payload, using: key) else { return nil }
        guard let token = TrackingToken(payload: payload), token.kind == kind else { return nil }
        return token
    }
}

/// Base64 with the URL-safe alphabet (RFC 4648 §5), without padding.
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        guard !text.isEmpty, text.utf8.allSatisfy({ isAlphabet($0) }) else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let remainder = standard.utf8.count % 4
        guard remainder != 1 else { return nil }
        if remainder > 0 { standard += String(repeating: "=", count: 4 - remainder) }
        // Only the canonical spelling: unused low bits in the last character must be zero, so no two texts are one token.
        guard let bytes = Data(base64Encoded: standard).map(Array.init), encode(bytes) == text else { return nil }
        return bytes
    }

    private static func isAlphabet(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
    }
}
