import AutopilotCore
import Foundation
import Logging

/// Runs the flow engine on the real clock until cancelled: a pass over everything due, then a short pause. Several
/// workers (processes) may share one PostgreSQL database; each claim skips what another holds.
public struct FlowWorker: Sendable {
    public let engine: FlowEngine
    public var interval: Duration = .seconds(1)
    /// The CRM sync, run beside the flow passes at the same interval (docs/crm.md); nil when no CRM is configured.
    public var crm: CRMSync?

    public init(engine: FlowEngine, crm: CRMSync? = nil) {
        self.engine = engine
        self.crm = crm
    }

    public func run() async {
        await withTaskGroup(of: Void.self) { group in
            if let crm { group.addTask { [interval] in await crm.run(every: interval) } }
            await runFlows()
            group.cancelAll()
        }
    }

    private func runFlows() async {
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
