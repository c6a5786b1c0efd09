import Hummingbird
import HummingbirdWebSocket
import Logging
import ServiceLifecycle

/// A WebSocket server on 127.0.0.1 (port 0) for the length of `body`: every upgrade request is accepted and handled by
/// `handler` (or refused with 401 when `refuse` is set, as a provider refuses a bad key).
enum LoopbackWebSocketServer {
    static func serve<Result: Sendable>(
        refuse: Bool = false, handler: @escaping WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>,
        _ body: @Sendable (Int) async throws -> Result
    ) async throws -> Result {
        var logger = Logger(label: "loopback-ws")
        logger.logLevel = .critical
        let (ready, continuation) = AsyncStream<Int>.makeStream()
        let router = Router()
        router.get("**") { _, _ -> Response in Response(status: refuse ? .unauthorized : .notFound) }
        let app = Application(
            router: router,
            server: .http1WebSocketUpgrade(configuration: .init(ws: .init(maxFrameSize: 1 << 22))) { _, _, _ in
                refuse ? .dontUpgrade : .upgrade([:], handler)
            },
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            }, logger: logger)
        let services = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                try await services.run()
                return nil
            }
            var iterator = ready.makeAsyncIterator()
            let bound = await iterator.next() ?? 0
            let outcome: Swift.Result<Result, any Error>
            do { outcome = .success(try await body(bound)) } catch { outcome = .failure(error) }
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            return try outcome.get()
        }
    }
}
