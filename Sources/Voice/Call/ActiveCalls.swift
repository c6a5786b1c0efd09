import Synchronization

/// Calls under way on this server, per tenant: the concurrency limit.
public final class ActiveCalls: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    public init() {}

    /// Takes a place for the tenant when fewer than `limit` calls are under way.
    public func enter(_ tenantID: String, limit: Int) -> Bool {
        counts.withLock { counts in
            let current = counts[tenantID, default: 0]
            guard current < limit else { return false }
            counts[tenantID] = current + 1
            return true
        }
    }

    public func leave(_ tenantID: String) {
        counts.withLock { counts in
            let next = counts[tenantID, default: 0] - 1
            counts[tenantID] = next > 0 ? next : nil
        }
    }

    public func count(_ tenantID: String) -> Int {
        counts.withLock { $0[tenantID, default: 0] }
    }
}
