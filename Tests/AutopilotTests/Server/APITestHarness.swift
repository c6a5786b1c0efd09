import AutopilotCore
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Storage

/// The real application on in-memory SQLite with a manual clock, and two tenants with their keys.
struct APITestHarness {
    let app: any ApplicationProtocol
    let store: SQLStore
    let clock: ManualClock
    let firstKey: String
    let secondKey: String

    /// `store`: an already migrated store (default: a new in-memory one).
    static func make(store given: SQLStore? = nil, configure: (inout ServerConfiguration) -> Void = { _ in }) async throws -> APITestHarness {
        let store = try given ?? SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        if given == nil { try await store.migrate(now: Fixtures.now) }
        let clock = ManualClock(Fixtures.now)
        let dependencies = Dependencies(store: store, clock: clock)
        let tenants = TenantService(dependencies: dependencies)
        let first = try await tenants.create(name: "First shop")
        let second = try await tenants.create(name: "Second shop")
        var configuration = ServerConfiguration()
        configure(&configuration)
        let app = buildApplication(configuration: configuration, dependencies: dependencies, databaseName: "memory")
        return APITestHarness(app: app, store: store, clock: clock, firstKey: first.apiKey, secondKey: second.apiKey)
    }

    static func auth(_ key: String) -> HTTPFields {
        [.authorization: "Bearer \(key)", .contentType: "application/json"]
    }

    static func body(_ value: JSONValue) -> ByteBuffer {
        ByteBuffer(string: value.jsonString)
    }

    static func json(_ response: TestResponse) throws -> JSONValue {
        try JSONParser.parse(Array(response.body.readableBytesView))
    }
}
