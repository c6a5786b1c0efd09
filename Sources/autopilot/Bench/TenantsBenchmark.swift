import AutopilotCore
import Engine
import Flows
import Foundation
import Logging
import Storage

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `bench tenants`: the real worker service (`WorkerService`, on the real clock) idle over N tenants, each with the
/// built-in flows installed and nothing due, for a number of seconds; its CPU as a share of one core, beside the same with
/// one tenant (the in-run reference).
struct TenantsBenchmark {
    struct Figure: Codable, Sendable {
        var tenants: Int
        var seconds: Double
        /// CPU time of the process (user + system) over the wall time, in percent of one core.
        var cpuPercent: Double
        /// Tenants created and their flows installed, in seconds.
        var setupSeconds: Double
        /// The worker's CPU while it settled, before the measured seconds (same unit as `cpuPercent`).
        var settlingCPUPercent: Double

        enum CodingKeys: String, CodingKey {
            case tenants, seconds
            case cpuPercent = "cpu_percent_of_one_core"
            case setupSeconds = "setup_s"
            case settlingCPUPercent = "settling_cpu_percent_of_one_core"
        }
    }

    struct Result: Codable, Sendable {
        var store: String
        var measured: Figure
        var reference: Figure
        var loadAverage: String

        enum CodingKeys: String, CodingKey {
            case store, measured, reference
            case loadAverage = "load_average"
        }
    }

    let tenants: Int
    let seconds: Double
    /// Seconds the worker runs before the measured ones (see `measure`).
    let settleSeconds: Double
    let progress: @Sendable (String) -> Void
    let logger = {
        var logger = Logger(label: "autopilot.bench")
        logger.logLevel = .warning
        return logger
    }()

    /// One measurement on a fresh, migrated store: `count` tenants, then the worker idle for `seconds`.
    func measure(count: Int, store: SQLStore) async throws -> Figure {
        let setupStart = Date()
        let dependencies = Dependencies(store: store, logger: logger)
        let service = TenantService(dependencies: dependencies)
        let library = try FlowLibrary.builtIn
        for number in 0..<count {
            let tenantID = try await service.create(name: "Shop \(number + 1)").tenantID
            for flow in library where flow.trigger.recommendationRule == nil {
                try await store.setFlowEnabled(tenantID: tenantID, flowID: flow.id, version: flow.version, enabled: true, at: setupStart)
            }
            if (number + 1) % 100 == 0 { progress("\(number + 1) tenants created") }
        }
        let setup = Date().timeIntervalSince(setupStart)
        let worker = try Worker(dependencies: dependencies)
        // The first sweep loads every tenant's catalog and catches up (rescoring, nightly cursors): not the idle cost.
        try await worker.runDue(now: Date())
        let running = Task { try await WorkerService(worker: worker).run() }
        // The setup's and the sweep's thousands of queries leave timers behind them: PostgresNIO's pool arms a keep-alive
        // timer (30 s) and an idle timer (60 s) each time a connection goes back to it, and a cancelled sleep still fires at
        // its deadline (libdispatch keeps it). Those fire for a minute after the setup; they are its cost, not the idle
        // worker's, so the measured seconds start once they are gone. The settling minute is reported on its own.
        let settling = try await Self.cpuPercent(over: settleSeconds)
        let (wall, cpuPercent) = try await Self.cpuPercent(over: seconds)
        running.cancel()
        _ = try? await running.value
        return Figure(tenants: count, seconds: wall, cpuPercent: cpuPercent, setupSeconds: setup, settlingCPUPercent: settling.percent)
    }

    /// The process's CPU over `seconds` of wall time, in percent of one core.
    static func cpuPercent(over seconds: Double) async throws -> (wall: Double, percent: Double) {
        guard seconds > 0 else { return (0, 0) }
        let before = cpuSeconds()
        let started = ContinuousClock.now
        try await Task.sleep(for: .seconds(seconds))
        let cpu = cpuSeconds() - before
        let elapsed = started.duration(to: .now)
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (wall, cpu / wall * 100)
    }

    /// User and system CPU time of this process, in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
