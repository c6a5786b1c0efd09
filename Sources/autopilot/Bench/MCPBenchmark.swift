import AsyncHTTPClient
import AutopilotCore
import Engine
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Server
import ServiceLifecycle
import Storage

/// `autopilot bench mcp`: tool calls per second through MCP over streamable HTTP on loopback (`tools/call` of
/// `check_product_stock` and `find_contact`, each a store read), with `concurrency` requests in flight, against the same
/// server's `GET /health` at the same concurrency as the baseline.
struct MCPBenchmark {
    struct Result: Codable, Sendable {
        var calls: Int
        var concurrency: Int
        var toolCallsPerSecond: Double
        var toolCallP50Milliseconds: Double
        var toolCallP99Milliseconds: Double
        var healthRequestsPerSecond: Double
        var healthP50Milliseconds: Double
        var failedCalls: Int

        enum CodingKeys: String, CodingKey {
            case calls, concurrency
            case toolCallsPerSecond = "tool_calls_per_second", toolCallP50Milliseconds = "tool_call_p50_ms", toolCallP99Milliseconds =
                "tool_call_p99_ms"
            case healthRequestsPerSecond = "health_requests_per_second", healthP50Milliseconds = "health_p50_ms", failedCalls = "failed_calls"
        }
    }

    let calls: Int
    let concurrency: Int
    let directory: URL

    func run() async throws -> Result {
        var logger = Logger(label: "autopilot.bench")
        logger.logLevel = .error
        let path = directory.appendingPathComponent("mcp.sqlite").path
        let store = SQLStore(database: try SQLiteDatabase(path: path))
        try await store.migrate(now: Date())
        let dependencies = Dependencies(store: store, logger: logger)
        let tenant = try await TenantService(dependencies: dependencies).create(name: "MCP bench")
        try await seed(dependencies, tenantID: tenant.tenantID)

        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.metricsEnabled = false
        configuration.dashboardEnabled = false
        configuration.rateLimitPerSecond = 1_000_000
        configuration.rateLimitBurst = 1_000_000
        let ports = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(
            configuration: configuration, dependencies: dependencies, databaseName: path, onServerRunning: { port in ports.continuation.yield(port) })
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.stream.makeAsyncIterator()
            guard let port = await iterator.next() else { throw BenchmarkError(message: "the server did not start") }
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let base = "http://127.0.0.1:\(port)"
            let key = tenant.apiKey
            _ = try await measure(client: client, count: min(200, calls)) { index in Self.toolCall(base: base, key: key, index: index) }
            let tools = try await measure(client: client, count: calls) { index in Self.toolCall(base: base, key: key, index: index) }
            let health = try await measure(client: client, count: calls) { _ in HTTPClientRequest(url: base + "/health") }
            try await client.shutdown()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return Result(
                calls: calls, concurrency: concurrency, toolCallsPerSecond: tools.perSecond, toolCallP50Milliseconds: tools.p50,
                toolCallP99Milliseconds: tools.p99, healthRequestsPerSecond: health.perSecond, healthP50Milliseconds: health.p50,
                failedCalls: tools.failed)
        }
    }

    /// A few contacts and products for the tools to read.
    private func seed(_ dependencies: Dependencies, tenantID: String) async throws {
        var events: [JSONValue] = []
        for index in 0..<100 {
            events.append([
                "type": "product.updated", "occurred_at": .string(Timestamp.format(Date())), "idempotency_key": .string("p\(index)"),
                "properties": [
                    "sku": .string("SKU-\(index)"), "title": .string("Produit \(index)"), "price": 10.0, "in_stock": .bool(index % 2 == 0),
                ],
            ])
            events.append([
                "type": "contact.created", "occurred_at": .string(Timestamp.format(Date())), "idempotency_key": .string("c\(index)"),
                "contact": ["email": .string("client\(index)@bench.example")], "properties": ["first_name": "Client"],
            ])
        }
        _ = try await IngestPipeline(dependencies: dependencies).ingest(document: ["events": .array(events)], tenantID: tenantID)
    }

    /// `tools/call` of a read tool, alternating `check_product_stock` and `find_contact` over the seeded rows.
    static func toolCall(base: String, key: String, index: Int) -> HTTPClientRequest {
        let call: JSONValue =
            index % 2 == 0
            ? ["name": "check_product_stock", "arguments": ["sku": .string("SKU-\(index % 100)")]]
            : ["name": "find_contact", "arguments": ["email": .string("client\(index % 100)@bench.example")]]
        let body: JSONValue = ["jsonrpc": "2.0", "id": .int(Int64(index)), "method": "tools/call", "params": call]
        var request = HTTPClientRequest(url: base + "/mcp")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(key)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json, text/event-stream")
        request.body = .bytes(ByteBuffer(string: body.jsonString))
        return request
    }

    /// `count` requests, `concurrency` at a time: the rate, the median and 99th percentile latency, and the failures
    /// (a status other than 200, or a tool answer with `isError`).
    private func measure(client: HTTPClient, count: Int, request: @escaping @Sendable (Int) -> HTTPClientRequest) async throws
        -> (perSecond: Double, p50: Double, p99: Double, failed: Int)
    {
        let started = DispatchTime.now().uptimeNanoseconds
        var durations: [Double] = []
        var failed = 0
        try await withThrowingTaskGroup(of: (Double, Bool).self) { group in
            var next = 0
            func add() {
                guard next < count else { return }
                let index = next
                next += 1
                group.addTask {
                    let start = DispatchTime.now().uptimeNanoseconds
                    let response = try await client.execute(request(index), timeout: .seconds(60))
                    let body = try await response.body.collect(upTo: 1 << 20)
                    let ok = response.status.code == 200 && !String(buffer: body).contains("\"isError\":true")
                    return (Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000, ok)
                }
            }
            for _ in 0..<concurrency { add() }
            while let (duration, ok) = try await group.next() {
                durations.append(duration)
                if !ok { failed += 1 }
                add()
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000_000_000
        durations.sort()
        func percentile(_ share: Double) -> Double { durations[min(durations.count - 1, Int((Double(durations.count) * share).rounded(.up)) - 1)] }
        return (Double(count) / seconds, percentile(0.5), percentile(0.99), failed)
    }
}
