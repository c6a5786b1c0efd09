import AsyncHTTPClient
import AutopilotCore
import Channels
import Foundation
import LLM
import Logging
import Storage

/// The language-model gateway as the engine uses it: built once by the composition root (`autopilot serve`, the CLI,
/// the tests) and carried in `Dependencies`. Every call is recorded in the store (`llm_calls`), each tenant's monthly
/// budget is read back from it, and the offline provider answers every feature deterministically when no key is set.
public struct AIServices: Sendable {
    public let gateway: LLMGateway

    public init(gateway: LLMGateway) {
        self.gateway = gateway
    }

    /// The providers a tenant's requests would try, in order; empty means every answer is written offline.
    public var providerNames: [String] { gateway.providerNames() }

    /// The gateway from environment variables (see docs/llm.md: `XAI_API_KEY`, `OPENAI_API_KEY`, `GEMINI_API_KEY`,
    /// `ANTHROPIC_API_KEY`, the `*_BASE_URL` overrides, `AUTOPILOT_LLM_BASE_URL`…); offline when no key is set.
    /// Throws `LLMError` (code `configuration`) naming the variable when a value is wrong.
    public static func fromEnvironment(
        _ environment: [String: String], store: any LLMCallStore, clock: any Clock, httpClient: HTTPClient = .shared,
        logger: Logger = Logger(label: "autopilot.llm")
    ) throws -> AIServices {
        let slack = environment["SLACK_WEBHOOK_URL"].flatMap { $0.isEmpty ? nil : SlackWebhook(url: $0) }
        let gateway = try LLMGateway.fromEnvironment(
            environment, httpClient: httpClient, recorder: StoreUsageRecorder(store: store, logger: logger, slack: slack),
            clock: EngineLLMClock(clock),
            offline: EngineOfflineResponders.provider, logger: logger)
        return AIServices(gateway: gateway)
    }

    /// The gateway from the environment for a command without a database (`autopilot qualify`): calls are accounted in
    /// memory only, and no monthly budget is read back.
    public static func transient(_ environment: [String: String], logger: Logger = Logger(label: "autopilot.llm")) throws -> AIServices {
        AIServices(
            gateway: try LLMGateway.fromEnvironment(
                environment, recorder: InMemoryUsageRecorder(), clock: EngineLLMClock(SystemClock()), offline: EngineOfflineResponders.provider,
                logger: logger))
    }

    /// No provider: every feature answers from its offline template. Calls are still recorded in the store.
    public static func offline(store: any LLMCallStore, clock: any Clock, logger: Logger = Logger(label: "autopilot.llm")) -> AIServices {
        let gateway = LLMGateway(
            configuration: GatewayConfiguration(providers: []), providers: [], recorder: StoreUsageRecorder(store: store, logger: logger),
            clock: EngineLLMClock(clock), offline: EngineOfflineResponders.provider, logger: logger)
        return AIServices(gateway: gateway)
    }
}
