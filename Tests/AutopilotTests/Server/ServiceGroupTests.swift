import AutopilotCore
import Content
import Engine
import Foundation
import Server
import ServiceLifecycle
import Storage
import Synchronization
import Testing

/// The composition root: the HTTP API and the worker in one service group, stopped gracefully.
@Suite struct ServiceGroupTests {
    @Test func servesAndWorksUntilGracefulShutdown() async throws {
        let shop = try await TestShop.make(at: Fixtures.now)
        try await shop.ingest([
            Fixtures.envelope(
                "cart.updated", at: "2026-03-10T10:00:00Z", key: "k1",
                properties: ["cart_id": "K-1", "lines": [["sku": "TEA-01", "quantity": 1, "price": 24.0]], "value": 24.0, "currency": "EUR"])
        ])
        var server = ServerConfiguration()
        server.port = 0
        let bound = Mutex(0)
        let group = try buildServiceGroup(
            configuration: AutopilotConfiguration(server: server), dependencies: shop.dependencies, databaseName: "memory",
            onServerRunning: { port in bound.withLock { $0 = port } })
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var ready = false
            for _ in 0..<1_000 where !ready {
                let abandoned = try await shop.store.events(EventQuery(type: .cartAbandoned), tenantID: shop.tenantID).events
                ready = !abandoned.isEmpty && bound.withLock { $0 } > 0
                if !ready { try await Task.sleep(for: .milliseconds(10)) }
            }
            #expect(ready)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    @Test func aWorkerReadsOnlyTheWorkersEnvironment() throws {
        let environment = ["AUTOPILOT_PORT": "not a port", "AUTOPILOT_CART_ABANDONMENT_MINUTES": "45"]
        let worker = try AutopilotConfiguration.fromEnvironment(environment, servesHTTP: false)
        #expect(worker.worker.settings.cartAbandonmentDelay == 45 * 60 && !worker.servesHTTP && worker.runsWorker)
        #expect(throws: ConfigurationError.self) { try AutopilotConfiguration.fromEnvironment(environment) }
        let api = try AutopilotConfiguration.fromEnvironment(["AUTOPILOT_CART_ABANDONMENT_MINUTES": "0"], runsWorker: false)
        #expect(!api.runsWorker && api.worker.settings.cartAbandonmentDelay == FlowEngineSettings().cartAbandonmentDelay)
    }

    @Test func routesGetTheirSettingsFromTheConfiguration() throws {
        let configuration = try ServerConfiguration.fromEnvironment([
            "AUTOPILOT_MESSAGE_COST_SMS": "0.07", "AUTOPILOT_SUPPLIER_PREFIXES": "X-=bigbuy",
        ])
        #expect(configuration.messagePrices.sms == 0.07)
        #expect(configuration.supplierRouting.supplier(forSKU: "x-1") == "bigbuy")
    }
}
