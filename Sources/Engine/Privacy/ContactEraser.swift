import AutopilotCore
import Foundation
import Logging
import Storage

/// Erases a person (docs/privacy.md): `DELETE /v1/contacts/{id}` and `autopilot contacts erase`. One transaction on either
/// store; a second erasure changes nothing and answers the first one's receipt.
public struct ContactEraser: Sendable {
    let dependencies: Dependencies
    let tenantID: String

    public init(dependencies: Dependencies, tenantID: String) {
        self.dependencies = dependencies
        self.tenantID = tenantID
    }

    /// The receipt, or nil when the tenant has no such contact. `requestedBy` names the caller (an API key's prefix, `cli`).
    public func erase(contactID: String, requestedBy: String) async throws -> ErasureReceipt? {
        let store = dependencies.store
        if let done = try await store.erasureReceipt(contactID: contactID, tenantID: tenantID) { return done }
        guard try await store.hasContact(id: contactID, tenantID: tenantID) else { return nil }
        let now = dependencies.clock.now()
        let hasher = try await AddressHasher.forTenant(tenantID, store: store, now: now)
        let receipt = try await store.eraseContact(
            ErasureRequest(tenantID: tenantID, contactID: contactID, requestedBy: requestedBy, now: now) { hasher.hash(kind: $0, address: $1) })
        guard let receipt else { return nil }
        dependencies.logger.notice(
            "contact erased", metadata: ["tenant": "\(tenantID)", "contact": "\(contactID)", "by": "\(requestedBy)", "counts": "\(receipt.counts)"])
        // Answered as stored (times to the millisecond), so the first answer and every repeat are the same bytes.
        return try await store.erasureReceipt(contactID: contactID, tenantID: tenantID) ?? receipt
    }
}
