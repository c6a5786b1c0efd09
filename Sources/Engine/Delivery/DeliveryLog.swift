import AutopilotCore
import Foundation
import Storage

/// What a dispatch batch has decided but not yet written: outbox rows, coupons, the events they emit. `flush` writes them
/// (events first: they are keyed by message id, so a crash before the outbox row is written repeats the send at worst,
/// never loses its `message.sent`), renewing the lease of the messages still held.
struct DeliveryLog {
    let dependencies: Dependencies
    private(set) var pending: [OutboxRecord] = []
    private var coupons: [CouponRecord] = []
    private var events: [String: EngineEvents] = [:]
    /// Every outcome written so far, for the flows' breakers.
    private(set) var written: [OutboxRecord] = []

    init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    mutating func add(_ record: OutboxRecord, coupon: CouponRecord? = nil) {
        pending.append(record)
        if let coupon { coupons.append(coupon) }
    }

    /// Queues an event about the message's contact.
    mutating func emit(_ event: EngineEvent, about message: OutboxRecord, contact: ContactRecord, at: Date, key: String) {
        let tenant = message.tenantID
        var tenantEvents = events[tenant] ?? EngineEvents(pipeline: IngestPipeline(dependencies: dependencies), tenantID: tenant)
        tenantEvents.add(event, contact: contact, occurredAt: at, key: key)
        events[tenant] = tenantEvents
    }

    /// Writes what is pending, and renews the lease of `held`.
    mutating func flush(renewing lease: OutboxLease? = nil) async throws {
        for tenant in events.keys.sorted() {
            var tenantEvents = events[tenant]!
            try await tenantEvents.flush()
        }
        events = [:]
        try await dependencies.store.recordDispatch(pending, coupons: coupons, renewing: lease)
        written += pending
        pending = []
        coupons = []
    }
}
