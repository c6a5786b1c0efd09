import Foundation
import Storage
import Synchronization

/// Something the worker keeps per tenant between rounds (a flow catalog, dropshipping settings), each with the tenant's state
/// version it was read at (`TenantActivity.Tenant.stateVersion`). A round reads again only the tenants whose version moved
/// since — so a change by the API, the command line or another worker is seen by the next round — and forgets the tenants
/// that are gone. While the roster is the one of the previous round, nothing is looked at.
final class TenantStateMemo<Value: Sendable>: Sendable {
    private struct Entry {
        var version: Int64
        var value: Value
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var roster: TenantActivity.Roster?
        var values: [(tenantID: String, value: Value)] = []
    }

    private let state = Mutex(State())

    /// The values of `activity`'s tenants, in its order: kept ones as they are, the others read by `load`.
    func values(for activity: TenantActivity, load: (String) async throws -> Value) async throws -> [(tenantID: String, value: Value)] {
        let kept = state.withLock { $0 }
        if kept.roster == activity.roster { return kept.values }
        var fresh: [String: Entry] = [:]
        fresh.reserveCapacity(activity.tenants.count)
        var values: [(tenantID: String, value: Value)] = []
        values.reserveCapacity(activity.tenants.count)
        for tenant in activity.tenants {
            let entry =
                if let known = kept.entries[tenant.id], known.version == tenant.stateVersion { known } else {
                    Entry(version: tenant.stateVersion, value: try await load(tenant.id))
                }
            fresh[tenant.id] = entry
            values.append((tenant.id, entry.value))
        }
        state.withLock { $0 = State(entries: fresh, roster: activity.roster, values: values) }
        return values
    }
}

/// The worker's last read of the tenants' activity, so the next read keeps its roster while no tenant's state moved.
final class TenantActivityReader: Sendable {
    private let last = Mutex<TenantActivity?>(nil)

    func read(_ store: any FlowRunStore) async throws -> TenantActivity {
        let activity = try await store.tenantActivity(after: last.withLock { $0 })
        last.withLock { $0 = activity }
        return activity
    }
}
