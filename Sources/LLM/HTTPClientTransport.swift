import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The live transport, on AsyncHTTPClient.
public struct HTTPClientTransport: LLMTransport {
    private let client: HTTPClient
    private let maxBodyBytes: Int

    /// - Parameters:
    ///   - client: the shared HTTP client (the caller owns its lifecycle; `HTTPClient.shared` by default).
    ///   - maxBodyBytes: the largest answer accepted.
    public init(client: HTTPClient = .shared, maxBodyBytes: Int = 8 * 1024 * 1024) {
        self.client = client
        self.maxBodyBytes = maxBodyBytes
    }

    public func send(_ request: ProviderHTTPRequest, timeout: Duration) async throws -> ProviderHTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = .RAW(value: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        let nanoseconds = max(1, timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        let deadline = NIODeadline.now() + .nanoseconds(nanoseconds)
        do {
            let response = try await client.execute(outgoing, deadline: deadline)
            let body = try await response.body.collect(upTo: maxBodyBytes)
            let headers = response.headers.map { (name: $0.name, value: $0.value) }
            return ProviderHTTPResponse(status: Int(response.status.code), headers: headers, body: Data(body.readableBytesView))
        } catch let error as HTTPClientError where [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error) {
            throw LLMError(.timeout, "no answer from \(request.url) within \(timeout)")
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw LLMError(.connection, "the request to \(request.url) failed: \(error)")
        }
    }
}
