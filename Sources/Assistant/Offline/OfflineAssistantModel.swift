import Agent
import AutopilotCore
import Conversation
import LLM
import Scoring

/// MAX without a language model: an `AgentModel` that reads the user's last message with `AssistantIntentReader` and
/// answers with a call to one registry tool, then, once the tool's result is back, with a plain sentence written from
/// it. The agent loop around it is the same as online: a tool that changes something waits for the user's confirmation.
public struct OfflineAssistantModel: AgentModel {
    /// Why no model answered ("no_provider_configured", "all_providers_failed: …").
    public var reason: String

    public init(reason: String = "no_provider_configured") {
        self.reason = reason
    }

    public func complete(_ request: LLMRequest) async throws -> LLMResponse {
        respond(to: request)
    }

    /// The answer to `request` (pure).
    func respond(to request: LLMRequest) -> LLMResponse {
        let results = Array(request.messages.reversed().prefix { $0.role == .tool }.reversed())
        if !results.isEmpty {
            let language = LanguageDetector.language(of: request.lastUserText) ?? .french
            let calls = request.messages.last { $0.role == .assistant && !$0.toolCalls.isEmpty }?.toolCalls ?? []
            let text = results.map { result in
                OfflineReplies.reply(to: result, call: calls.first { $0.id == result.toolCallID }, language: language)
            }.joined(separator: "\n\n")
            return response(text)
        }
        let (plan, _) = OfflinePlanner.plan(request.lastUserText, offered: Set(request.tools.map(\.name)))
        switch plan {
        case .say(let text):
            return response(text)
        case .call(let tool, let arguments, let preface):
            let number = request.messages.reduce(0) { $0 + $1.toolCalls.count } + 1
            let call = LLMToolCall(id: "offline_\(number)", name: tool, arguments: arguments)
            return response(preface, calls: [call])
        }
    }

    func response(_ text: String, calls: [LLMToolCall] = []) -> LLMResponse {
        LLMResponse(
            text: text, toolCalls: calls, usage: TokenUsage(input: 0, output: 0), provider: OfflineProvider.name, model: Self.model,
            finishReason: calls.isEmpty ? .stop : .toolCalls, offlineReason: reason)
    }

    /// The model name in the turn's accounting.
    public static let model = "offline-intents-v1"
}
