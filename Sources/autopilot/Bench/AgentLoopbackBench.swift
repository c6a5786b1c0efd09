import Agent
import AsyncHTTPClient
import AutopilotCore
import Foundation
import Hummingbird
import LLM
import Logging
import NIOCore
import Synchronization

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
        var logger = Logger(label: "bench-agent-model")
        logger.logLevel = .critical
        let port = Mutex<Int?>(nil)
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.withLock { $0 = channel.localAddress?.port } }, logger: logger)
        return try await withThrowingTaskGroup(of: AgentBenchmarkResult?.self) { group in
            group.addTask {
                try? await app.runService()
                return nil
            }
            var bound: Int?
            while bound == nil {
                try await Task.sleep(for: .milliseconds(10))
                bound = port.withLock { $0 }
            }
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let result: AgentBenchmarkResult
            do {
                result = try await AgentBenchmark.run(
                    baseURL: "http://127.0.0.1:\(bound ?? 0)/v1", transport: HTTPClientTransport(client: client), turns: turns)
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
