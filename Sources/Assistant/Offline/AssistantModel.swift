import Agent
import LLM

/// MAX's model: the gateway (providers in order, failover, accounting), and when the gateway could only answer offline
/// — no key configured, the budget spent, every provider failing — the offline assistant, which still calls the tools.
public struct AssistantModel: AgentModel {
    public let gateway: any AgentModel

    public init(gateway: any AgentModel) {
        self.gateway = gateway
    }

    public func complete(_ request: LLMRequest) async throws -> LLMResponse {
        let answer = try await gateway.complete(request)
        guard answer.provider == OfflineProvider.name else { return answer }
        var offline = OfflineAssistantModel(reason: answer.offlineReason ?? "no_provider_configured").respond(to: request)
        offline.failures = answer.failures
        offline.latency = answer.latency
        return offline
    }
}
