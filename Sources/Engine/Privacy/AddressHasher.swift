import Crypto
import Foundation
import Storage

/// The tenant's keyed hash of an address (HMAC-SHA256 over `kind:address`, hex): the suppression list holds these, never
/// the addresses, and the same address hashes differently in another tenant.
public struct AddressHasher: Sendable {
    let key: SymmetricKey

    public init(hexKey: String) {
        var bytes: [UInt8] = []
        var index = hexKey.startIndex
        while index < hexKey.endIndex, let next = hexKey.index(index, offsetBy: 2, limitedBy: hexKey.endIndex) {
            if let byte = UInt8(hexKey[index..<next], radix: 16) { bytes.append(byte) }
            index = next
        }
        key = SymmetricKey(data: bytes)
    }

    /// The hash of an address as contacts store it (emails lowercased, phones in E.164).
    public func hash(kind: String, address: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data((kind + ":" + address).utf8), using: key)
        return code.map { String(format: "%02x", $0) }.joined()
    }

    /// A new random 256-bit key, hex.
    public static func newKey() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.map { String(format: "%02x", $0) }.joined()
    }

    /// The tenant's hasher, creating its key on first use.
    public static func forTenant(_ tenantID: String, store: any PrivacyStore, now: Date) async throws -> AddressHasher {
        if let key = try await store.privacyHashKey(tenantID: tenantID) { return AddressHasher(hexKey: key) }
        return AddressHasher(hexKey: try await store.privacyHashKey(tenantID: tenantID, now: now, newKey: newKey()))
    }
}
