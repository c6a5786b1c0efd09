import AutopilotCore
import Foundation

/// Translates the gateway's request into one provider's HTTP request, and its HTTP answer back.
public protocol WireFormat: Sendable {
    /// Builds the HTTP request for `request` to the provider described by `configuration`.
    func encode(_ request: LLMRequest, configuration: ProviderConfiguration) throws(LLMError) -> ProviderHTTPRequest
    /// Reads a 2xx answer. Throws `malformed_response` when it is not the documented shape.
    func decode(_ response: ProviderHTTPResponse, request: LLMRequest, configuration: ProviderConfiguration)
        throws(LLMError) -> LLMResponse
}

extension WireFormat {
    static func jsonHeaders(_ extra: [(name: String, value: String)]) -> [(name: String, value: String)] {
        [(name: "content-type", value: "application/json"), (name: "accept", value: "application/json")] + extra
    }

    static func requireObject(_ response: ProviderHTTPResponse, provider: String) throws(LLMError) -> JSONValue {
        var body: JSONValue
        do {
            body = try JSONValue.parse(response.body)
        } catch {
            throw LLMError(.malformedResponse, error.message, status: response.status, provider: provider)
        }
        guard body.objectValue != nil else {
            throw LLMError(.malformedResponse, "the body is JSON but not an object", status: response.status, provider: provider)
        }
        return body
    }

    static func malformed(_ what: String, _ response: ProviderHTTPResponse, provider: String) -> LLMError {
        LLMError(.malformedResponse, what, status: response.status, provider: provider)
    }
}
