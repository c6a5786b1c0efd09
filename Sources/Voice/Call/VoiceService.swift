import AutopilotCore
import Engine
import Foundation
import HummingbirdWSClient
import Integrations
import Logging
import Storage
import Synchronization
import Tools

/// The voice agent's operations, over the tenant's Twilio webhook token (`autopilot webhooks add twilio --secret …`):
/// answer a call with the stream's TwiML, bridge the stream to a realtime model on the registry's tools, and record
/// the call once it is over.
public struct VoiceService: Sendable {
    public let dependencies: Dependencies
    public let settings: VoiceSettings
    public let registry: ToolRegistry
    public let toolSettings: ToolSettings
    public let activeCalls: ActiveCalls

    public init(
        dependencies: Dependencies, settings: VoiceSettings, registry: ToolRegistry = ToolRegistry(), toolSettings: ToolSettings = ToolSettings(),
        activeCalls: ActiveCalls = ActiveCalls()
    ) {
        self.dependencies = dependencies
        self.settings = settings
        self.registry = registry
        self.toolSettings = toolSettings
        self.activeCalls = activeCalls
    }

    var log: VoiceCallLog {
        get throws {
            guard let log = VoiceCallLog(store: dependencies.store) else {
                throw ConfigurationError(variable: "DATABASE_URL", reason: "the voice agent needs the SQL store (SQLite or PostgreSQL)")
            }
            return log
        }
    }

    /// `POST /v1/voice/twilio/{token}`: Twilio's voice webhook. Checks `X-Twilio-Signature` over `url` and the form
    /// body, then answers TwiML: the bidirectional stream to `streamURL` with the caller's number, the tenant, the call
    /// and its key as parameters — or, over a limit or with no provider configured, the apology (a callback is booked).
    public func answer(token: String, url: String, body: [UInt8], signature: String?, streamURL: String) async throws -> String {
        guard let endpoint = try await dependencies.store.webhookEndpoint(provider: "twilio", token: token) else {
            throw NotFoundError(what: "voice endpoint")
        }
        guard let form = FormBody(body) else {
            throw ValidationError(code: "invalid_voice_webhook", field: "body", message: "is not application/x-www-form-urlencoded UTF-8")
        }
        try TwilioSignature(authToken: endpoint.secret).verify(url: url, parameters: form.pairs, signature: signature)
        func field(_ name: String) -> String? { form.pairs.first { $0.name == name }?.value.trimmingCharacters(in: .whitespaces) }
        guard let callID = field("CallSid"), !callID.isEmpty else {
            throw ValidationError(code: "invalid_voice_webhook", field: "CallSid", message: "is required")
        }
        let outbound = field("Direction")?.hasPrefix("outbound") == true
        // Inbound: the caller is From; outbound (a call we placed): the person called is To.
        let phone = (outbound ? field("To") : field("From")).flatMap { $0.isEmpty ? nil : $0 }
        let tenantID = endpoint.tenantID
        let language = try await language(phone: phone, tenantID: tenantID)
        let wording = VoiceWording(language)
        let now = dependencies.clock.now()
        let log = try self.log
        if let refusal = try await refusal(tenantID: tenantID, now: now, log: log) {
            let record = VoiceCallRecord(
                tenantID: tenantID, callID: callID, phone: phone, direction: outbound ? .outbound : .inbound, language: language,
                status: refusal.status, reason: refusal.reason, startedAt: now, endedAt: now)
            try await log.save(record)
            await aftermath(log).bookCallback(
                CallAftermath.Call(
                    tenantID: tenantID, callID: callID, phone: phone, direction: record.direction, language: language, provider: nil, end: .unavailable,
                    startedAt: now, endedAt: now, transcript: [], toolsUsed: []))
            return TwiML.apology(wording)
        }
        var parameters: [(String, String)] = [
            ("tenant", tenantID), ("call", callID), ("from", phone ?? ""), ("language", language.rawValue),
            ("direction", outbound ? "outbound" : "inbound"),
        ]
        if outbound, let purpose = field("purpose") ?? URLComponents(string: url)?.queryItems?.first(where: { $0.name == "purpose" })?.value {
            parameters.append(("purpose", purpose))
        }
        parameters.append(("key", StreamKey.make(secret: endpoint.secret, tenantID: tenantID, callID: callID, phone: phone ?? "")))
        if try await log.call(callID, tenantID: tenantID) == nil {
            try await log.save(
                VoiceCallRecord(
                    tenantID: tenantID, callID: callID, phone: phone, direction: outbound ? .outbound : .inbound, language: language,
                    status: .inProgress, startedAt: now))
        }
        return TwiML.connectStream(url: streamURL, parameters: parameters, apology: wording)
    }

    /// Why a call cannot be bridged now: no provider, too many calls at once, the month's minutes used up.
    func refusal(tenantID: String, now: Date, log: VoiceCallLog) async throws -> (status: VoiceCallRecord.Status, reason: String)? {
        if settings.providers.isEmpty { return (.unavailable, "no realtime voice provider is configured (XAI_API_KEY, OPENAI_API_KEY)") }
        if activeCalls.count(tenantID) >= settings.maximumConcurrentCalls {
            return (.refused, "\(settings.maximumConcurrentCalls) calls are already under way (VOICE_MAX_CONCURRENT_CALLS)")
        }
        let month = VoiceMonth(containing: now)
        let used = try await log.seconds(tenantID: tenantID, from: month.start, to: month.end)
        if used >= settings.maximumMinutesPerMonth * 60 {
            return (.refused, "the \(settings.maximumMinutesPerMonth) minutes of this month are used (VOICE_MAX_MINUTES_PER_MONTH)")
        }
        return nil
    }

    /// The contact's language when the number is known, else the number's country.
    func language(phone: String?, tenantID: String) async throws -> VoiceLanguage {
        guard let phone else { return .english }
        var locale: String?
        if let id = try await dependencies.store.contactID(phone: phone, tenantID: tenantID) {
            locale = try await dependencies.store.contacts(ids: [id], tenantID: tenantID)[id]?.locale
        }
        return VoiceLanguage.of(phone: phone, locale: locale)
    }

    func aftermath(_ log: VoiceCallLog) -> CallAftermath { CallAftermath(dependencies: dependencies, log: log) }

    /// The tools offered on a call, as the model is told about them.
    var realtimeTools: [RealtimeTool] {
        settings.toolNames.compactMap { registry.tool(named: $0) }.map {
            RealtimeTool(name: $0.name, description: $0.description, parameters: $0.inputSchema)
        }
    }
}

/// The calendar month (UTC) the minute limit counts in.
struct VoiceMonth {
    let start: Date
    let end: Date

    init(containing date: Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = calendar.dateComponents([.year, .month], from: date)
        start = calendar.date(from: components)!
        end = calendar.date(byAdding: .month, value: 1, to: start)!
    }
}
