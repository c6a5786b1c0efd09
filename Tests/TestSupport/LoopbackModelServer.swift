import AutopilotCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization

/// What the loopback model answers to one request.
public struct ModelAnswer: Sendable {
    public var status: Int
    public var body: JSONValue
    public var delay: Duration

    public init(status: Int, body: JSONValue, delay: Duration) {
        self.status = status
        self.body = body
        self.delay = delay
    }

    public static func ok(_ body: JSONValue) -> ModelAnswer { ModelAnswer(status: 200, body: body, delay: .zero) }
    public static let serverError = ModelAnswer(status: 500, body: ["error": ["message": "internal error", "type": "server_error"]], delay: .zero)
}

/// A language-model provider on 127.0.0.1 (port 0): it answers every POST with `answer(body, index)` and keeps the
/// paths and JSON bodies it received, so a test can check what the client sent.
public final class LoopbackModelServer: Sendable {
    public typealias Answer = @Sendable (_ body: JSONValue, _ index: Int) -> ModelAnswer

    private let received = Mutex<[(path: String, body: JSONValue)]>([])
    private let port = Mutex(0)
    private let answer: Answer

    private init(answer: @escaping Answer) {
        self.answer = answer
    }

    public var baseURL: String { "http://127.0.0.1:\(port.withLock { $0 })" }
    public var bodies: [JSONValue] { received.withLock { $0.map(\.body) } }

    /// The `index`th body received, or null when fewer came (a failed turn must fail its test, not crash the run).
    public func body(_ index: Int) -> JSONValue {
        let bodies = bodies
        return bodies.indices.contains(index) ? bodies[index] : .null
    }
    public var paths: [String] { received.withLock { $0.map(\.path) } }

    public static func with<Result: Sendable>(
        _ answer: @escaping Answer, _ body: @Sendable (LoopbackModelServer) async throws -> Result
    ) async throws -> Result {
        let server = LoopbackModelServer(answer: answer)
        let router = Router()
        router.on("**", method: .post) { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 4 << 20)
            let json = (try? JSONParser.parse(Array(buffer.readableBytesView))) ?? .null
            let index = server.received.withLock { list -> Int in
                list.append((path: request.uri.path, body: json))
                return list.count - 1
            }
            let answer = server.answer(json, index)
            if answer.delay > .zero { try? await Task.sleep(for: answer.delay) }
            return Response(
                status: .init(code: answer.status), headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body.jsonString)))
        }
        return try await LoopbackHTTP.serve(router, label: "loopback-model") { bound in
            server.port.withLock { $0 = bound }
            return try await body(server)
        }
    }
}
