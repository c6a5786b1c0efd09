import AsyncHTTPClient

/// The HTTP client of the API senders (Twilio, WhatsApp Cloud, Omnisend) and the Slack webhook, on the shared event loops.
/// A refused connection fails the request at once instead of being retried until the request's deadline: a provider
/// that is down is a transient failure, retried later with the dispatcher's backoff.
enum ChannelHTTPClient {
    /// Lives as long as the process, like `HTTPClient.shared`.
    static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
