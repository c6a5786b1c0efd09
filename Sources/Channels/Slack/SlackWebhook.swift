import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A Slack incoming webhook: team notifications (hot lead, bad review, flow paused, budget stop) posted as
/// `{"text": …}` (mrkdwn). Slack answers `ok` with 200; 4xx answers such as `invalid_payload`, `channel_not_found` or
/// `no_service` are permanent, 429 and 5xx are worth retrying (`Retry-After` honoured).
public struct SlackWebhook: Sendable {
    public let url: URL
    public var timeout: TimeInterval = 10

    public init?(url text: String) {
        guard let url = URL(string: text), url.scheme == "https" || url.scheme == "http", url.host != nil else { return nil }
        self.url = url
    }

    /// What became of a post.
    public enum Delivery: Sendable, Equatable {
        case posted
        case failed(reason: String, isTransient: Bool, retryAfter: TimeInterval?)
    }

    public func post(text: String) async -> Delivery {
        var request = URLRequest(url: url, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.httpBody = try? JSONSerialization.data(withJSONObject: ["text": text])
        do {
            let (data, response) = try await URLSession.shared.data(for: request)
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            if (200..<300).contains(status) { return .posted }
            let body = String(decoding: data.prefix(200), as: UTF8.self)
            let retryAfter = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Retry-After").flatMap(TimeInterval.init)
            return .failed(reason: "slack: HTTP \(status) \(body)", isTransient: status == 429 || status >= 500, retryAfter: retryAfter)
        } catch {
            return .failed(reason: "slack: \(error.localizedDescription)", isTransient: true, retryAfter: nil)
        }
    }
}
