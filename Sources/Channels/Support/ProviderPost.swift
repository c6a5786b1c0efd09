import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// One POST to a provider's HTTP API, as the API senders (Twilio, WhatsApp Cloud, Omnisend) and the Slack webhook make it:
/// the answer's status, body and `Retry-After`, or the connection failure (no answer within `timeout`, refused, reset) as
/// a transient `SendFailure` naming the provider.
struct ProviderPost {
    struct Reply {
        var status: Int
        var body: Data
        var retryAfter: TimeInterval?

        var isSuccess: Bool { (200..<300).contains(status) }
        /// 429, 5xx, and no answer at all are worth another attempt.
        var isTransient: Bool { status == 429 || status >= 500 || status == 0 }
    }

    let provider: String
    let timeout: TimeInterval
    var client: HTTPClient = ChannelHTTPClient.shared

    /// Answers larger than this are a failure (providers answer a few hundred bytes).
    static let maximumAnswerBytes = 1 << 20

    func send(_ url: URL, headers: [String: String], body: Data) async -> Result<Reply, SendFailure> {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            let response = try await client.execute(request, timeout: .nanoseconds(Int64((max(timeout, 0.001) * 1e9).rounded())))
            let bytes = try await response.body.collect(upTo: Self.maximumAnswerBytes)
            let retryAfter = response.headers.first(name: "Retry-After").flatMap { TimeInterval($0.trimmingCharacters(in: .whitespaces)) }
            return .success(Reply(status: Int(response.status.code), body: Data(bytes.readableBytesView), retryAfter: retryAfter))
        } catch {
            return .failure(SendFailure(code: "connection", reason: "\(provider): \(Self.describe(error))", isTransient: true))
        }
    }

    /// The failure in a few words: AsyncHTTPClient's timeouts by name, anything else as it describes itself.
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError, [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error) {
            return "no answer in time (\(error))"
        }
        return "\(error)"
    }
}
