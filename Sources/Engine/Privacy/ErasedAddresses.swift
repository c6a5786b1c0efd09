import AutopilotCore
import Foundation
import Storage

/// The claimed messages whose person's address is on their tenant's suppression list (an erased person, re-imported by a
/// shop webhook or an import): the dispatcher skips them with the reason `erased`.
struct ErasedAddresses: Sendable {
    private var blocked: Set<String> = []

    /// One read per tenant that ever erased someone, and one for its candidates' hashes.
    static func load(items: [DispatchItem], store: any PrivacyStore) async throws -> ErasedAddresses {
        var found = ErasedAddresses()
        for tenantID in Set(items.map(\.message.tenantID)) {
            guard let key = try await store.privacyHashKey(tenantID: tenantID) else { continue }
            let hasher = AddressHasher(hexKey: key)
            var candidates: [String: [String]] = [:]
            for item in items where item.message.tenantID == tenantID {
                guard let address = Self.address(of: item) else { continue }
                candidates[hasher.hash(kind: address.kind, address: address.value), default: []].append(item.message.id)
            }
            let suppressed = try await store.suppressedHashes(Array(candidates.keys), tenantID: tenantID)
            for hash in suppressed { found.blocked.formUnion(candidates[hash] ?? []) }
        }
        return found
    }

    /// Whether the message goes to an erased person's address.
    func blocks(_ message: OutboxRecord) -> Bool { blocked.contains(message.id) }

    /// The address the message's channel uses.
    static func address(of item: DispatchItem) -> (kind: String, value: String)? {
        switch item.message.channel {
        case .email: item.contact?.email.map { ("email", $0) }
        case .sms, .whatsapp: item.contact?.phone.map { ("phone", $0) }
        }
    }
}
