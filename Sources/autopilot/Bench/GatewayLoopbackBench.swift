import AsyncHTTPClient
import AutopilotCore
import Foundation
import Hummingbird
import LLM
import NIOCore

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
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: concurrency)
        return try await LoopbackProviderServer.serving(router, label: "bench-provider", client: configuration) { baseURL, client in
            try await GatewayBenchmark.run(
                baseURL: baseURL, httpClient: client, totalCalls: calls, concurrency: concurrency, overheadCalls: min(calls, 5_000))
        }
    }
}
