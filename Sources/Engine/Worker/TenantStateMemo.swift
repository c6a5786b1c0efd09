import Foundation
import Storage
import Synchronization

/// Something the worker keeps per tenant between rounds (a flow catalog, dropshipping settings), each with the tenant's state
/// version it was read at (`TenantActivity.Tenant.stateVersion`). A round reads again only the tenants whose version moved
/// since — so a change by the API, the command line or another worker is seen by the next round — and forgets the tenants
/// that are gone.
final class TenantStateMemo<Value: Sendable>: Sendable {
    private struct Entry {
        var version: Int64
        var value: Value
    }

    private let entries = Mutex<[String: Entry]>([:])

    /// The values of `activity`'s tenants, in its order: kept ones as they are, the others read by `load`.
    func values(for activity: TenantActivity, load: (String) async throws -> Value) async throws -> [(tenantID: String, value: Value)] {
        let kept = entries.withLock { $0 }
        var fresh: [String: Entry] = [:]
        fresh.reserveCapacity(activity.tenants.count)
        var values: [(tenantID: String, value: Value)] = []
        values.reserveCapacity(activity.tenants.count)
        for tenant in activity.tenants {
            let entry =
                if let known = kept[tenant.id], known.version == tenant.stateVersion { known } else {
                    Entry(version: tenant.stateVersion, value: try await load(tenant.id))
                }
            fresh[tenant.id] = entry
            values.append((tenant.id, entry.value))
        }
        entries.withLock { $0 = fresh }
        return values
    }
}
