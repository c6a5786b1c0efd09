import Foundation

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
        let body = (try? JSONSerialization.data(withJSONObject: ["text": text])) ?? Data()
        let headers = ["Content-Type": "application/json; charset=utf-8"]
        switch await ProviderPost(provider: "slack", timeout: timeout).send(url, headers: headers, body: body) {
        case .failure(let failure):
            return .failed(reason: failure.reason, isTransient: true, retryAfter: nil)
        case .success(let reply):
            if reply.isSuccess { return .posted }
            let answer = String(decoding: reply.body.prefix(200), as: UTF8.self)
            let transient = reply.status == 429 || reply.status >= 500
            return .failed(reason: "slack: HTTP \(reply.status) \(answer)", isTransient: transient, retryAfter: reply.retryAfter)
        }
    }
}
