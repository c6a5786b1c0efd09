import AsyncHTTPClient
import Hummingbird
import Logging
import Synchronization

/// A model provider served by this process on 127.0.0.1 (a free port), for the benchmarks that measure our client code
/// against it: `body` runs with the provider's base URL and an HTTP client, then the client's connections are closed
/// (so no accepted connection is left buffered) and the server stops.
enum LoopbackProviderServer {
    static func serving<Result: Sendable>(
        _ router: Router<BasicRequestContext>, label: String, client configuration: HTTPClient.Configuration = HTTPClient.Configuration(),
        _ body: (_ baseURL: String, _ client: HTTPClient) async throws -> Result
    ) async throws -> Result {
        var logger = Logger(label: label)
        logger.logLevel = .critical
        let port = Mutex<Int?>(nil)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port } }, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try? await app.runService() }
            var bound: Int?
            while bound == nil {
                try await Task.sleep(for: .milliseconds(10))
                bound = port.withLock { $0 }
            }
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            let result: Result
            do {
                result = try await body("http://127.0.0.1:\(bound ?? 0)/v1", client)
            } catch {
                try? await client.shutdown()
                group.cancelAll()
                throw error
            }
            try await client.shutdown()
            group.cancelAll()
            return result
        }
    }
}
