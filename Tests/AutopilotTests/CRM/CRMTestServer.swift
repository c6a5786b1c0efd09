import AutopilotCore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TestSupport

/// A request as a fake CRM saw it.
struct CRMTestRequest: Sendable {
    var method: String
    var path: String
    var query: [String: String]
    var authorization: String?
    var apiToken: String?
    var body: JSONValue?
}

/// A fake CRM's answer.
struct CRMTestResponse: Sendable {
    var status: Int
    var headers: [String: String] = [:]
    var body: JSONValue = [:]
}

/// A real HTTP server on 127.0.0.1 standing in for a CRM: every request goes to `respond`. Stopped by graceful shutdown.
enum CRMTestServer {
    static func with<Result: Sendable>(
        port: Int = 0, respond: @escaping @Sendable (CRMTestRequest) -> CRMTestResponse, _ body: @Sendable (_ baseURL: String) async throws -> Result
    ) async throws -> Result {
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            let buffer = try await request.body.collect(upTo: 8 << 20)
            let text = String(buffer: buffer)
            var query: [String: String] = [:]
            for (key, value) in request.uri.queryParameters { query[String(key)] = String(value) }
            let seen = CRMTestRequest(
                method: request.method.rawValue, path: request.uri.path, query: query, authorization: request.headers[.authorization],
                apiToken: HTTPField.Name("x-api-token").flatMap { request.headers[$0] }, body: text.isEmpty ? nil : try? JSONParser.parse(text))
            let answer = respond(seen)
            var headers: HTTPFields = [.contentType: "application/json"]
            for (name, value) in answer.headers { if let field = HTTPField.Name(name) { headers[field] = value } }
            return Response(
                status: .init(code: answer.status), headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body.jsonString)))
        }
        for method in [HTTPRequest.Method.get, .post, .put, .patch] { router.on("**", method: method, use: handler) }
        return try await LoopbackHTTP.serve(router, port: port, label: "crm-test-server") { bound in try await body("http://127.0.0.1:\(bound)") }
    }

    /// A port nothing listens on (one a server just bound and released), for a CRM that is down.
    static func closedPort() async throws -> Int {
        try await with(respond: { _ in CRMTestResponse(status: 404) }) { base in Int(base.split(separator: ":").last ?? "0") ?? 0 }
    }
}
