import AutopilotCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import TestSupport

/// A real HTTP server on 127.0.0.1 (port 0) standing in for WordPress, the Graph API and LinkedIn: every POST is kept
/// with its path, headers and body, and answered by `answer` (status, headers, body).
final class PublishingLoopbackServer: Sendable {
    struct Received: Sendable {
        var path: String
        var headers: [String: String]
        var body: String

        /// The body as form fields (`application/x-www-form-urlencoded`).
        var formFields: [String: String] {
            var fields: [String: String] = [:]
            for pair in body.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
                fields[parts[0]] = parts.count > 1 ? parts[1] : ""
            }
            return fields
        }

        var json: JSONValue { (try? JSONParser.parse(body)) ?? .null }

        /// A request header, by name in any case.
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Answer: Sendable {
        var status: Int
        var headers: [String: String] = [:]
        var body: String
    }

    private let received = Mutex<[Received]>([])
    private let port = Mutex(0)
    let answer: @Sendable (Received) -> Answer

    private init(answer: @escaping @Sendable (Received) -> Answer) {
        self.answer = answer
    }

    var baseURL: String { "http://127.0.0.1:\(port.withLock { $0 })" }
    var requests: [Received] { received.withLock { $0 } }

    static func with<Result: Sendable>(
        answer: @escaping @Sendable (Received) -> Answer, _ body: @Sendable (PublishingLoopbackServer) async throws -> Result
    ) async throws -> Result {
        let server = PublishingLoopbackServer(answer: answer)
        let router = Router()
        router.on("**", method: .post) { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
            let received = Received(path: request.uri.path, headers: headers, body: String(buffer: buffer))
            server.received.withLock { $0.append(received) }
            let reply = server.answer(received)
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            for (name, value) in reply.headers {
                if let field = HTTPField.Name(name) { fields[field] = value }
            }
            return Response(status: .init(code: reply.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: reply.body)))
        }
        return try await LoopbackHTTP.serve(router, label: "publishing-loopback") { bound in
            server.port.withLock { $0 = bound }
            return try await body(server)
        }
    }
}
