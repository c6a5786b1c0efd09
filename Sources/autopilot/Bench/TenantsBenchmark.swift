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

        enum CodingKeys: String, CodingKey {
            case tenants, seconds
            case cpuPercent = "cpu_percent_of_one_core"
            case setupSeconds = "setup_s"
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
        let before = Self.cpuSeconds()
        let started = ContinuousClock.now
        try await Task.sleep(for: .seconds(seconds))
        let cpu = Self.cpuSeconds() - before
        let elapsed = started.duration(to: .now)
        running.cancel()
        _ = try? await running.value
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Figure(tenants: count, seconds: wall, cpuPercent: cpu / wall * 100, setupSeconds: setup)
    }

    /// User and system CPU time of this process, in seconds.
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
