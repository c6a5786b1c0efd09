import AsyncHTTPClient
import AutopilotCore
import DemoShop
import Engine
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Server
import ServiceLifecycle
import Storage

/// `autopilot bench dashboard`: every page of the dashboard rendered over real HTTP on loopback, signed in as an
/// owner, on a generated shop of each size; p50/p95 per page against the same server's floor (a static file) measured
/// in the same run.
struct DashboardBenchmark {
    struct PageFigures: Codable, Sendable {
        var path: String
        var status: Int
        var bytes: Int
        var p50Milliseconds: Double
        var p95Milliseconds: Double
        var maxMilliseconds: Double
    }

    struct SizeFigures: Codable, Sendable {
        var customers: Int
        var events: Int
        var preparationSeconds: Double
        var targetP95Milliseconds: Double
        /// The HTTP floor: `GET /static/app.css` on the same server.
        var baselineP95Milliseconds: Double
        var pages: [PageFigures]
        var slowestPage: String
        var slowestP95Milliseconds: Double
    }

    struct Result: Codable, Sendable {
        var sizes: [SizeFigures]
    }

    let sizes: [(customers: Int, flowDays: Int, target: Double)]
    let requests: Int
    let directory: URL
    /// Reuse a shop already prepared in `directory` (by an earlier run with `--keep`) instead of generating it again.
    var reuse = false
    /// Only the pages whose path starts with one of these (all when empty).
    var only: [String] = []
    let log: @Sendable (String) -> Void

    func run() async throws -> Result {
        var figures: [SizeFigures] = []
        for size in sizes { figures.append(try await measure(customers: size.customers, flowDays: size.flowDays, target: size.target)) }
        return Result(sizes: figures)
    }

    func measure(customers: Int, flowDays: Int, target: Double) async throws -> SizeFigures {
        let path = directory.appendingPathComponent("dashboard-\(customers).sqlite").path
        let started = Date()
        log("preparing a shop of \(customers) customers (\(flowDays) days of flows)…")
        var logger = Logger(label: "autopilot.bench")
        logger.logLevel = .error
        let reused = reuse && FileManager.default.fileExists(atPath: path)
        let store = SQLStore(database: try SQLiteDatabase(path: path))
        try await store.migrate(now: Date())
        var events = 0
        if reused {
            log("  reusing \(path)")
            events = Int(try await store.database.read([SQLStatement("SELECT COUNT(*) FROM events", [])])[0].first?.int(0) ?? 0)
        } else {
            let today = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 86_400).rounded(.down) * 86_400 + 12 * 3600)
            let generation = Dependencies(store: store, clock: ManualClock(today), ids: SeededIDGenerator(seed: 42), logger: logger)
            events = try await DemoRunner(
                dependencies: generation, configuration: DemoShopConfiguration(seed: 42, contacts: customers, now: today), flowDays: flowDays
            ).run().events
        }
        let dependencies = Dependencies(store: store, logger: logger)
        let tenantID = try await store.tenants()[0].id
        if !reused { _ = try await InsightsService(dependencies: dependencies, tenantID: tenantID).rescore() }
        let accounts = AccountService(dependencies: dependencies)
        let password = "bench-password-\(UUID().uuidString)"
        let email = "bench-\(UUID().uuidString.prefix(8).lowercased())@example.com"
        _ = try await accounts.createUser(tenantID: tenantID, email: email, role: .owner, password: password)
        guard case .signedIn(let grant) = try await accounts.login(email: email, password: password, address: "127.0.0.1") else {
            throw BenchmarkError(message: "the benchmark's owner could not sign in")
        }
        let preparation = Date().timeIntervalSince(started)
        log(String(format: "  prepared in %.1f s (%d events)", preparation, events))

        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.metricsEnabled = false
        let ports = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(
            configuration: configuration, dependencies: dependencies, databaseName: path,
            onServerRunning: { port in ports.continuation.yield(port) })
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.stream.makeAsyncIterator()
            guard let port = await iterator.next() else { throw BenchmarkError(message: "the server did not start") }
            let paths = try await pagePaths(store: store, tenantID: tenantID).filter { path in
                only.isEmpty || only.contains { $0 == "/" ? path == "/" : path.hasPrefix($0) }
            }
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let cookie = "ap_session=\(grant.token)"
            let baseline = try await timings(client: client, url: "http://127.0.0.1:\(port)/static/app.css", cookie: cookie)
            var pages: [PageFigures] = []
            for page in paths {
                let figures = try await timings(client: client, url: "http://127.0.0.1:\(port)\(page)", cookie: cookie)
                pages.append(
                    PageFigures(
                        path: page, status: figures.status, bytes: figures.bytes, p50Milliseconds: figures.p50, p95Milliseconds: figures.p95,
                        maxMilliseconds: figures.max))
                log(String(format: "  %-34@ %3d  p50 %7.1f ms  p95 %7.1f ms  (%d bytes)", page as NSString, figures.status, figures.p50, figures.p95, figures.bytes))
            }
            try await client.shutdown()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            let slowest = pages.max { $0.p95Milliseconds < $1.p95Milliseconds }
            return SizeFigures(
                customers: customers, events: events, preparationSeconds: preparation, targetP95Milliseconds: target,
                baselineP95Milliseconds: baseline.p95, pages: pages, slowestPage: slowest?.path ?? "", slowestP95Milliseconds: slowest?.p95Milliseconds ?? 0)
        }
    }

    /// Every page: the lists, and one record of each kind for the detail pages.
    func pagePaths(store: SQLStore, tenantID: String) async throws -> [String] {
        let rows = try await store.database.read([
            SQLStatement("SELECT id FROM leads WHERE tenant_id = ? ORDER BY score DESC LIMIT 1", [.text(tenantID)]),
            SQLStatement("SELECT id FROM contacts WHERE tenant_id = ? AND orders_count > 0 ORDER BY total_spent DESC LIMIT 1", [.text(tenantID)]),
        ])
        var paths = ["/", "/leads", "/customers", "/automations", "/templates", "/messages", "/reports", "/settings"]
        if let lead = rows[0].first?.text(0) { paths.append("/leads/\(lead)") }
        if let customer = rows[1].first?.text(0) { paths.append("/customers/\(customer)") }
        paths.append("/automations/abandoned-cart")
        let templates = try await TemplateService(dependencies: Dependencies(store: store), tenantID: tenantID).list()
        if let template = templates.first { paths.append("/templates/\(template.id)") }
        return paths
    }

    func timings(client: HTTPClient, url: String, cookie: String) async throws -> (status: Int, bytes: Int, p50: Double, p95: Double, max: Double) {
        var durations: [Double] = []
        var status = 0, bytes = 0
        for index in 0..<(requests + 2) {
            var request = HTTPClientRequest(url: url)
            request.headers.add(name: "Cookie", value: cookie)
            request.headers.add(name: "Accept-Language", value: "fr-FR")
            let start = DispatchTime.now().uptimeNanoseconds
            let response = try await client.execute(request, timeout: .seconds(120))
            let body = try await response.body.collect(upTo: 64 * 1024 * 1024)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
            status = Int(response.status.code)
            bytes = body.readableBytes
            if index >= 2 { durations.append(elapsed) }  // two warm-up requests
        }
        durations.sort()
        func percentile(_ share: Double) -> Double { durations[min(durations.count - 1, Int((Double(durations.count) * share).rounded(.up)) - 1)] }
        return (status, bytes, percentile(0.5), percentile(0.95), durations.last ?? 0)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
