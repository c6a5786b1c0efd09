import Hummingbird
import HummingbirdWebSocket
import TestSupport

/// A WebSocket server on 127.0.0.1 (port 0) for the length of `body`: every upgrade request is accepted and handled by
/// `handler` (or refused with 401 when `refuse` is set, as a provider refuses a bad key).
enum LoopbackWebSocketServer {
    static func serve<Result: Sendable>(
        refuse: Bool = false, handler: @escaping WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>,
        _ body: @Sendable (Int) async throws -> Result
    ) async throws -> Result {
        let router = Router()
        router.get("**") { _, _ -> Response in Response(status: refuse ? .unauthorized : .notFound) }
        return try await LoopbackHTTP.run(label: "loopback-ws", { ready, logger in
            Application(
                router: router,
                server: .http1WebSocketUpgrade(configuration: .init(ws: .init(maxFrameSize: 1 << 22))) { _, _, _ in
                    refuse ? .dontUpgrade : .upgrade([:], handler)
                },
                configuration: .init(address: .hostname("127.0.0.1", port: 0)), onServerRunning: { ready($0.localAddress?.port ?? 0) }, logger: logger)
        }, body)
    }
}
