import AutopilotCore
import Foundation
import LLM

/// Shared values for the tests.
enum Fixtures {
    static let schema: JSONValue = [
        "type": "object",
        "properties": [
            "subject": ["type": "string", "minLength": 3, "maxLength": 80],
            "body": ["type": "string"],
            "tone": ["type": "string", "enum": ["friendly", "formal"]],
            "score": ["type": "integer", "minimum": 0, "maximum": 10],
        ],
        "required": ["subject", "body", "tone", "score"],
        "additionalProperties": false,
    ]

    static let validAnswer: JSONValue = ["subject": "Your cart misses you", "body": "Come back.", "tone": "friendly", "score": 7]

    static let weatherTool = LLMTool(
        name: "lookup_order",
        description: "Finds an order by number.",
        parameters: ["type": "object", "properties": ["number": ["type": "string"]], "required": ["number"]])

    static func request(
        structured: Bool = false, tools: [LLMTool] = [], timeout: Duration = .seconds(5),
        feature: String = "test", tenant: String = "shop-1"
    ) -> LLMRequest {
        LLMRequest(
            system: "You write follow-up emails.",
            messages: [.user("Write a reminder for an abandoned cart")],
            structuredOutput: structured ? StructuredOutput(name: "email", schema: schema) : nil,
            tools: tools,
            temperature: 0.3,
            maxTokens: 300,
            timeout: timeout,
            feature: feature,
            tenant: tenant)
    }

    /// A conversation with a tool call and its result, to check how each format carries them.
    static func toolConversation() -> LLMRequest {
        var request = request(tools: [weatherTool])
        request.messages += [
            .assistant("", toolCalls: [LLMToolCall(id: "call_1", name: "lookup_order", arguments: ["number": "A-17"])]),
            .toolResult(callID: "call_1", name: "lookup_order", content: "{\"status\":\"shipped\"}"),
        ]
        return request
    }

    static func provider(_ kind: ProviderKind, baseURL: String, key: String? = "test-key", model: String? = nil) -> HTTPProvider {
        HTTPProvider(
            configuration: ProviderConfiguration(kind: kind, baseURL: baseURL, apiKey: key, model: model),
            transport: HTTPClientTransport())
    }

    static let now = Date(timeIntervalSince1970: 1_790_000_000)
}
