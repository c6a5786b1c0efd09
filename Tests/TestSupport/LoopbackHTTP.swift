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
        var logger = Logger(label: label)
        logger.logLevel = .critical
        let (ready, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)),
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
