import AutopilotCore
import Channels
import Engine
import Foundation
import Logging

/// The real worker for a test, from the composition root's one factory (`Worker(dependencies:configuration:)`) with the
/// test's own store, manual clock, senders and settings: no test assembles the engine by hand.
enum TestWorker {
    /// The log channel without its log lines: a test reads its messages from the store. Written out, each one a full
    /// email of a kilobyte, they were most of the suite's output (3 MB), and a test process whose output `swift test`
    /// stops reading freezes on its next write, in the middle of whatever it was doing (seen once: the PostgreSQL
    /// split test stopped with its connection idle and no processor time).
    static var quietSenders: SenderDirectory {
        var logger = Logger(label: "autopilot.sender.log")
        logger.logLevel = .warning
        return SenderDirectory(default: LogSender(logger: logger))
    }

    static func make(
        _ dependencies: Dependencies, settings: FlowEngineSettings = FlowEngineSettings(), senders: SenderDirectory = quietSenders
    ) throws -> Worker {
        var settings = settings
        // The lease is measured on the wall clock: on a starved machine one send can outlast the default minute and the
        // batch would hand its messages back. Tests that study the lease set their own.
        if settings.lease == FlowEngineSettings().lease { settings.lease = 3_600 }
        return try Worker(dependencies: dependencies, configuration: WorkerConfiguration(settings: settings, senders: senders))
    }
}
