import AutopilotCore
import Engine
import Foundation

/// The real worker for a test, from the composition root's one factory (`Worker(dependencies:configuration:)`) with the
/// test's own store, manual clock, senders and settings: no test assembles the engine by hand.
enum TestWorker {
    static func make(
        _ dependencies: Dependencies, settings: FlowEngineSettings = FlowEngineSettings(), senders: SenderDirectory = SenderDirectory()
    ) throws -> Worker {
        try Worker(dependencies: dependencies, configuration: WorkerConfiguration(settings: settings, senders: senders))
    }
}
