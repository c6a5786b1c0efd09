import AutopilotCore
import Engine
import Foundation
import Hummingbird
import Server
import Storage

/// The real application on in-memory SQLite with a manual clock and one tenant, its gateway built from `environment`
/// (offline when it names no provider).
struct AITestHarness {
    let app: any ApplicationProtocol
    let store: SQLStore
    let dependencies: Dependencies
    let tenantID: String
    let key: String

    static func make(environment: [String: String] = [:]) async throws -> AITestHarness {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: Fixtures.now)
        let clock = ManualClock(Fixtures.now)
        let ai = try AIServices.fromEnvironment(environment, store: store, clock: clock)
        let dependencies = Dependencies(store: store, clock: clock, ai: ai)
        let tenant = try await TenantService(dependencies: dependencies).create(name: "Atelier Lumen")
        let app = buildApplication(configuration: ServerConfiguration(), dependencies: dependencies, databaseName: "memory")
        return AITestHarness(app: app, store: store, dependencies: dependencies, tenantID: tenant.tenantID, key: tenant.apiKey)
    }
}
