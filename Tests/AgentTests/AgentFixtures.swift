import Agent
import AutopilotCore
import LLM
import Synchronization

/// Tools and toolboxes for the agent tests: a read-only lookup and a tool that changes something.
enum AgentFixtures {
    static let findContact = AgentTool(
        name: "find_contact", description: "Finds a contact by email.",
        inputSchema: [
            "type": "object", "properties": ["email": ["type": "string", "minLength": 3]], "required": ["email"],
            "additionalProperties": false,
        ],
        changesState: false)

    static let createDraft = AgentTool(
        name: "create_template_draft", description: "Creates a message template draft.",
        inputSchema: [
            "type": "object",
            "properties": ["purpose": ["type": "string"], "channel": ["type": "string", "enum": ["email", "sms"]]],
            "required": ["purpose", "channel"],
        ],
        changesState: true)

    static let contact: JSONValue = ["name": "Ana Lima", "email": "ana@example.com", "orders": 2]

    static func settings(maxSteps: Int = 8, timeout: Duration = .seconds(5)) -> AgentSettings {
        AgentSettings(
            system: "You are MAX, the shop's assistant.", feature: "assistant", tenant: "shop-1", maxSteps: maxSteps, maxTokens: 400,
            timeout: timeout, deadline: .seconds(20))
    }
}

/// A toolbox that answers `find_contact` and `create_template_draft` and keeps every call it ran.
final class RecordingToolbox: Sendable {
    private let calls = Mutex<[LLMToolCall]>([])
    let failure: String?

    init(failure: String? = nil) {
        self.failure = failure
    }

    var ran: [LLMToolCall] { calls.withLock { $0 } }

    var toolbox: AgentToolbox {
        AgentToolbox(tools: [AgentFixtures.findContact, AgentFixtures.createDraft]) { call in
            self.calls.withLock { $0.append(call) }
            if let failure = self.failure { throw ToolFailure(message: failure) }
            switch call.name {
            case "find_contact": return .success(AgentFixtures.contact)
            case "create_template_draft": return .success(["template_id": "tpl_1", "status": "draft"])
            default: return .failure("unexpected tool \(call.name)")
            }
        }
    }
}

struct ToolFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// A model that plays back scripted responses and keeps the requests it got.
final class ScriptedModel: AgentModel {
    private let state: Mutex<(responses: [LLMResponse], requests: [LLMRequest])>

    init(_ responses: [LLMResponse]) {
        state = Mutex((responses: responses, requests: []))
    }

    var requests: [LLMRequest] { state.withLock { $0.requests } }

    func complete(_ request: LLMRequest) async throws -> LLMResponse {
        state.withLock { state in
            state.requests.append(request)
            return state.responses.isEmpty ? Self.text("(script ended)") : state.responses.removeFirst()
        }
    }

    static func text(_ text: String) -> LLMResponse {
        LLMResponse(
            text: text, usage: TokenUsage(input: 10, output: 5), provider: "openai", model: "gpt-5.2", costUSD: 0.001, finishReason: .stop)
    }

    static func calls(_ calls: [LLMToolCall], text: String = "") -> LLMResponse {
        LLMResponse(
            text: text, toolCalls: calls, usage: TokenUsage(input: 10, output: 5), provider: "openai", model: "gpt-5.2", costUSD: 0.001,
            finishReason: .toolCalls)
    }
}
