import AutopilotCore
import Crypto
import Foundation

/// The one cipher of every stored secret: tenants' secret settings (shop, CRM and mailbox tokens), channel secrets, webhook
/// signing secrets and the instance's tracking key. AES-256-GCM under a 32-byte key (`AUTOPILOT_SECRET_KEY`, its older name
/// `AUTOPILOT_SETTINGS_KEY`, or the key file: see `SecretKeySource`). The stored text is
/// `enc:v1:<base64(nonce ‖ ciphertext ‖ tag)>`; the tenant and the value's name are authenticated with it, so a value
/// copied to another tenant or another place does not open.
///
/// `previous` keys only open: while a key is being rotated, values sealed with the old one still read, and
/// `SQLStore.sealStoredSecrets` re-seals them with the current one.
public struct SettingsCipher: Sendable, Equatable {
    public static let variable = "AUTOPILOT_SECRET_KEY"
    /// The older name of `AUTOPILOT_SECRET_KEY`, still read when the new one is unset.
    public static let alias = "AUTOPILOT_SETTINGS_KEY"
    /// The key of before a rotation, accepted for opening only.
    public static let previousVariable = "AUTOPILOT_SECRET_KEY_PREVIOUS"
    static let prefix = "enc:v1:"
    private let key: SymmetricKey
    private let previous: [SymmetricKey]

    public init(key: [UInt8], previous: [[UInt8]] = []) throws(ConfigurationError) {
        guard key.count == 32 else { throw ConfigurationError(variable: Self.variable, reason: "must be 32 bytes (base64 or 64 hex digits)") }
        guard previous.allSatisfy({ $0.count == 32 }) else {
            throw ConfigurationError(variable: Self.previousVariable, reason: "must be 32 bytes (base64 or 64 hex digits)")
        }
        self.key = SymmetricKey(data: key)
        self.previous = previous.map { SymmetricKey(data: $0) }
    }

    /// A new random key.
    public static func randomKey() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    /// The cipher of `AUTOPILOT_SECRET_KEY` (else `AUTOPILOT_SETTINGS_KEY`), with `AUTOPILOT_SECRET_KEY_PREVIOUS` for
    /// opening; nil when neither key variable is set.
    public static func fromEnvironment(_ environment: [String: String]) throws(ConfigurationError) -> SettingsCipher? {
        let name = [variable, alias].first { !(environment[$0]?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ?? true) }
        guard let name, let text = environment[name] else { return nil }
        let key = try parseKey(text, variable: name)
        var previous: [[UInt8]] = []
        if let old = environment[previousVariable], !old.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            previous.append(try parseKey(old, variable: previousVariable))
        }
        return try SettingsCipher(key: key, previous: previous)
    }

    /// A key written as base64 or 64 hex digits; `variable` is named in the error.
    public static func parseKey(_ text: String, variable: String) throws(ConfigurationError) -> [UInt8] {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.count == 64, let bytes = Self.hex(text) { return bytes }
        guard let data = Data(base64Encoded: text) else { throw ConfigurationError(variable: variable, reason: "is neither base64 nor 64 hex digits") }
        guard data.count == 32 else { throw ConfigurationError(variable: variable, reason: "must be 32 bytes (base64 or 64 hex digits), not \(data.count)") }
        return Array(data)
    }

    /// The key as written in a key file or a variable (base64).
    public var keyText: String { key.withUnsafeBytes { Data($0).base64EncodedString() } }

    /// This cipher's key for opening only, `key` sealing from now on.
    public func rotated(to key: [UInt8]) throws(ConfigurationError) -> SettingsCipher {
        try SettingsCipher(key: key, previous: [self.key.withUnsafeBytes { Array($0) }])
    }

    /// Whether a stored text is sealed (by any key).
    public static func isSealed(_ stored: String) -> Bool { stored.hasPrefix(prefix) }

    public func seal(_ value: String, name: String, tenantID: String) throws -> String {
        let box = try AES.GCM.seal(Data(value.utf8), using: key, authenticating: Self.associatedData(name: name, tenantID: tenantID))
        guard let combined = box.combined else { throw ValidationError(code: "encryption_failed", field: name, message: "could not be encrypted") }
        return Self.prefix + combined.base64EncodedString()
    }

    /// The clear value, nil when the text is not ours or does not open with this key (nor a previous one).
    public func open(_ stored: String, name: String, tenantID: String) -> String? {
        opening(stored, name: name, tenantID: tenantID)?.clear
    }

    /// The clear value and whether it was sealed with the current key (false: with a previous one, to re-seal).
    public func opening(_ stored: String, name: String, tenantID: String) -> (clear: String, current: Bool)? {
        guard stored.hasPrefix(Self.prefix), let data = Data(base64Encoded: String(stored.dropFirst(Self.prefix.count))),
            let box = try? AES.GCM.SealedBox(combined: data)
        else { return nil }
        let associated = Self.associatedData(name: name, tenantID: tenantID)
        for (index, candidate) in ([key] + previous).enumerated() {
            if let clear = try? AES.GCM.open(box, using: candidate, authenticating: associated) {
                return (String(decoding: clear, as: UTF8.self), index == 0)
            }
        }
        return nil
    }

    public static func == (lhs: SettingsCipher, rhs: SettingsCipher) -> Bool {
        lhs.key.withUnsafeBytes { Array($0) } == rhs.key.withUnsafeBytes { Array($0) }
    }

    static func associatedData(name: String, tenantID: String) -> Data { Data("\(tenantID)\u{0}\(name)".utf8) }

    static func hex(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
