import AutopilotCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization
import TestSupport

/// A real HTTP server on 127.0.0.1 (LoopbackHTTP) standing in for CJdropshipping, BigBuy, Shopify and Slack at once (by path prefix):
/// it answers GET and POST with `answer`, and keeps every request with its headers.
final class VendorServer: Sendable {
    struct Received: Sendable {
        var method: String
        var path: String
        var query: String
        var headers: [String: String]
        var body: String
        var json: JSONValue { (try? JSONParser.parse(body)) ?? .null }

        /// A request header, by case-insensitive name.
        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    struct Reply: Sendable {
        var status: Int
        var body: String
        var headers: [String: String] = [:]
    }

    private let received = Mutex<[Received]>([])
    private let port = Mutex(0)
    let answer: @Sendable (Received, [Received]) -> Reply

    init(answer: @escaping @Sendable (Received, [Received]) -> Reply) {
        self.answer = answer
    }

    var baseURL: String { "http://127.0.0.1:\(port.withLock { $0 })" }
    var requests: [Received] { received.withLock { $0 } }

    func requests(_ method: String, _ pathSuffix: String) -> [Received] {
        requests.filter { $0.method == method && $0.path.hasSuffix(pathSuffix) }
    }

    static func with<Result: Sendable>(
        answer: @escaping @Sendable (Received, [Received]) -> Reply, _ body: @Sendable (VendorServer) async throws -> Result
    ) async throws -> Result {
        let server = VendorServer(answer: answer)
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
            let item = Received(
                method: request.method.rawValue, path: request.uri.path, query: request.uri.query ?? "", headers: headers,
                body: String(buffer: buffer))
            let earlier = server.received.withLock { list -> [Received] in
                let before = list
                list.append(item)
                return before
            }
            let reply = server.answer(item, earlier)
            var fields: HTTPFields = [.contentType: reply.body.hasPrefix("{") || reply.body.hasPrefix("[") ? "application/json" : "text/plain"]
            for (name, value) in reply.headers { if let field = HTTPField.Name(name) { fields[field] = value } }
            return Response(status: .init(code: reply.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: reply.body)))
        }
        router.on("**", method: .post, use: handler)
        router.on("**", method: .get, use: handler)
        return try await LoopbackHTTP.serve(router, label: "vendor") { bound in
            server.port.withLock { $0 = bound }
            return try await body(server)
        }
    }
}
