import AutopilotCore
import Engine
import Flows
import Foundation
import Storage

/// Places a call to a contact through Twilio's Calls API, with the same stream TwiML as an inbound call (Twilio asks
/// `POST /v1/voice/twilio/{token}` when the person answers) — once the consent, calling hours and the call cap allow it
/// (`OutboundCallPolicy`). Every request is a row of `voice_calls` (`out-<idempotency key>`): written before Twilio is
/// asked, so a crash or a retry never places a second call; then `placed` with Twilio's call id, `failed`, or `refused`
/// with its reason.
public struct OutboundCalls: Sendable {
    public let dependencies: Dependencies
    public let settings: VoiceSettings
    public let sending: SmartSendingSettings

    public init(dependencies: Dependencies, settings: VoiceSettings, sending: SmartSendingSettings) {
        self.dependencies = dependencies
        self.settings = settings
        self.sending = sending
    }

    /// Who to call and why.
    public struct Request: Sendable {
        public var contactID: String?
        public var email: String?
        public var phone: String?
        public var purpose: String
        public var idempotencyKey: String
        /// When the call was first due (a flow step); nil: now.
        public var dueAt: Date?

        public init(contactID: String? = nil, email: String? = nil, phone: String? = nil, purpose: String, idempotencyKey: String, dueAt: Date? = nil) {
            self.contactID = contactID
            self.email = email
            self.phone = phone
            self.purpose = purpose
            self.idempotencyKey = idempotencyKey
            self.dueAt = dueAt
        }
    }

    /// What became of a request: a row of `voice_calls`, or (when deferring is allowed) not now.
    public enum Placement: Sendable, Hashable {
        case recorded(VoiceCallRecord)
        case deferred(until: Date, OutboundCallPolicy.Refusal)
    }

    /// Places the call now or refuses it (a call that would be allowed later is refused, saying when).
    public func place(_ request: Request, tenantID: String) async throws -> VoiceCallRecord {
        switch try await place(request, tenantID: tenantID, deferring: false) {
        case .recorded(let record): return record
        case .deferred: preconditionFailure("not deferring")
        }
    }

    /// Places the call, refuses it, or — with `deferring` — puts it off until the rules allow it (nothing recorded then).
    public func place(_ request: Request, tenantID: String, deferring: Bool) async throws -> Placement {
        guard let log = VoiceCallLog(store: dependencies.store) else {
            throw ConfigurationError(variable: "DATABASE_URL", reason: "the voice agent needs the SQL store (SQLite or PostgreSQL)")
        }
        let recordID = "out-" + request.idempotencyKey
        if let existing = try await log.call(recordID, tenantID: tenantID) { return .recorded(existing) }
        let store = dependencies.store
        var contactID = request.contactID
        if contactID == nil, let email = request.email { contactID = try await store.contactID(email: email, tenantID: tenantID) }
        if contactID == nil, let phone = request.phone { contactID = try await store.contactID(phone: phone, tenantID: tenantID) }
        guard let contactID, let contact = try await store.contacts(ids: [contactID], tenantID: tenantID)[contactID] else {
            throw ValidationError(code: "contact_not_found", field: request.email != nil ? "email" : request.phone != nil ? "phone" : "contact_id",
                message: "no contact of this shop matches")
        }
        let language = VoiceLanguage.of(phone: contact.phone, locale: contact.locale)
        let now = dependencies.clock.now()
        var rules = sending
        rules.timeZone = try await TenantService(dependencies: dependencies).timeZone(tenantID: tenantID).identifier
        let recent = try await contact.phone.asyncMap {
            try await log.outboundStarts(
                tenantID: tenantID, phone: $0, from: now.addingTimeInterval(-settings.outboundCapHours * 3_600), to: now.addingTimeInterval(1))
        } ?? []
        let policy = OutboundCallPolicy(sending: rules, maximumCalls: settings.outboundCallsPerContact, capHours: settings.outboundCapHours)
        var record = VoiceCallRecord(
            tenantID: tenantID, callID: recordID, contactID: contactID, phone: contact.phone, direction: .outbound, language: language,
            status: .refused, startedAt: now, endedAt: now, summary: request.purpose)
        let facts = RecipientFacts(contact: contact, unsubscribed: DeliveryPlanner.unsubscribes(contact))
        switch policy.decide(contact: facts, recentCalls: recent, dueAt: request.dueAt, now: now) {
        case .call:
            break
        case .later(let until, let refusal):
            if deferring { return .deferred(until: until, refusal) }
            record.reason = refusal.recorded + " (allowed from \(Timestamp.format(until)))"
            return .recorded(try await log.insertIfAbsent(record))
        case .never(let refusal):
            record.reason = refusal.recorded
            return .recorded(try await log.insertIfAbsent(record))
        }
        guard let twilio = settings.twilio, let base = settings.publicBaseURL,
            let endpoint = try await store.webhookEndpoints(tenantID: tenantID).first(where: { $0.provider == "twilio" })
        else {
            record.reason = "not_configured: placing calls needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_VOICE_FROM, AUTOPILOT_PUBLIC_URL "
                + "and the shop's Twilio webhook token (autopilot webhooks add twilio)"
            return .recorded(try await log.insertIfAbsent(record))
        }
        // The intent first: whatever happens next (a crash while Twilio answers), this key never asks Twilio again.
        var intent = record
        intent.status = .inProgress
        intent.reason = "placing"
        intent.endedAt = nil
        let written = try await log.insertIfAbsent(intent)
        guard written == intent else { return .recorded(written) }
        var query = URLComponents()
        query.queryItems = [URLQueryItem(name: "purpose", value: String(request.purpose.prefix(300)))]
        let answerURL = base + "/v1/voice/twilio/" + endpoint.token + (query.percentEncodedQuery.map { "?" + $0 } ?? "")
        do {
            let created = try await TwilioCallsClient(settings: twilio).create(to: contact.phone ?? "", answerURL: answerURL)
            record.status = .placed
            record.reason = "twilio:" + created.sid
        } catch {
            record.status = .failed
            record.reason = "\(error)"
        }
        try await log.save(record)
        return .recorded(record)
    }
}

/// The calls of flow steps (`call:`), for the worker: `FlowEngineSettings.calls`.
public struct FlowCalls: OutboundCalling {
    public let settings: VoiceSettings
    public let sending: SmartSendingSettings

    public init(settings: VoiceSettings, sending: SmartSendingSettings) {
        self.settings = settings
        self.sending = sending
    }

    public func placeCall(_ request: OutboundCallRequest, dependencies: Dependencies) async -> OutboundCallAttempt {
        let calls = OutboundCalls(dependencies: dependencies, settings: settings, sending: sending)
        do {
            let placement = try await calls.place(
                OutboundCalls.Request(contactID: request.contactID, purpose: request.purpose, idempotencyKey: request.idempotencyKey, dueAt: request.dueAt),
                tenantID: request.tenantID, deferring: true)
            switch placement {
            case .deferred(let until, let refusal):
                return .deferred(until: until, reason: refusal.rawValue)
            case .recorded(let record):
                switch record.status {
                case .refused: return .refused(reason: record.reason ?? "refused")
                case .failed: return .failed(reason: record.reason ?? "failed")
                default: return .placed(callID: record.callID)
                }
            }
        } catch {
            return .failed(reason: "\(error)")
        }
    }
}
