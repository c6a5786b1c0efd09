import Hummingbird
import Logging
import ServiceLifecycle

/// Serves a router on 127.0.0.1 for the length of `body`, which gets the bound port. Stopped by a graceful shutdown,
/// never by cancelling the serving task: cancelling while an accepted connection is still buffered traps in NIO
/// ("Deinited NIOAsyncWriter without calling finish()"). Every loopback vendor of the tests runs on it.
public enum LoopbackHTTP {
    /// Serves `router` on 127.0.0.1:`port` (0: any free port) while `body` runs with the bound port.
    public static func serve<Result: Sendable>(
        _ router: Router<BasicRequestContext>, port: Int = 0, label: String = "loopback", _ body: @Sendable (Int) async throws -> Result
    ) async throws -> Result {
        try await run(label: label, { ready, logger in
            Application(
                router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
                onServerRunning: { ready($0.localAddress?.port ?? 0) }, logger: logger)
        }, body)
    }

    /// Runs the service `make` builds (from the callback it calls with the bound port, and a quiet logger) while `body`
    /// runs with that port: the same start and graceful stop for any server (a router, WebSocket upgrades, Autopilot's
    /// own application).
    public static func run<App: Service, Result: Sendable>(
        label: String, _ make: (_ ready: @escaping @Sendable (Int) -> Void, _ logger: Logger) -> App,
        _ body: @Sendable (Int) async throws -> Result
    ) async throws -> Result {
        var logger = Logger(label: label)
        logger.logLevel = .critical
        let (ready, continuation) = AsyncStream<Int>.makeStream()
        let app = make({ port in
            continuation.yield(port)
            continuation.finish()
        }, logger)
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
