import AutopilotCore
import Foundation
import Logging
import ServiceLifecycle

/// Runs the worker on the real clock until graceful shutdown: a sweep over every pass due, then a pause of the worker's
/// interval; beside it, each independent pass (the CRM sync) on its own schedule. A pass in progress finishes before the
/// service stops. Several workers (processes) may share one PostgreSQL database; each claim skips what another holds.
public struct WorkerService: Service {
    public let worker: Worker

    public init(worker: Worker) {
        self.worker = worker
    }

    public func run() async throws {
        let logger = worker.dependencies.logger
        logger.info("flow worker started")
        await withDiscardingTaskGroup { group in
            group.addTask { await sweep() }
            for pass in worker.independentPasses {
                group.addTask { await runAlone(pass) }
            }
        }
        logger.info("flow worker stopped")
    }

    /// The flow passes, each when its interval has passed since it last ran.
    private func sweep() async {
        let logger = worker.dependencies.logger
        let clock = ContinuousClock()
        var lastRun: [String: ContinuousClock.Instant] = [:]
        while !Self.isStopping {
            let started = clock.now
            let due = worker.passes.filter { pass in lastRun[pass.name].map { started - $0 >= pass.interval } ?? true }
            for pass in due { lastRun[pass.name] = started }
            do {
                let report = try await worker.runDue(now: worker.dependencies.clock.now(), passes: due)
                if report != FlowPassReport() {
                    logger.debug(
                        "flow pass",
                        metadata: [
                            "routed": "\(report.eventsRouted)", "timers": "\(report.timersFired)", "dispatched": "\(report.messagesDispatched)",
                            "carts_abandoned": "\(report.cartsAbandoned)",
                        ])
                }
            } catch is CancellationError {
                break
            } catch {
                logger.error("flow pass failed; retrying", metadata: ["error": "\(error)"])
            }
            await Self.pause(worker.interval)
        }
    }

    /// One independent pass, every `pass.interval`.
    private func runAlone(_ pass: any WorkerPass) async {
        let logger = worker.dependencies.logger
        logger.info("\(pass.name) started")
        while !Self.isStopping {
            do {
                var round = WorkerRound(now: worker.dependencies.clock.now())
                _ = try await pass.run(&round)
            } catch is CancellationError {
                break
            } catch {
                logger.error("\(pass.name) pass failed; retrying", metadata: ["error": "\(error)"])
            }
            await Self.pause(pass.interval)
        }
        logger.info("\(pass.name) stopped")
    }

    private static var isStopping: Bool { Task.isCancelled || Task.isShuttingDownGracefully }

    /// Sleeps, waking early on graceful shutdown or cancellation.
    private static func pause(_ duration: Duration) async {
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    }
}
