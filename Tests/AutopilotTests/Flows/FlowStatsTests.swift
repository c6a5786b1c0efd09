import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// Flow analytics on the flow scenario run through the engine: Amina abandons her cart and clicks the reminder, then opens
/// the coupon email; she orders 2 days after the click (attributed to the reminder), an hour after opening the coupon
/// (attributed to the coupon, the latest touch, once) and 10 days after the click (not attributed). Bob orders his cart.
@Suite struct FlowStatsTests {
    @Test func analyticsOnSQLite() async throws {
        try await TestDatabases.withSQLite { try await Self.checkScenario(store: $0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func analyticsOnPostgreSQL() async throws {
        try await TestDatabases.withPostgres { try await Self.checkScenario(store: $0) }
    }

    @Test func anUnknownFlowIsNotFoundAndAReversedPeriodIsRefused() async throws {
        try await TestDatabases.withSQLite { store in
            let tenantID = try await TenantService(dependencies: Dependencies(store: store)).create(name: "shop").tenantID
            let analytics = FlowAnalytics(store: store, tenantID: tenantID)
            await #expect(throws: FlowAdministrationError.self) { try await analytics.stats(flowID: "no-such-flow") }
            let reversed = await #expect(throws: FlowAdministrationError.self) {
                try await analytics.stats(
                    flowID: "welcome", from: Fixtures.date("2026-03-10T00:00:00Z"), until: Fixtures.date("2026-03-01T00:00:00Z"))
            }
            #expect(reversed?.category == .invalidInput)
            let empty = try await analytics.stats(flowID: "welcome")
            #expect(empty.runs == FlowStats.Runs() && empty.messages == FlowStats.Messages() && empty.steps.isEmpty)
            #expect(try await analytics.stats().count >= 12)
        }
    }

    static func touch(_ type: String, message: MessageListing, at: String) -> JSONValue {
        Fixtures.envelope(
            type, at: at, key: "\(type)-\(message.id)", contact: ["email": .string(message.contact)],
            properties: ["message_id": .string(message.id), "channel": .string(message.channel)])
    }

    /// An order of Amina's through its own cart: it does not buy her abandoned cart, so her abandoned-cart series goes on
    /// (an order that converts the cart ends it with cart.recovered).
    static func order(_ id: String, at: String, total: Double) -> JSONValue {
        Fixtures.envelope(
            "order.placed", at: at, key: "order-\(id)", contact: ["email": "amina@example.fr"],
            properties: [
                "order_id": .string(id), "cart_id": .string("cart-\(id)"), "lines": [["sku": "TEA-01", "quantity": 1, "price": .double(total)]],
                "total": .double(total), "currency": "EUR",
            ])
    }

    static func checkScenario(store: SQLStore) async throws {
        let clock = ManualClock(FlowScenario.start)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 7))
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
        let otherTenant = try await TenantService(dependencies: dependencies).create(name: "other").tenantID
        let simulator = FlowSimulator(worker: try TestWorker.make(dependencies), clock: clock)
        let queries = FlowQueries(store: store)
        func cartMessage(_ template: String) async throws -> MessageListing {
            try #require(
                try await queries.messages(tenantID: tenantID).first {
                    $0.flow == "abandoned-cart" && $0.template == template && $0.contact == "amina@example.fr"
                })
        }

        _ = try await simulator.run(events: FlowScenario.events, tenantID: tenantID, until: Fixtures.date("2026-03-04T09:00:00Z"))
        let reminder = try await cartMessage("abandoned-cart-reminder")
        #expect(reminder.status == "sent")
        // Clicked at 10:00 on the 4th; ordered two days later (within 5 days of the click).
        _ = try await simulator.run(
            events: [touch("message.clicked", message: reminder, at: "2026-03-04T10:00:00Z"), order("O-2", at: "2026-03-06T08:00:00Z", total: 30)],
            tenantID: tenantID, until: Fixtures.date("2026-03-07T00:00:00Z"))
        let coupon = try await cartMessage("abandoned-cart-coupon")
        let couponSent = try #require(coupon.sentAt.flatMap(Timestamp.parse))
        // The coupon opened 30 minutes after it went, an order an hour later (both touches qualify: the latest wins), and one
        // ten days after the click (no touch within its window).
        _ = try await simulator.run(
            events: [
                touch("message.opened", message: coupon, at: Timestamp.format(couponSent.addingTimeInterval(1_800))),
                order("O-3", at: Timestamp.format(couponSent.addingTimeInterval(3_600)), total: 50),
                order("O-4", at: "2026-03-14T10:00:00Z", total: 70),
            ],
            tenantID: tenantID, until: Fixtures.date("2026-03-15T00:00:00Z"))

