import AutopilotCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization
import TestSupport

/// An OpenAI-compatible server on 127.0.0.1 (port 0): `POST /v1/chat/completions` answers the Chat Completions format
/// (`choices[0].message.content`, `usage`) with the text `reply` gives for the request body; it keeps every request body.
final class LoopbackChatServer: Sendable {
    typealias Reply = @Sendable (_ body: JSONValue) -> String

    private let bodies = Mutex<[JSONValue]>([])
    private let boundPort = Mutex(0)
    let reply: Reply

    private init(reply: @escaping Reply) {
        self.reply = reply
    }

    var baseURL: String { "http://127.0.0.1:\(boundPort.withLock { $0 })" }
    var requests: [JSONValue] { bodies.withLock { $0 } }

    /// Starts the server, runs `body` with it, and stops it.
    static func with<Result: Sendable>(
        reply: @escaping Reply, _ body: @Sendable (LoopbackChatServer) async throws -> Result
    ) async throws -> Result {
        let server = LoopbackChatServer(reply: reply)
        let router = Router()
        router.post("v1/chat/completions") { request, _ -> Response in
            try await server.answer(request)
        }
        return try await LoopbackHTTP.serve(router, label: "loopback-chat") { port in
            server.boundPort.withLock { $0 = port }
            return try await body(server)
        }
    }

    private func answer(_ request: Request) async throws -> Response {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        let body = (try? JSONParser.parse(Array(buffer.readableBytesView))) ?? .null
        bodies.withLock { $0.append(body) }
        let model = body["model"]?.stringValue ?? "unknown"
        let completion: JSONValue = [
            "id": "chatcmpl-loopback", "object": "chat.completion", "created": 1_773_144_000, "model": .string(model),
            "choices": [["index": 0, "message": ["role": "assistant", "content": .string(reply(body))], "finish_reason": "stop"]],
            "usage": ["prompt_tokens": 120, "completion_tokens": 80, "total_tokens": 200],
        ]
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        return Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: completion.jsonString)))
    }
}
