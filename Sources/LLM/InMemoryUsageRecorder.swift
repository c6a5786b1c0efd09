import Synchronization

/// Keeps usage records in memory, with running monthly totals per tenant.
public final class InMemoryUsageRecorder: LLMUsageRecorder {
    private struct Key: Hashable {
        var tenant: String
        var month: UsageMonth
    }

    private let state = Mutex<(records: [LLMUsageRecord], totals: [Key: Double])>((records: [], totals: [:]))

    public init() {}

    public func record(_ record: LLMUsageRecord) async {
        append(record)
    }

    /// Records synchronously (also used to seed a tenant's spend).
    public func append(_ record: LLMUsageRecord) {
        state.withLock {
            $0.records.append(record)
            $0.totals[Key(tenant: record.tenant, month: UsageMonth(containing: record.startedAt)), default: 0] += record.costUSD
        }
    }

    public func monthlySpend(tenant: String, month: UsageMonth) async -> Double {
        state.withLock { $0.totals[Key(tenant: tenant, month: month)] ?? 0 }
    }

    /// Every record so far, oldest first.
    public var records: [LLMUsageRecord] { state.withLock { $0.records } }
}
