import AutopilotCore
import Crypto
import Foundation

/// Encrypts a tenant's secret settings (shop tokens) before they reach the database, with AES-256-GCM under a key from
/// the environment (`AUTOPILOT_SETTINGS_KEY`: 32 bytes, base64 or 64 hex digits). The stored text is
/// `enc:v1:<base64(nonce ‖ ciphertext ‖ tag)>`; the setting's name and tenant are authenticated with it, so a value
/// copied to another tenant or setting does not decrypt.
public struct SettingsCipher: Sendable, Equatable {
    public static let variable = "AUTOPILOT_SETTINGS_KEY"
    static let prefix = "enc:v1:"
    private let key: SymmetricKey

    public init(key: [UInt8]) throws(ConfigurationError) {
        guard key.count == 32 else { throw ConfigurationError(variable: Self.variable, reason: "must be 32 bytes (base64 or 64 hex digits)") }
        self.key = SymmetricKey(data: key)
    }

    /// The cipher of `AUTOPILOT_SETTINGS_KEY`, nil when it is unset.
    public static func fromEnvironment(_ environment: [String: String]) throws(ConfigurationError) -> SettingsCipher? {
        guard let text = environment[variable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.count == 64, let bytes = Self.hex(text) { return try SettingsCipher(key: bytes) }
        guard let data = Data(base64Encoded: text) else { throw ConfigurationError(variable: variable, reason: "is neither base64 nor 64 hex digits") }
        return try SettingsCipher(key: Array(data))
    }

    public func seal(_ value: String, name: String, tenantID: String) throws -> String {
        let box = try AES.GCM.seal(Data(value.utf8), using: key, authenticating: Data("\(tenantID)\u{0}\(name)".utf8))
        guard let combined = box.combined else { throw ValidationError(code: "encryption_failed", field: name, message: "could not be encrypted") }
        return Self.prefix + combined.base64EncodedString()
    }

    /// The clear value, nil when the text is not ours or does not open with this key.
    public func open(_ stored: String, name: String, tenantID: String) -> String? {
        guard stored.hasPrefix(Self.prefix), let data = Data(base64Encoded: String(stored.dropFirst(Self.prefix.count))),
            let box = try? AES.GCM.SealedBox(combined: data),
            let clear = try? AES.GCM.open(box, using: key, authenticating: Data("\(tenantID)\u{0}\(name)".utf8))
        else { return nil }
        return String(decoding: clear, as: UTF8.self)
    }

    public static func == (lhs: SettingsCipher, rhs: SettingsCipher) -> Bool {
        lhs.key.withUnsafeBytes { Array($0) } == rhs.key.withUnsafeBytes { Array($0) }
    }

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
