import AutopilotCore
import Engine
import Flows
import Foundation
import Storage
import Testing

/// A synthetic shop lived through the engine: contacts abandon carts over 60 simulated days, a flow with a 50 % holdout
/// follows them up, and the simulated audience orders more often when the flow's email reached them — by a known amount.
/// The measured lift must find that amount within its 95 % interval, and an interval containing 0 when there is none.
@Suite struct FlowExperimentTests {
    static let holdoutFlow = """
        id: sim-cart
        name: Simulated cart
        trigger: { event: cart.abandoned }
        reentry: { once_per: trigger.cart_id }
        holdout: { percent: 50 }
        steps:
          - send: { channel: email, template: abandoned-cart-reminder }
        """

    static let start = Fixtures.date("2026-03-02T00:00:00Z")

    /// Deterministic pseudo-random numbers in [0, 1).
    struct Draws {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(UInt64(1) << 53)
        }
    }

    struct Shop {
        var tenantID: String
        var dependencies: Dependencies
        var simulator: FlowSimulator
        /// Each contact's email and the moment its cart was abandoned.
        var carts: [(email: String, abandonedAt: Date)] = []
    }

    /// A tenant with the flow installed (the built-in cart and welcome flows off), `count` contacts abandoning a cart each,
    /// spread over `days` days, lived through by the simulator. A `step` above 0 lets the simulator do what fell due within
    /// that many seconds together (see `FlowSimulator.minimumStep`): far fewer worker sweeps, each message a little later.
    static func shop(
        store: SQLStore, clock: ManualClock, name: String, flow: String, count: Int, seed: UInt64, days: Int = 60, step: TimeInterval = 0
    ) async throws -> Shop {
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: seed))
        let tenantID = try await TenantService(dependencies: dependencies).create(name: name).tenantID
        let administration = FlowAdministration(dependencies: dependencies, tenantID: tenantID)
        #expect(try await administration.install(document: flow).created)
        _ = try await administration.disable(id: "abandoned-cart")
        _ = try await administration.disable(id: "welcome")
        var simulator = FlowSimulator(worker: try TestWorker.make(dependencies), clock: clock)
        simulator.minimumStep = step
        var shop = Shop(tenantID: tenantID, dependencies: dependencies, simulator: simulator)
        var events: [JSONValue] = []
        for index in 0..<count {
            let email = "c\(index)@\(name).test"
            let created = start.addingTimeInterval(Double(index % days) * 86_400 + 8 * 3600 + Double(index * 37 % 540) * 60)
            events.append(
                Fixtures.envelope(
                    "contact.created", at: Timestamp.format(created), key: "c\(index)", contact: ["email": .string(email)],
                    properties: ["first_name": "Client", "locale": "fr", "timezone": "Europe/Paris", "consents": ["email": true]]))
            events.append(
                Fixtures.envelope(
                    "cart.updated", at: Timestamp.format(created.addingTimeInterval(300)), key: "k\(index)", contact: ["email": .string(email)],
                    properties: ["cart_id": .string("K-\(index)"), "lines": [["sku": "TEA-01", "quantity": 1, "price": 40.0]], "value": 40.0, "currency": "EUR"]))
            shop.carts.append((email, created.addingTimeInterval(300 + 1800)))
        }
        _ = try await shop.simulator.run(events: events, tenantID: tenantID, until: start.addingTimeInterval(Double(days + 2) * 86_400))
        return shop
    }

    /// The audience: each contact orders within 4 days of abandoning with probability `base`, × (1 + effect) when the flow's
    /// email reached them.
    static func orders(_ shop: Shop, reached: Set<String>, base: Double, effect: Double, seed: UInt64) -> [JSONValue] {
        var draws = Draws(state: seed)
        var orders: [JSONValue] = []
        for (index, cart) in shop.carts.enumerated() {
            let chance = base * (reached.contains(cart.email) ? 1 + effect : 1)
            let ordered = draws.next() < chance
            let delay = 3600 + draws.next() * 4 * 86_400
            guard ordered else { continue }
            orders.append(
                Fixtures.envelope(
                    "order.placed", at: Timestamp.format(cart.abandonedAt.addingTimeInterval(delay)), key: "o\(index)",
                    contact: ["email": .string(cart.email)],
                    properties: [
                        "order_id": .string("O-\(index)"), "lines": [["sku": "TEA-01", "quantity": 1, "price": 40.0]], "total": 40.0,
                        "currency": "EUR",
                    ]))
        }
        return orders
    }

    static func measure(store: SQLStore, effect: Double, seed: UInt64) async throws -> (FlowExperimentStats, Int, Int) {
        let clock = ManualClock(start)
        let shop = try await shop(store: store, clock: clock, name: "shop\(seed)", flow: holdoutFlow, count: 1_500, seed: seed)
        let messages = try await FlowQueries(store: store).messages(tenantID: shop.tenantID).filter { $0.flow == "sim-cart" }
        let reached = Set(messages.filter { $0.status == "sent" }.map(\.contact))
        let orders = Self.orders(shop, reached: reached, base: 0.2, effect: effect, seed: seed)
        _ = try await shop.simulator.run(events: orders, tenantID: shop.tenantID, until: clock.now())
        let stats = try await FlowAnalytics(store: store, tenantID: shop.tenantID).experiment(flowID: "sim-cart")
        return (stats, messages.count, reached.count)
    }

    @Test func aTrueLiftIsRecoveredWithinItsIntervalAndNoEffectGivesAnIntervalAroundZero() async throws {
        try await TestDatabases.withSQLite { store in
            let (lifted, queued, reached) = try await Self.measure(store: store, effect: 0.5, seed: 21)
            let holdout = try #require(lifted.holdout)
            let treatment = try #require(lifted.treatment)
            #expect(holdout.entrants + treatment.entrants == 1_500)
            #expect(abs(Double(holdout.entrants) / 1_500 - 0.5) < 0.05)
            // Held-out runs queue nothing: one message per treatment entrant, every one sent.
            #expect(queued == treatment.entrants && reached == treatment.entrants)
            #expect(holdout.sends == 0 && treatment.sends == treatment.entrants)
            let lift = try #require(lifted.lift)
            #expect(lift.low <= 0.5 && 0.5 <= lift.high, "true lift 0.5, measured \(lift)")
            #expect(lift.low > 0)
            #expect(lifted.sentence?.en.hasPrefix("The “Simulated cart” flow brought") == true)
            #expect(lifted.sentence?.en.contains("on 1,500 carts") == true)
            #expect(lifted.variants == nil && lifted.winner == nil)

            let (flat, _, _) = try await Self.measure(store: store, effect: 0, seed: 22)
            let none = try #require(flat.lift)
            #expect(none.low <= 0 && 0 <= none.high, "no true effect, measured \(none)")
        }
    }

    static let splitFlow = """
        id: sim-split
        name: Simulated split
        trigger: { event: cart.abandoned }
        reentry: { once_per: trigger.cart_id }
        steps:
          - split:
              variants:
                - { id: a, weight: 50, steps: [{ send: { channel: email, template: abandoned-cart-reminder } }] }
                - { id: b, weight: 50, steps: [{ send: { channel: email, template: abandoned-cart-social-proof } }] }
              winner: { metric: conversion, min_per_variant: 100, confidence: 0.95 }
        """

    static func checkSplit(store: SQLStore) async throws {
        let clock = ManualClock(start)
        // Four days of carts, swept every 10 minutes at most: the decision needs 100 carts a variant, not two months of
        // sweeps (the 60 days and exact moments took 117 s alone on PostgreSQL, 363 s inside the whole suite).
        let shop = try await shop(store: store, clock: clock, name: "split", flow: splitFlow, count: 400, seed: 5, days: 4, step: 600)
        let other = try await TenantService(dependencies: shop.dependencies).create(name: "other").tenantID
        let messages = try await FlowQueries(store: store).messages(tenantID: shop.tenantID).filter { $0.flow == "sim-split" }
        let variantB = Set(messages.filter { $0.step?.hasSuffix(".b[0]") == true }.map(\.contact))
        #expect(messages.count == 400)
        #expect(variantB.count > 150 && variantB.count < 250)
        // Variant b converts at 40 %, a at 10 %.
        var draws = Draws(state: 9)
        var orders: [JSONValue] = []
        for (index, cart) in shop.carts.enumerated() where draws.next() < (variantB.contains(cart.email) ? 0.4 : 0.1) {
            orders.append(
                Fixtures.envelope(
                    "order.placed", at: Timestamp.format(cart.abandonedAt.addingTimeInterval(7200)), key: "o\(index)",
                    contact: ["email": .string(cart.email)],
                    properties: [
                        "order_id": .string("O-\(index)"), "lines": [["sku": "TEA-01", "quantity": 1, "price": 40.0]], "total": 40.0,
                        "currency": "EUR",
                    ]))
        }
        _ = try await shop.simulator.run(events: orders, tenantID: shop.tenantID, until: clock.now())
        // The worker's next sweep (its decision pass looks every 15 minutes) decides the test.
        clock.set(clock.now().addingTimeInterval(3_600))
        try await shop.simulator.worker.runDue(now: clock.now())
        let decisions = try await store.splitDecisions(tenantID: shop.tenantID)
        let decision = try #require(decisions.first)
        #expect(decision.flowID == "sim-split" && decision.winner == "b" && decision.metric == "conversion" && decision.test == "z_test")
        #expect((decision.pValue ?? 1) < 0.05 && decision.decidedBy == "auto")
        #expect(try await store.splitDecisions(tenantID: other).isEmpty)

        // New runs all take the winner.
        let later = clock.now()
        var events: [JSONValue] = []
        for index in 0..<30 {
            let at = later.addingTimeInterval(Double(index) * 60)
            events.append(
                Fixtures.envelope(
                    "cart.updated", at: Timestamp.format(at), key: "late\(index)", contact: ["email": .string("c\(index * 13)@split.test")],
                    properties: ["cart_id": .string("L-\(index)"), "lines": [["sku": "TEA-01", "quantity": 1, "price": 40.0]], "value": 40.0, "currency": "EUR"]))
        }
        let fresh = FlowSimulator(worker: try TestWorker.make(shop.dependencies), clock: clock)
        _ = try await fresh.run(events: events, tenantID: shop.tenantID, until: later.addingTimeInterval(86_400))
        let lateMessages = try await FlowQueries(store: store).messages(tenantID: shop.tenantID).filter {
            $0.flow == "sim-split" && ($0.step ?? "").isEmpty == false && !messages.map(\.id).contains($0.id)
        }
        #expect(lateMessages.count == 30)
        #expect(lateMessages.allSatisfy { $0.step == "steps[0].b[0]" })

        let stats = try await FlowAnalytics(store: store, tenantID: shop.tenantID).stats(flowID: "sim-split")
        let json = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(stats)) as? [String: Any])
        #expect(json["holdout"] is NSNull && json["treatment"] is NSNull && json["lift"] is NSNull)
        let variants = try #require(json["variants"] as? [[String: Any]])
        #expect(variants.map { $0["id"] as? String } == ["a", "b"])
        #expect(variants.allSatisfy { $0["entrants"] != nil && $0["conversions"] != nil && $0["revenue"] != nil })
        #expect((json["winner"] as? [String: Any])?["variant"] as? String == "b")
        // A test already decided cannot be ended again; the other tenant has no such flow.
        let experiments = FlowExperiments(store: store, tenantID: shop.tenantID)
        let again = await #expect(throws: FlowAdministrationError.self) { try await experiments.end(flowID: "sim-split", winner: "a", by: "ana", now: later) }
        #expect(again?.code == "already_decided")
        await #expect(throws: FlowAdministrationError.self) {
            try await FlowExperiments(store: store, tenantID: other).end(flowID: "sim-split", winner: "a", by: "ana", now: later)
        }
    }

    @Test func aSplitIsDecidedByTheWorkerAndNewRunsTakeTheWinnerOnSQLite() async throws {
        try await TestDatabases.withSQLite { try await Self.checkSplit(store: $0) }
    }

    /// Once seen hanging (no processor time, no query at the server) in a whole-suite run: the limit names it in CI's
    /// output instead of spending CI's hour and a half.
    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage), .timeLimit(.minutes(10)))
    func aSplitIsDecidedByTheWorkerAndNewRunsTakeTheWinnerOnPostgreSQL() async throws {
        try await TestDatabases.withPostgres { try await Self.checkSplit(store: $0) }
    }

    @Test func aTestIsEndedByHandWithAVariantOfItsSplit() async throws {
        try await TestDatabases.withSQLite { store in
            let dependencies = Dependencies(store: store, clock: ManualClock(Self.start), ids: SeededIDGenerator(seed: 3))
            let tenantID = try await TenantService(dependencies: dependencies).create(name: "hand").tenantID
            _ = try await FlowAdministration(dependencies: dependencies, tenantID: tenantID).install(document: Self.splitFlow)
            let experiments = FlowExperiments(store: store, tenantID: tenantID)
            let unknown = await #expect(throws: FlowAdministrationError.self) {
                try await experiments.end(flowID: "sim-split", winner: "z", by: "ana", now: Self.start)
            }
            #expect(unknown?.code == "unknown_variant" && unknown?.field == "winner")
            let noSplit = await #expect(throws: FlowAdministrationError.self) {
                try await experiments.end(flowID: "welcome", winner: "a", by: "ana", now: Self.start)
            }
            #expect(noSplit?.code == "no_split")
            let decision = try await experiments.end(flowID: "sim-split", winner: "a", by: "ana", now: Self.start)
            #expect(decision.metric == "manual" && decision.decidedBy == "ana")
            let catalog = try await FlowCatalog.load(tenantID: tenantID, store: store)
            #expect(catalog.experimentInput(for: "sim-split").winner == "a")
        }
    }
}