        let analytics = FlowAnalytics(store: store, tenantID: tenantID)
        let stats = try await analytics.stats(flowID: "abandoned-cart")
        #expect(stats.name == "Abandoned cart")
        #expect(stats.runs.started == 2)
        #expect(stats.runs.completed == 1)
        #expect(stats.runs.exited == 1)
        #expect(stats.runs.exitedByReason == ["order_placed": 1])
        #expect(stats.runs.active == 0)

        let messages = try await queries.messages(tenantID: tenantID).filter { $0.flow == "abandoned-cart" }
        #expect(stats.messages.queued == messages.count)
        #expect(stats.messages.queued == 5)
        #expect(stats.messages.sent == 4)
        #expect(stats.messages.skipped == 1)
        var reasons: [String: Int] = [:]
        for message in messages { if let reason = message.blockedReason { reasons[reason, default: 0] += 1 } }
        #expect(stats.messages.blockedByReason == reasons)
        #expect(stats.messages.blockedByReason["run_exited:order_placed"] == 1)
        #expect(stats.messages.blockedByReason["frequency_cap", default: 0] >= 1)
        #expect(stats.messages.blocked == reasons.values.reduce(0, +))
        // Held, then sent (a frequency cap deferred it): counted in sent and in sent_after_hold, not as held for good.
        var sentAfterHold: [String: Int] = [:]
        for message in messages where message.sentAt != nil {
            if let reason = message.blockedReason { sentAfterHold[reason, default: 0] += 1 }
        }
        #expect(!sentAfterHold.isEmpty)
        #expect(stats.messages.sentAfterHoldByReason == sentAfterHold)
        #expect(stats.messages.sentAfterHold == sentAfterHold.values.reduce(0, +))
        #expect(stats.messages.sentAfterHoldByReason["run_exited:order_placed"] == nil)
        #expect(stats.messages.clicked == 1)
        #expect(stats.messages.opened == 2)
        #expect(stats.messages.replied == 0)

        #expect(stats.attributed.orders == 2)
        #expect(stats.attributed.revenue == ["EUR": 80])
        let reminderStep = try #require(stats.steps.first { $0.step == reminder.step })
        #expect(reminderStep.step == "steps[3]")
        #expect(reminderStep.template == "abandoned-cart-reminder" && reminderStep.channel == "email")
        #expect(reminderStep.messages.clicked == 1)
        #expect(reminderStep.attributed.orders == 1 && reminderStep.attributed.revenue == ["EUR": 30])
        let couponStep = try #require(stats.steps.first { $0.step == coupon.step })
        #expect(couponStep.attributed.orders == 1 && couponStep.attributed.revenue == ["EUR": 50])
        #expect(stats.steps.map(\.step) == ["steps[1].then[0]", "steps[3]", "steps[4]", "steps[5]", "steps[7]"])
        // Bob's run stopped during the wait after the reminder when he ordered.
        let bobExit = try #require(stats.steps.first { $0.step == "steps[4]" })
        #expect(bobExit.kind == "wait" && bobExit.runs.exitedByReason == ["order_placed": 1] && bobExit.messages.queued == 0)
        #expect(stats.steps.map(\.runs.exited).reduce(0, +) == stats.runs.exited)

        // Periods: orders by when they were placed, runs by when they started.
        let early = try await analytics.stats(flowID: "abandoned-cart", until: Fixtures.date("2026-03-06T09:00:00Z"))
        #expect(early.attributed.orders == 1 && early.attributed.revenue == ["EUR": 30])
        #expect(early.runs.started == 2)
        let late = try await analytics.stats(flowID: "abandoned-cart", from: Fixtures.date("2026-03-10T00:00:00Z"))
        #expect(late.attributed.orders == 0 && late.runs.started == 0 && late.messages.queued == 0)

        // Other flows keep their own numbers: the welcome emails were never touched, so they earn nothing.
        let all = try await analytics.stats()
        #expect(all.first { $0.flow == "welcome" }?.attributed.orders == 0)
        let welcome = try #require(all.first { $0.flow == "welcome" })
        #expect(welcome.runs.started == 2)
        // Both welcome runs wait at the same step now.
        #expect(welcome.steps.map(\.runs.active).reduce(0, +) == welcome.runs.active)
        // Another tenant sees none of it.
        let other = try await FlowAnalytics(store: store, tenantID: otherTenant).stats(flowID: "abandoned-cart")
        #expect(other.runs.started == 0 && other.messages.queued == 0 && other.attributed.orders == 0)
    }
}
