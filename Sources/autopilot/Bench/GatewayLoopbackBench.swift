import AsyncHTTPClient
import AutopilotCore
import Foundation
import Hummingbird
import LLM
import Logging
import NIOCore
import Synchronization

/// `autopilot bench llm`: the gateway against an OpenAI-compatible provider served on loopback by this process (a fixed
/// Chat Completions answer with usage), measured by `GatewayBenchmark`: calls/s with N concurrent requests, and the
/// gateway's own overhead per call.
struct GatewayLoopbackBench {
    var calls: Int
    var concurrency: Int

    static let completion: JSONValue = [
        "id": "chatcmpl-bench", "object": "chat.completion", "created": 1_773_144_000, "model": "benchmark-model",
        "choices": [
            [
                "index": 0, "finish_reason": "stop",
                "message": [
                    "role": "assistant",
                    "content": "Votre panier vous attend : deux articles sont encore réservés pour vous. Finalisez votre commande quand vous voulez.",
                ],
            ]
        ],
        "usage": ["prompt_tokens": 42, "completion_tokens": 28, "total_tokens": 70],
    ]

    func run() async throws -> GatewayBenchmarkResult {
        let router = Router()
        let answer = ByteBuffer(string: Self.completion.jsonString)
        router.post("v1/chat/completions") { request, _ -> Response in
            _ = try await request.body.collect(upTo: 1 << 20)
            return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: answer))
        }
        var logger = Logger(label: "bench-provider")
        logger.logLevel = .critical
        let port = Mutex<Int?>(nil)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port } }, logger: logger)
        return try await withThrowingTaskGroup(of: GatewayBenchmarkResult?.self) { group in
            group.addTask {
                try? await app.runService()
                return nil
            }
            var bound: Int?
            while bound == nil {
                try await Task.sleep(for: .milliseconds(10))
                bound = port.withLock { $0 }
            }
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency)
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            let result: GatewayBenchmarkResult
            do {
                result = try await GatewayBenchmark.run(
                    baseURL: "http://127.0.0.1:\(bound ?? 0)/v1", httpClient: client, totalCalls: calls, concurrency: concurrency,
                    overheadCalls: min(calls, 5_000))
            } catch {
                try? await client.shutdown()
                group.cancelAll()
                throw error
            }
            // Connections closed first, so no accepted connection is left buffered when the server stops.
            try await client.shutdown()
            group.cancelAll()
            return result
        }
    }
}
