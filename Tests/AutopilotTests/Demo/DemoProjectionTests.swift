import AutopilotCore
import Engine
import Foundation
import Testing

/// The demo run through the pure ingest projection, as `autopilot demo` does through the store.
@Suite("Demo shop through the ingest projection")
struct DemoProjectionTests {
    static let plan: IngestPlan = {
        let validator = EventValidator()
        let events = DemoSample.events.compactMap { try? validator.validate($0, now: DemoSample.now) }
        return IngestPlanner.plan(events, snapshot: IngestSnapshot(), ids: SeededIDGenerator(seed: 1), receivedAt: DemoSample.now)
    }()

    @Test("every event is accepted once; contacts and leads become one person each")
    func accepted() {
        #expect(Self.plan.outcomes.count == DemoSample.events.count)
        #expect(Self.plan.outcomes.allSatisfy { if case .accepted = $0 { true } else { false } })
        #expect(Self.plan.contacts.count == 2_000 + 200)
        #expect(Self.plan.leads.count == 200)
        #expect(Self.plan.products.count == 50)
    }

    @Test(
        "carts end open, abandoned, recovered and converted, and only abandoned carts are recovered",
        arguments: [
            CartStatus.open, .abandoned, .recovered, .converted,
        ])
    func cartStatuses(_ status: CartStatus) {
        #expect(Self.plan.carts.contains { $0.status == status })
    }

    @Test("a cart is recovered exactly when the demo ordered it after a cart.abandoned")
    func recoveriesAreIntended() {
        let abandoned = Set(DemoSample.events(of: .cartAbandoned).compactMap { $0["properties"]?["cart_id"]?.stringValue })
        let ordered = Set(DemoSample.events(of: .orderPlaced).compactMap { $0["properties"]?["cart_id"]?.stringValue })
        let recovered = Set(Self.plan.carts.filter { $0.status == .recovered }.map(\.externalID))
        #expect(recovered == abandoned.intersection(ordered))
        let converted = Set(Self.plan.carts.filter { $0.status == .converted }.map(\.externalID))
        #expect(converted == ordered.subtracting(abandoned))
    }

    @Test("orders end in every status, and each person's order count matches their orders")
    func orders() {
        let statuses = Set(Self.plan.orders.map(\.status))
        #expect(statuses.isSuperset(of: [.placed, .fulfilled, .delivered, .cancelled, .refunded]))
        #expect(!statuses.contains(.pending), "no event names an order that was never placed")
        let counted = Self.plan.contacts.reduce(0) { $0 + $1.ordersCount }
        #expect(counted == Self.plan.orders.filter { $0.status != .cancelled }.count)
    }
}
