import AutopilotCore
import Engine
import Foundation
import Logging
import ServiceLifecycle
import Storage
import Testing

/// The worker as a service: it sweeps on its own and stops on graceful shutdown.
@Suite struct WorkerServiceTests {
    @Test func sweepsUntilGracefulShutdown() async throws {
        let shop = try await TestShop.make(at: Fixtures.now)
        try await shop.ingest([
            Fixtures.envelope(
                "cart.updated", at: "2026-03-10T10:00:00Z", key: "k1",
                properties: ["cart_id": "K-1", "lines": [["sku": "TEA-01", "quantity": 1, "price": 24.0]], "value": 24.0, "currency": "EUR"])
        ])
        let group = ServiceGroup(services: [WorkerService(worker: try TestWorker.make(shop.dependencies))], logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var abandoned = false
            for _ in 0..<1_000 where !abandoned {
                let page = try await shop.store.events(EventQuery(type: .cartAbandoned), tenantID: shop.tenantID)
                abandoned = !page.events.isEmpty
                if !abandoned { try await Task.sleep(for: .milliseconds(10)) }
            }
            #expect(abandoned)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test func theSweepRunsThePassesInTheirOrder() async throws {
        let shop = try await TestShop.make(at: Fixtures.now)
        let worker = try TestWorker.make(shop.dependencies)
        #expect(
            worker.passes.map(\.name) == [
                "carts", "routing", "rescoring", "nightly-scoring", "segments", "delegation", "split-decisions", "date-triggers", "broadcasts",
                "dropshipping", "timers",
                "actions", "delivery",
            ])
        #expect(worker.passes.filter(\.firstRoundOnly).map(\.name) == ["nightly-scoring", "delegation", "split-decisions", "dropshipping"])
        #expect(worker.independentPasses.map(\.name) == ["mailbox", "retention"])
    }
}
