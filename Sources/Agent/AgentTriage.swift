import AutopilotCore
import LLM

/// What the agent does with one tool call the model asked for.
public enum AgentCallDecision: Sendable, Hashable {
    /// Run it now: the tool only reads.
    case run(LLMToolCall)
    /// Ask the user first: the tool changes something.
    case confirm(LLMToolCall)
    /// Do not run it; tell the model why (unknown tool, arguments that are not JSON or miss the schema).
    case reject(LLMToolCall, reason: String)

    /// The call decided on.
    public var call: LLMToolCall {
        switch self {
        case .run(let call), .confirm(let call), .reject(let call, _): call
        }
    }
}

/// The pure part of a step: which of the model's calls run, wait for the user, or go back as errors.
public enum AgentTriage {
    /// One decision per call, in the model's order.
    public static func decide(_ calls: [LLMToolCall], tools: [AgentTool]) -> [AgentCallDecision] {
        calls.map { decide($0, tools: tools) }
    }

    /// The decision for one call.
    public static func decide(_ call: LLMToolCall, tools: [AgentTool]) -> AgentCallDecision {
        guard let tool = tools.first(where: { $0.name == call.name }) else {
            let known = tools.map(\.name).joined(separator: ", ")
            return .reject(call, reason: "There is no tool named \"\(call.name)\". The tools are: \(known.isEmpty ? "none" : known).")
        }
        guard call.arguments.objectValue != nil else {
            let raw = call.arguments.stringValue ?? call.arguments.jsonString
            let excerpt = raw.count > 200 ? String(raw.prefix(200)) + "…" : raw
            return .reject(
                call,
                reason: "The arguments of \(call.name) are not a JSON object (received: \(excerpt)). "
                    + "Call it again with a JSON object that satisfies its schema.")
        }
        let violations = JSONSchemaValidator.violations(of: call.arguments, against: tool.inputSchema)
        guard violations.isEmpty else {
            let listed = violations.prefix(5).map(\.description).joined(separator: "; ")
            return .reject(call, reason: "The arguments of \(call.name) do not satisfy its schema: \(listed).")
        }
        return tool.changesState ? .confirm(call) : .run(call)
    }
}
