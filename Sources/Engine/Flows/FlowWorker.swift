import AutopilotCore
import Foundation
import Logging

/// Runs the flow engine on the real clock until cancelled: a pass over everything due, then a short pause. Several
/// workers (processes) may share one PostgreSQL database; each claim skips what another holds.
public struct FlowWorker: Sendable {
    public let engine: FlowEngine
    public var interval: Duration = .seconds(1)

    public init(engine: FlowEngine) {
        self.engine = engine
    }

    public func run() async {
        let logger = engine.dependencies.logger
        logger.info("flow worker started")
        while !Task.isCancelled {
            do {
                let report = try await engine.runDue(now: engine.dependencies.clock.now())
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
            try? await Task.sleep(for: interval)
        }
        logger.info("flow worker stopped")
    }
}
