import AutopilotCore
import Engine
import Foundation

/// The real worker for a test, from the composition root's one factory (`Worker(dependencies:configuration:)`) with the
/// test's own store, manual clock, senders and settings: no test assembles the engine by hand.
enum TestWorker {
    static func make(
        _ dependencies: Dependencies, settings: FlowEngineSettings = FlowEngineSettings(), senders: SenderDirectory = SenderDirectory()
    ) throws -> Worker {
        var settings = settings
        // The lease is measured on the wall clock: on a starved machine one send can outlast the default minute and the
        // batch would hand its messages back. Tests that study the lease set their own.
        if settings.lease == FlowEngineSettings().lease { settings.lease = 3_600 }
        return try Worker(dependencies: dependencies, configuration: WorkerConfiguration(settings: settings, senders: senders))
    }
}
