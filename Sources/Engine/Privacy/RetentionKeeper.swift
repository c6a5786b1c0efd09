import Foundation
import Logging
import Storage

/// Prunes a tenant's old data by its retention settings, in bounded batches (one transaction each), then gives the freed
/// pages of an SQLite file back to the file system. What reports count stays: contacts' order totals and scores, orders
/// and their lines, flow runs, and every message row with its status, flow, channel and times (only its recipient,
/// subject and body are blanked); see docs/privacy.md.
public struct RetentionKeeper: Sendable {
    /// Rows per transaction.
    public var batchSize = 1_000
    /// Batches per kind of data in one pass: the rest waits for the next pass, so the service is never held up for long.
    public var batchesPerPass = 5
    /// Free pages handed back to the file system after a pass that pruned something (4 KiB each).
    public var vacuumPages = 4_096
    public let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    /// What one pass did.
    public struct Outcome: Sendable, Equatable {
        public var events = 0
        public var messages = 0
        public var conversations = 0
        public var pagesReclaimed = 0
        /// A kind hit its batch limit: more is left for the next pass.
        public var more = false
        public var total: Int { events + messages + conversations }
    }

    public func prune(tenantID: String, now: Date) async throws -> Outcome {
        let store = dependencies.store
        let settings = RetentionSettings(values: try await store.tenantSettings(tenantID: tenantID))
        var outcome = Outcome()
        guard !settings.isOff else { return outcome }
        func cutoff(_ days: Int) -> Date { now.addingTimeInterval(-Double(days) * 86_400) }
        func batches(_ prune: () async throws -> Int) async throws -> Int {
            var total = 0
            for _ in 0..<batchesPerPass {
                let count = try await prune()
                total += count
                if count == 0 { return total }
            }
            outcome.more = true
            return total
        }
        if let days = settings.eventsDays {
            outcome.events = try await batches { try await store.pruneEvents(tenantID: tenantID, receivedBefore: cutoff(days), limit: batchSize) }
        }
        if let days = settings.messagesDays {
            outcome.messages = try await batches {
                try await store.pruneMessageContents(tenantID: tenantID, before: cutoff(days), limit: batchSize)
            }
        }
        if let days = settings.conversationsDays {
            outcome.conversations = try await batches {
                try await store.pruneConversationContents(tenantID: tenantID, before: cutoff(days), limit: batchSize)
            }
        }
        if outcome.total > 0 {
            outcome.pagesReclaimed = try await store.reclaimFreePages(vacuumPages) ?? 0
            dependencies.logger.info(
                "retention pruned", metadata: [
                    "tenant": "\(tenantID)", "events": "\(outcome.events)", "messages": "\(outcome.messages)",
                    "conversations": "\(outcome.conversations)", "pages_reclaimed": "\(outcome.pagesReclaimed)",
                ])
        }
        return outcome
    }
}
