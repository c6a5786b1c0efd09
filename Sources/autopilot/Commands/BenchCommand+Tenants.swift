import ArgumentParser
import Engine
import Foundation
import Storage

extension BenchCommand {
    struct TenantsBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "tenants",
            abstract: "An idle worker's CPU with N tenants (flows installed, nothing due), beside the same with one tenant.")

        @Option(help: "Tenants.") var tenants = 1_000
        @Option(help: "Seconds the worker runs idle, per measurement.") var seconds = 60.0
        @Option(help: "Seconds the worker runs before the measured ones, while the setup's connection-pool timers fire (0 to measure from the start).")
        var settle = 65.0
        @Option(help: "Measure on PostgreSQL (a scratch database made on this server) instead of an SQLite file: postgres://…")
        var database: String?
        @Flag(help: "Print the figures as JSON.") var json = false

        func validate() throws {
            guard (1...100_000).contains(tenants) else { throw ValidationError("--tenants: between 1 and 100000") }
            guard seconds >= 1, seconds <= 3_600 else { throw ValidationError("--seconds: between 1 and 3600") }
            guard settle >= 0, settle <= 3_600 else { throw ValidationError("--settle: between 0 and 3600") }
            if let database, !(database.hasPrefix("postgres://") || database.hasPrefix("postgresql://")) {
                throw ValidationError("--database: a postgres:// URL")
            }
        }

        func run() async throws {
            let quiet = json
            let benchmark = TenantsBenchmark(tenants: tenants, seconds: seconds, settleSeconds: settle) { line in if !quiet { print(line) } }
            var figures: [TenantsBenchmark.Figure] = []
            for count in [1, tenants] {
                if !quiet { print("\(count) tenant(s): setting up, \(Int(settle)) s settling, then \(Int(seconds)) s idle…") }
                let figure = try await onFreshStore { store in try await benchmark.measure(count: count, store: store) }
                if !quiet {
                    print(
                        String(
                            format: "%d tenant(s): worker idle at %.2f%% of one core (%.1f s measured; set up in %.1f s; %.2f%% while settling)",
                            figure.tenants, figure.cpuPercent, figure.seconds, figure.setupSeconds, figure.settlingCPUPercent))
                }
                figures.append(figure)
            }
            let result = TenantsBenchmark.Result(
                store: database == nil ? "sqlite" : "postgres", measured: figures[1], reference: figures[0], loadAverage: BenchWorkers.loadAverage())
            if json { return try JSONOutput.print(result, pretty: false) }
            print("load average \(result.loadAverage)")
        }

        /// A migrated store of its own for one measurement: an SQLite file in a scratch folder, or a scratch PostgreSQL database.
        private func onFreshStore(_ body: @escaping @Sendable (SQLStore) async throws -> TenantsBenchmark.Figure) async throws
            -> TenantsBenchmark.Figure
        {
            if let database {
                return try await PostgresBench.withScratchDatabase(database) { url in
                    try await DatabaseConfiguration.postgres(url: url).withStore(logger: PostgresBench.logger, body)
                }
            }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            return try await DatabaseConfiguration.sqlite(path: directory.appendingPathComponent("tenants.sqlite").path).withStore(
                logger: PostgresBench.logger
            ) { store in
                try await store.migrate(now: Date())
                return try await body(store)
            }
        }
    }
}
