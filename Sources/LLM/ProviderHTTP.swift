import Foundation

/// An HTTP request a wire format asks to send.
public struct ProviderHTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(method: String = "POST", url: String, headers: [(name: String, value: String)], body: Data) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame })?.value
    }
}

/// The HTTP answer a transport brings back.
public struct ProviderHTTPResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public init(status: Int, headers: [(name: String, value: String)] = [], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame })?.value
    }
}

/// Sends one HTTP request with a timeout. Throws `LLMError` with code `timeout` or `connection` when no answer came.
public protocol LLMTransport: Sendable {
    func send(_ request: ProviderHTTPRequest, timeout: Duration) async throws -> ProviderHTTPResponse
}
