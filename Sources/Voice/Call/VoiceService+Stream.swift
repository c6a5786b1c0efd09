import AutopilotCore
import Engine
import Foundation
import HummingbirdWSClient
import Logging
import NIOWebSocket
import Storage
import Synchronization
import Tools

extension VoiceService {
    /// `wss://…/v1/voice/stream/{token}`: Twilio's Media Stream for a call `answer` connected. The `start` message's
    /// parameters must carry the tenant of the token and the call's key; the call is then bridged to the first provider
    /// that answers, and recorded when it ends. Returns what was recorded (nil for a stream that was refused).
    /// `observe` sees each input as it is read, `written` each message once its socket took it (the benchmark's timing).
    @discardableResult
    public func stream(
        token: String, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter,
        observe: (@Sendable (BridgeInput) -> Void)? = nil, written: (@Sendable (BridgeAction) -> Void)? = nil
    ) async -> VoiceCallRecord? {
        let logger = dependencies.logger
        guard let endpoint = try? await dependencies.store.webhookEndpoint(provider: "twilio", token: token), let log = try? self.log else {
            try? await outbound.close(.policyViolation, reason: "unknown voice endpoint")
            return nil
        }
        let tenantID = endpoint.tenantID
        let entered = Locked(false)
        let providers = settings.providers
        let tools = realtimeTools
        let offered = Set(tools.map(\.name))
        let shop = (try? await dependencies.store.tenants().first { $0.id == tenantID }?.name) ?? ""
        let callerName = Locked("phone")
        var session = CallSession(
            connector: RealtimeConnector(providers: providers, connectTimeout: settings.connectTimeout, logger: logger),
            configuration: { start, provider in
                let parameters = start.customParameters
                let language = parameters["language"].flatMap(VoiceLanguage.init(rawValue:)) ?? VoiceLanguage.of(phone: parameters["from"], locale: nil)
                let direction = parameters["direction"].flatMap(CallDirection.init(rawValue:)) ?? .inbound
                return RealtimeSessionConfiguration(
                    instructions: VoiceWording(language).instructions(shop: shop, direction: direction, purpose: parameters["purpose"]),
                    voice: provider.voice, tools: tools, transcriptionModel: provider.transcriptionModel, language: language.rawValue)
            },
            accept: { start in
                let parameters = start.customParameters
                guard parameters["tenant"] == tenantID, parameters["call"] == start.callSID || parameters["call"] == nil,
                    let key = parameters["key"],
                    StreamKey.verify(key, secret: endpoint.secret, tenantID: tenantID, callID: start.callSID, phone: parameters["from"] ?? "")
                else {
                    logger.warning("voice stream refused: its key does not match", metadata: ["call": "\(start.callSID)"])
                    return false
                }
                guard activeCalls.enter(tenantID, limit: max(1, settings.maximumConcurrentCalls)) else { return false }
                entered.withLock { $0 = true }
                callerName.withLock { $0 = "phone:" + (parameters["from"] ?? start.callSID) }
                return true
            },
            runTool: { name, arguments in
                guard offered.contains(name) else { return "There is no tool named \"\(name)\" on this call." }
                let parsed: JSONValue
                do { parsed = try JSONParser.parse(arguments.isEmpty ? "{}" : arguments) } catch {
                    return "The arguments are not JSON: \(error)"
                }
                let context = ToolContext(
                    tenantID: tenantID, dependencies: dependencies, caller: ToolCaller(kind: .visitor, name: callerName.withLock { $0 }),
                    settings: toolSettings)
                return await registry.call(name, arguments: parsed, context: context).text
            },
            clock: dependencies.clock, logger: logger)
        session.observe = observe
        session.written = written
        let outcome = await session.run(inbound: inbound, outbound: outbound)
        if entered.withLock({ $0 }) { activeCalls.leave(tenantID) }
        guard let start = outcome.start, entered.withLock({ $0 }) else { return nil }
        let parameters = start.customParameters
        let from = parameters["from"].flatMap { $0.isEmpty ? nil : $0 }
        let existing = try? await log.call(start.callSID, tenantID: tenantID)
        let call = CallAftermath.Call(
            tenantID: tenantID, callID: start.callSID, phone: from,
            direction: parameters["direction"].flatMap(CallDirection.init(rawValue:)) ?? .inbound,
            language: parameters["language"].flatMap(VoiceLanguage.init(rawValue:)) ?? VoiceLanguage.of(phone: from, locale: nil),
            provider: providers.first { $0.name == outcome.provider }, end: outcome.end ?? .completed,
            startedAt: existing?.startedAt ?? outcome.startedAt, endedAt: outcome.endedAt ?? dependencies.clock.now(), transcript: outcome.transcript,
            toolsUsed: outcome.toolsUsed)
        do {
            return try await aftermath(log).record(call)
        } catch {
            logger.error("voice call not recorded", metadata: ["call": "\(start.callSID)", "error": "\(String(reflecting: error))"])
            return nil
        }
    }
}
