import Crypto
import Foundation
import _CryptoExtras

/// The cost of scrypt: N = 2^logN, block size r, parallelism p. Memory is about 128 · N · r bytes (16 MiB for the standard).
public struct ScryptParameters: Sendable, Equatable {
    public var logN: Int
    public var blockSize: Int
    public var parallelism: Int

    public init(logN: Int, blockSize: Int, parallelism: Int) {
        self.logN = logN
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// N = 2^14, r = 8, p = 1: the cost every new password gets.
    public static let standard = ScryptParameters(logN: 14, blockSize: 8, parallelism: 1)

    /// Costs a stored hash may name; anything else is treated as corrupt rather than run.
    var isAcceptable: Bool { (10...20).contains(logN) && (1...32).contains(blockSize) && (1...16).contains(parallelism) }
}

/// Password hashes as PHC-like strings that carry their own parameters and salt, so the cost can rise later:
/// `$scrypt$ln=14,r=8,p=1$SALT$KEY` (salt 16 bytes, key 32 bytes, both base64 without padding).
public enum PasswordHash {
    static let saltByteCount = 16
    static let keyByteCount = 32

    /// A new hash of `password` with a fresh random salt.
    public static func make(_ password: String, parameters: ScryptParameters = .standard) throws -> String {
        let salt = AccountSecrets.randomBytes(saltByteCount)
        let key = try derive(password, salt: salt, parameters: parameters)
        return "$scrypt$ln=\(parameters.logN),r=\(parameters.blockSize),p=\(parameters.parallelism)$"
            + encode(salt) + "$" + encode(key)
    }

    /// Whether `password` matches `stored`, compared in constant time. A hash that cannot be read never matches.
    public static func verify(_ password: String, against stored: String) -> Bool {
        guard let parsed = parse(stored), let key = try? derive(password, salt: parsed.salt, parameters: parsed.parameters) else { return false }
        return AccountSecrets.constantTimeEqual(key, parsed.key)
    }

    /// The parameters a stored hash was made with, or nil when it cannot be read.
    public static func parameters(of stored: String) -> ScryptParameters? {
        parse(stored)?.parameters
    }

    /// The same work as a verification, for sign-ins of unknown emails (so their answer takes as long).
    static func wasteEqualWork(_ password: String, parameters: ScryptParameters) {
        _ = try? derive(password, salt: AccountSecrets.randomBytes(saltByteCount), parameters: parameters)
    }

    static func derive(_ password: String, salt: [UInt8], parameters: ScryptParameters) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: Array(password.utf8), salt: salt, outputByteCount: keyByteCount, rounds: 1 << parameters.logN,
            blockSize: parameters.blockSize, parallelism: parameters.parallelism)
        return key.withUnsafeBytes { Array($0) }
    }

    private static func parse(_ stored: String) -> (parameters: ScryptParameters, salt: [UInt8], key: [UInt8])? {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "scrypt" else { return nil }
        var values: [String: Int] = [:]
        for pair in parts[2].split(separator: ",") {
            let halves = pair.split(separator: "=", maxSplits: 1)
            guard halves.count == 2, let value = Int(halves[1]) else { return nil }
            values[String(halves[0])] = value
        }
        guard let logN = values["ln"], let r = values["r"], let p = values["p"] else { return nil }
        let parameters = ScryptParameters(logN: logN, blockSize: r, parallelism: p)
        guard parameters.isAcceptable, let salt = decode(parts[3]), let key = decode(parts[4]), salt.count >= 8, key.count == keyByteCount
        else { return nil }
        return (parameters, salt, key)
    }

    private static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    private static func decode(_ text: Substring) -> [UInt8]? {
        let padded = String(text) + String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: padded).map { Array($0) }
    }
}
