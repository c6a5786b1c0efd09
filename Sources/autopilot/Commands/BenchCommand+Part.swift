import ArgumentParser
import AutopilotCore
import DemoShop
import Engine
import Flows
import Foundation
import Logging
import Storage

extension BenchCommand {
    /// One worker process of a PostgreSQL benchmark (started by `bench ingest` and `bench flows`, not by people): prepares
    /// its share, says `ready`, waits for `go` on standard input, works, and answers one JSON line.
    struct Part: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "part", abstract: "One worker process of a PostgreSQL benchmark (started by the benchmark itself).", shouldDisplay: false)

        @Option(help: "The postgres:// URL the benchmark shares.") var database: String
        @Option(help: "ingest or timers.") var role: String
        @Option(help: "The benchmark's tenant id.") var tenant: String
        @Option(help: "ingest: the events' reference time, in milliseconds since 1970.") var now: Int64 = 0
        @Option(help: "ingest: the first event's number.") var first = 0
        @Option(help: "ingest: how many events.") var count = 0
        @Option(help: "timers: which timer pass (0 or 1).") var pass = 0
        @Flag(help: "ingest: read, validate and plan batch n+1 while batch n is written (IngestPipeline.ingest(bodies:)).") var overlapped = false

        func validate() throws {
            guard ["ingest", "timers"].contains(role) else { throw ArgumentParser.ValidationError("--role: ingest or timers") }
            guard FlowBenchmark.passes.indices.contains(pass) else { throw ArgumentParser.ValidationError("--pass: 0 or 1") }
        }

        func run() async throws {
            let postgres = try PostgresDatabase(url: database, logger: Logger(label: "autopilot.bench"))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { await postgres.run() }
                defer { group.cancelAll() }
                let store = SQLStore(database: postgres)
                let work = try await prepare(store)
                BenchWorkers.say("ready")
                await BenchWorkers.waitForGo()
                let before = (postgres.statementsSent, postgres.secondsInStatements, BenchWorkers.processorSeconds(), postgres.profile.read())
                let started = ContinuousClock.now
                let done = try await work()
                let part = BenchWorkers.Part(
                    done: done, seconds: (ContinuousClock.now - started).seconds, statements: postgres.statementsSent - before.0,
                    statementSeconds: postgres.secondsInStatements - before.1, processorSeconds: BenchWorkers.processorSeconds() - before.2,
                    profile: postgres.profile.read().reduce(into: [:]) { profile, kind in
                        // Only the statements of the measured work, not those of the preparation.
                        let earlier = before.3[kind.key] ?? .init()
                        guard kind.value.count > earlier.count else { return }
                        profile[kind.key] = .init(count: kind.value.count - earlier.count, seconds: kind.value.seconds - earlier.seconds)
                    })
                BenchWorkers.say(String(decoding: try JSONEncoder().encode(part), as: UTF8.self))
            }
        }

        /// Everything but the measured work: the connection, the catalog, the request bodies.
        private func prepare(_ store: SQLStore) async throws -> @Sendable () async throws -> Int {
            let tenantID = tenant
            switch role {
            case "ingest":
                let factory = BenchEventFactory(now: Date(timeIntervalSince1970: Double(now) / 1000))
                let bodies = stride(from: first, to: first + count, by: 1_000).map { start in
                    (factory.requestBody(start..<min(first + count, start + 1_000)), min(first + count, start + 1_000) - start)
                }
                let pipeline = IngestPipeline(dependencies: Dependencies(store: store))
                _ = try await store.tenants()
                if overlapped {
                    let expected = count
                    return {
                        let results = try await pipeline.ingest(bodies: bodies.map(\.0), tenantID: tenantID)
                        let accepted = results.reduce(0) { $0 + $1.accepted.count }
                        guard accepted == expected else { throw BenchFailure(description: "ingest accepted \(accepted) of \(expected)") }
                        return accepted
                    }
                }
                return {
                    var accepted = 0
                    for (body, expected) in bodies {
                        let result = try await pipeline.ingest(body: body, tenantID: tenantID)
                        guard result.accepted.count == expected else {
                            throw BenchFailure(description: "ingest accepted \(result.accepted.count) of \(expected)")
                        }
                        accepted += result.accepted.count
                    }
                    return accepted
                }
            default:
                let catalogs = [tenantID: try await FlowCatalog.load(tenantID: tenantID, store: store)]
                let worker = try FlowBenchmark.worker(store: store)
                let at = FlowBenchmark.passes[pass]
                return { try await worker.advanceTimers(now: at, catalogs: catalogs) }
            }
        }
    }
}
