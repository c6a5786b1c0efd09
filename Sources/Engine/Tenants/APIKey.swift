import Crypto
import Foundation

/// API keys: `ap_` and 40 random base-32 characters, shown once; only their SHA-256 is stored.
public enum APIKey {
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijkmnpqrstuvwxyz23456789")
        return "ap_" + String((0..<40).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
    }

    public static func hash(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// The part of a key that may be shown again to recognise it (`ap_abcd…`).
    public static func prefix(_ key: String) -> String {
        String(key.prefix(7))
    }
}
