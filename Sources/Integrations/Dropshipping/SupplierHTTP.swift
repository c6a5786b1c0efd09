import AsyncHTTPClient
import AutopilotCore
import Foundation
import NIOCore
import NIOHTTP1

/// The HTTP calls of supplier and storefront clients, on AsyncHTTPClient. Network errors, 429 and 5xx are transient.
public struct SupplierHTTP: Sendable {
    public var client: HTTPClient
    public var timeout: TimeAmount

    public init(client: HTTPClient = .shared, timeout: TimeAmount = .seconds(30)) {
        self.client = client
        self.timeout = timeout
    }

    /// An answer: status, headers and the body parsed as JSON (`.null` when not JSON).
    public struct Answer: Sendable {
        public var status: Int
        public var headers: HTTPHeaders
        public var json: JSONValue
        public var text: String
    }

    /// Sends a request; `name` prefixes error messages (`cj`, `bigbuy`, `shopify`). Non-2xx answers throw.
    public func send(
        _ name: String, method: HTTPMethod, url: String, headers: [(String, String)], body: JSONValue? = nil
    ) async throws(SupplierError) -> Answer {
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (field, value) in headers { request.headers.add(name: field, value: value) }
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: body.jsonString))
        }
        let answer: Answer
        do {
            let response = try await client.execute(request, timeout: timeout)
            let bytes = try await response.body.collect(upTo: 4 << 20)
            let text = String(buffer: bytes)
            answer = Answer(
                status: Int(response.status.code), headers: response.headers, json: (try? JSONParser.parse(text)) ?? .null, text: text)
        } catch {
            throw SupplierError(code: "\(name)_unreachable", message: "\(name): \(method.rawValue) \(url) failed: \(error)", isTransient: true)
        }
        guard (200..<300).contains(answer.status) else {
            let transient = answer.status == 429 || answer.status >= 500
            throw SupplierError(
                code: "\(name)_http_\(answer.status)", message: "\(name): HTTP \(answer.status) \(String(answer.text.prefix(300)))",
                isTransient: transient)
        }
        return answer
    }
}
