import Agent
import AsyncHTTPClient
import AutopilotCore
import Foundation
import Hummingbird
import LLM
import NIOCore

/// `autopilot bench agent`: the agent loop against an OpenAI-compatible model served on loopback by this process. The
/// model asks for `lookup_order` when the conversation has no tool result yet, and answers once it has one, so every
/// turn is two model calls and one tool run. Measured by `AgentBenchmark`.
struct AgentLoopbackBench {
    var turns: Int

    static func completion(_ message: JSONValue, finish: String) -> ByteBuffer {
        let body: JSONValue = [
            "id": "chatcmpl-bench", "object": "chat.completion", "created": 1_773_144_000, "model": "benchmark-model",
            "choices": [["index": 0, "finish_reason": .string(finish), "message": message]],
            "usage": ["prompt_tokens": 120, "completion_tokens": 24, "total_tokens": 144],
        ]
        return ByteBuffer(string: body.jsonString)
    }

    static let toolCall = completion(
        [
            "role": "assistant", "content": nil,
            "tool_calls": [
                ["id": "call_1", "type": "function", "function": ["name": "lookup_order", "arguments": #"{"order_id":"A-1042"}"#]]
            ],
        ], finish: "tool_calls")

    static let answer = completion(
        ["role": "assistant", "content": "Votre commande A-1042 est expédiée par Colissimo (suivi 6A12345678901)."], finish: "stop")

    func run() async throws -> AgentBenchmarkResult {
        let router = Router()
        let marker = ByteBuffer(string: "\"tool_call_id\"")
        router.post("v1/chat/completions") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 20)
            let hasToolResult = body.readableBytesView.firstRange(of: marker.readableBytesView) != nil
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: hasToolResult ? Self.answer : Self.toolCall))
        }
        return try await LoopbackProviderServer.serving(router, label: "bench-agent-model") { baseURL, client in
            try await AgentBenchmark.run(baseURL: baseURL, transport: HTTPClientTransport(client: client), turns: turns)
        }
    }
}
