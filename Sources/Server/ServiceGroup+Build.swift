import Engine
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

/// The composition root of a process: the HTTP API (`buildApplication`) and the worker (`Worker`, run by
/// `WorkerService`) in one `ServiceGroup`, stopped gracefully on SIGTERM or SIGINT. `autopilot serve` and `autopilot worker`
/// run it; the simulator, the demo and the tests build the same `Worker`.
public func buildServiceGroup(
    configuration: AutopilotConfiguration, dependencies: Dependencies, databaseName: String, metrics: ServerMetrics = ServerMetrics(),
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) throws -> ServiceGroup {
    var services: [any Service] = []
    if configuration.servesHTTP {
        services.append(
            buildApplication(
                configuration: configuration.server, dependencies: dependencies, databaseName: databaseName, metrics: metrics,
                senders: configuration.worker.senders, onServerRunning: onServerRunning))
    }
    if configuration.runsWorker {
        services.append(WorkerService(worker: try Worker(dependencies: dependencies, configuration: configuration.worker)))
    }
    return ServiceGroup(
        configuration: ServiceGroupConfiguration(
            services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) }, gracefulShutdownSignals: [.sigterm, .sigint],
            logger: dependencies.logger))
}
