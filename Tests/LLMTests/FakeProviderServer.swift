import AutopilotCore
import Foundation
import HTTPTypes
import Hummingbird
import LLM
import NIOCore
import Synchronization
import TestSupport

/// A request the fake provider received.
struct ReceivedRequest: Sendable {
    var method: String
    var path: String
    var headers: [String: String]
    var body: JSONValue?

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// What the fake provider answers.
struct FakeAnswer: Sendable {
    var status: Int
    var headers: [String: String]
    var body: String
    var delay: Duration

    init(status: Int = 200, headers: [String: String] = [:], body: String, delay: Duration = .zero) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delay = delay
    }

    static func json(_ value: JSONValue, status: Int = 200, headers: [String: String] = [:]) -> FakeAnswer {
        FakeAnswer(status: status, headers: headers, body: value.jsonString)
    }
}

/// A real HTTP server on 127.0.0.1 (port 0) speaking a provider's wire format through `answer`; it keeps every request.
final class FakeProviderServer: Sendable {
    typealias Answer = @Sendable (_ request: ReceivedRequest, _ index: Int) -> FakeAnswer

    private let received = Mutex<[ReceivedRequest]>([])
    private let port = Mutex(0)
    let answer: Answer
    let keepsRequests: Bool

    init(answer: @escaping Answer, keepsRequests: Bool) {
        self.answer = answer
        self.keepsRequests = keepsRequests
    }

    var baseURL: String { "http://127.0.0.1:\(port.withLock { $0 })" }
    var requests: [ReceivedRequest] { received.withLock { $0 } }

    /// Starts a server, runs `body` with it, and stops it.
    static func with<Result: Sendable>(
        keepsRequests: Bool = true,
        _ answer: @escaping Answer,
        _ body: @Sendable (FakeProviderServer) async throws -> Result
    ) async throws -> Result {
        let server = FakeProviderServer(answer: answer, keepsRequests: keepsRequests)
        let router = Router()
        router.on("**", method: .post) { request, _ -> Response in
            try await server.handle(request)
        }
        return try await LoopbackHTTP.serve(router, label: "fake-provider") { boundPort in
            server.port.withLock { $0 = boundPort }
            return try await body(server)
        }
    }

    private func handle(_ request: Request) async throws -> Response {
        let buffer = try await request.body.collect(upTo: 4 * 1024 * 1024)
        guard keepsRequests else { return response(answer(ReceivedRequest(method: "POST", path: "", headers: [:], body: nil), 0)) }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let bodyData = Data(buffer.readableBytesView)
        let received = ReceivedRequest(
            method: request.method.rawValue, path: request.uri.path, headers: headers,
            body: try? JSONValue.parse(bodyData))
        let index = self.received.withLock { list -> Int in
            list.append(received)
            return list.count - 1
        }
        let answer = self.answer(received, index)
        if answer.delay > .zero { try? await Task.sleep(for: answer.delay) }
        return response(answer)
    }

    private func response(_ answer: FakeAnswer) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) { fields[fieldName] = value }
        }
        return Response(status: .init(code: answer.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
    }
}
