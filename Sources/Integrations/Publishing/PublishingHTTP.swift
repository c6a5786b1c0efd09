import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The HTTP client the publishers share (AsyncHTTPClient; the caller owns its lifecycle).
public struct PublishingHTTP: Sendable {
    /// What came back.
    public struct Response: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: String

        /// The first header named `name`, case-insensitively.
        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    public let client: HTTPClient
    public let timeout: TimeAmount

    public init(client: HTTPClient = .shared, timeout: TimeAmount = .seconds(30)) {
        self.client = client
        self.timeout = timeout
    }

    /// POSTs `body`; connection failures and timeouts become `PublishingError` naming `platform`.
    func post(_ url: String, headers: [(String, String)], body: [UInt8], platform: String) async throws -> Response {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await client.execute(request, timeout: timeout)
            let buffer = try await response.body.collect(upTo: 4 * 1024 * 1024)
            return Response(
                status: Int(response.status.code), headers: response.headers.map { (name: $0.name, value: $0.value) }, body: String(buffer: buffer))
        } catch let error as HTTPClientError where [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error) {
            let seconds = timeout.nanoseconds / 1_000_000_000
            throw PublishingError(platform: platform, code: "timeout", message: "no answer from \(url) within \(seconds) s")
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw PublishingError(platform: platform, code: "connection", message: "the request to \(url) failed: \(error)")
        }
    }

    /// `application/x-www-form-urlencoded` of `fields`, in order.
    static func formEncoded(_ fields: [(String, String)]) -> [UInt8] {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let text = fields.map { name, value in
            (name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name) + "="
                + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
        return Array(text.utf8)
    }

    /// `base` without trailing slashes.
    static func trimmed(_ base: String) -> String {
        var base = base.trimmingCharacters(in: .whitespaces)
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }
}
