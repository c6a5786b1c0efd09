import Crypto
import Foundation

/// The secrets of accounts: session and link tokens, anti-forgery tokens, one-time passwords — all from the system's
/// cryptographic generator — and the comparisons and hashes that keep them.
public enum AccountSecrets {
    /// A new raw token: 32 random bytes, base64url without padding (43 characters).
    public static func token() -> String {
        Data(randomBytes(32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// What the store keeps of a token: its SHA-256, in lowercase hex.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// A one-time password people can type: four groups of five characters with no look-alikes (about 100 bits).
    public static func oneTimePassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        var generator = SystemRandomNumberGenerator()
        let characters = (0..<20).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
        return stride(from: 0, to: 20, by: 5).map { String(characters[$0..<$0 + 5]) }.joined(separator: "-")
    }

    /// Whether two secrets are equal, taking the same time whatever the first difference (only the length shows).
    public static func matches(_ presented: String, _ expected: String) -> Bool {
        constantTimeEqual(Array(presented.utf8), Array(expected.utf8))
    }

    static func constantTimeEqual(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
