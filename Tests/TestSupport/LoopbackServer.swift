import AutopilotCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// A real HTTP server on 127.0.0.1 (port 0) standing in for a vendor: it answers every POST with `answer(index)` and keeps
/// the requests' paths and bodies.
public final class LoopbackServer: Sendable {
    /// One request as received.
    public struct Received: Sendable {
        public var path: String
        public var contentType: String?
        public var authorization: String?
        public var body: String
    }

    private let received = Mutex<[Received]>([])
    private let port = Mutex(0)
    let answer: @Sendable (Int) -> (status: Int, body: String)

    private init(answer: @escaping @Sendable (Int) -> (status: Int, body: String)) {
        self.answer = answer
    }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port.withLock { $0 })" }
    /// Every request so far, in order.
    public var requests: [Received] { received.withLock { $0 } }

    /// Starts a server answering request number `index` (0-based) with `answer(index)`, runs `body` with it, and stops it.
    public static func with<Result: Sendable>(
        answer: @escaping @Sendable (Int) -> (status: Int, body: String), _ body: @Sendable (LoopbackServer) async throws -> Result
    ) async throws -> Result {
        let server = LoopbackServer(answer: answer)
        let router = Router()
        router.on("**", method: .post) { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            let index = server.received.withLock { list -> Int in
                list.append(
                    Received(
                        path: request.uri.path, contentType: request.headers[.contentType], authorization: request.headers[.authorization],
                        body: String(buffer: buffer)))
                return list.count - 1
            }
            let (status, text) = server.answer(index)
            let type = text.hasPrefix("{") ? "application/json" : "text/plain"
            return Response(status: .init(code: status), headers: [.contentType: type], body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
        }
        return try await LoopbackHTTP.serve(router) { bound in
            server.port.withLock { $0 = bound }
            return try await body(server)
        }
    }
}
