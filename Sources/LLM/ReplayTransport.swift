import Foundation

/// A transport that answers every request with one recorded answer, from memory.
public struct ReplayTransport: LLMTransport {
    public let response: ProviderHTTPResponse

    public init(response: ProviderHTTPResponse) {
        self.response = response
    }

    public func send(_ request: ProviderHTTPRequest, timeout: Duration) async throws -> ProviderHTTPResponse {
        response
    }
}
