import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One POST to a provider's HTTP API, as the API senders (Twilio, WhatsApp Cloud, Omnisend) make it: the answer's
/// status, body and `Retry-After`, or the connection failure as a transient `SendFailure` naming the provider.
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

    func send(_ url: URL, headers: [String: String], body: Data) async -> Result<Reply, SendFailure> {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        request.httpBody = body
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            let http = response as? HTTPURLResponse
            return .success(Reply(status: http?.statusCode ?? 0, body: data, retryAfter: http?.value(forHTTPHeaderField: "Retry-After").flatMap(TimeInterval.init)))
        } catch {
            return .failure(SendFailure(code: "connection", reason: "\(provider): \(error.localizedDescription)", isTransient: true))
        }
    }
}
