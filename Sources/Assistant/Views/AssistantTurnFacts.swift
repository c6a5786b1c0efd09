import Agent
import AutopilotCore
import LLM

/// What a reply records besides its text: whether a model answered (online) or the offline reader, each model call's
/// provider, model, cost and tokens, each tool run, and the drafts it proposed. Kept as the message's `details` JSON.
public struct AssistantTurnFacts: Sendable, Hashable {
    public struct ModelCall: Sendable, Hashable {
        public var provider: String
        public var model: String
        public var costUSD: Double
        public var inputTokens: Int
        public var outputTokens: Int
        /// Attempts that failed before this answer, as `provider:code`.
        public var failures: [String]
        public var offlineReason: String?
    }

    public struct ToolRun: Sendable, Hashable {
        public var callID: String
        public var tool: String
        public var status: String
    }

    public var modelCalls: [ModelCall]
    public var toolRuns: [ToolRun]
    public var draftIDs: [String]

    /// `online` when a language model wrote any part of the reply, else `offline`.
    public var mode: String { modelCalls.contains { $0.provider != "offline" } ? "online" : "offline" }
    public var costUSD: Double { modelCalls.reduce(0) { $0 + $1.costUSD } }

    init(_ turn: AgentTurn, drafts: [String]) {
        modelCalls = turn.modelCalls.map {
            ModelCall(
                provider: $0.provider, model: $0.model, costUSD: $0.costUSD, inputTokens: $0.usage.input, outputTokens: $0.usage.output,
                failures: $0.failures, offlineReason: $0.offlineReason)
        }
        toolRuns = turn.toolRuns.map { ToolRun(callID: $0.call.id, tool: $0.call.name, status: $0.status.rawValue) }
        draftIDs = drafts
    }

    init(json: JSONValue) {
        modelCalls = (json["model_calls"]?.arrayValue ?? []).map { call in
            ModelCall(
                provider: call["provider"]?.stringValue ?? "", model: call["model"]?.stringValue ?? "", costUSD: call["cost_usd"]?.doubleValue ?? 0,
                inputTokens: Int(call["input_tokens"]?.intValue ?? 0), outputTokens: Int(call["output_tokens"]?.intValue ?? 0),
                failures: call["failures"]?.arrayValue?.compactMap(\.stringValue) ?? [], offlineReason: call["offline_reason"]?.stringValue)
        }
        toolRuns = (json["tool_runs"]?.arrayValue ?? []).map { run in
            ToolRun(callID: run["call_id"]?.stringValue ?? "", tool: run["tool"]?.stringValue ?? "", status: run["status"]?.stringValue ?? "")
        }
        draftIDs = json["draft_ids"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    public var json: JSONValue {
        [
            "mode": .string(mode), "cost_usd": .double(costUSD),
            "model_calls": .array(
                modelCalls.map { call in
                    [
                        "provider": .string(call.provider), "model": .string(call.model), "cost_usd": .double(call.costUSD),
                        "input_tokens": .int(Int64(call.inputTokens)), "output_tokens": .int(Int64(call.outputTokens)),
                        "failures": .array(call.failures.map(JSONValue.string)), "offline_reason": call.offlineReason.map(JSONValue.string) ?? .null,
                    ]
                }),
            "tool_runs": .array(
                toolRuns.map { ["call_id": .string($0.callID), "tool": .string($0.tool), "status": .string($0.status)] }),
            "draft_ids": .array(draftIDs.map(JSONValue.string)),
        ]
    }
}
