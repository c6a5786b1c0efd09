import Foundation

/// Something that answers a request: an HTTP provider, or a fake in tests.
public protocol LLMProvider: Sendable {
    /// The provider's name in responses and accounting ("openai", …).
    var name: String { get }
    /// The model it asks for.
    var model: String { get }
    /// One attempt, within `timeout`. Throws `LLMError`.
    func complete(_ request: LLMRequest, timeout: Duration, now: Date) async throws -> LLMResponse
}

/// A provider reached over HTTP through a wire format.
public struct HTTPProvider: LLMProvider {
    public let configuration: ProviderConfiguration
    public let format: any WireFormat
    public let transport: any LLMTransport

    public init(configuration: ProviderConfiguration, format: any WireFormat, transport: any LLMTransport) {
        self.configuration = configuration
        self.format = format
        self.transport = transport
    }

    /// The provider for a configuration, with its documented wire format.
    public init(configuration: ProviderConfiguration, transport: any LLMTransport) {
        let format: any WireFormat
        switch configuration.kind {
        case .openai: format = OpenAIChatFormat(usesMaxCompletionTokens: true)
        case .xai, .compatible: format = OpenAIChatFormat(usesMaxCompletionTokens: false)
        case .gemini: format = GeminiFormat()
        case .anthropic: format = AnthropicFormat()
        }
        self.init(configuration: configuration, format: format, transport: transport)
    }

    public var name: String { configuration.name }
    public var model: String { configuration.model }

    public func complete(_ request: LLMRequest, timeout: Duration, now: Date) async throws -> LLMResponse {
        let outgoing = try format.encode(request, configuration: configuration)
        let answer: ProviderHTTPResponse
        do {
            answer = try await transport.send(outgoing, timeout: timeout)
        } catch var error as LLMError {
            error.provider = name
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw LLMError(.connection, "\(error)", provider: name)
        }
        guard (200..<300).contains(answer.status) else {
            throw ProviderErrorClassifier.classify(answer, kind: configuration.kind, now: now)
        }
        return try format.decode(answer, request: request, configuration: configuration)
    }
}
