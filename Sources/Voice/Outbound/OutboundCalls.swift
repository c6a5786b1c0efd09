import AutopilotCore
import Engine
import Flows
import Foundation
import Storage

/// Places a call to a contact through Twilio's Calls API, with the same stream TwiML as an inbound call (Twilio asks
/// `POST /v1/voice/twilio/{token}` when the person answers) — once the consent, calling hours and the frequency cap
/// allow it. Every request is recorded in `voice_calls`: `placed` with Twilio's call id, or `refused` with its reason.
/// The same idempotency key gives the same answer and places nothing more.
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

        public init(contactID: String? = nil, email: String? = nil, phone: String? = nil, purpose: String, idempotencyKey: String) {
            self.contactID = contactID
            self.email = email
            self.phone = phone
            self.purpose = purpose
            self.idempotencyKey = idempotencyKey
        }
    }

    public func place(_ request: Request, tenantID: String) async throws -> VoiceCallRecord {
        guard let log = VoiceCallLog(store: dependencies.store) else {
            throw ConfigurationError(variable: "DATABASE_URL", reason: "the voice agent needs the SQL store (SQLite or PostgreSQL)")
        }
        let recordID = "out-" + request.idempotencyKey
        if let existing = try await log.call(recordID, tenantID: tenantID) { return existing }
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
        let tenantZone = try await TenantService(dependencies: dependencies).timeZone(tenantID: tenantID)
        let zone = contact.timezone.flatMap(TimeZone.init(identifier:)) ?? tenantZone
        let recent = try await contact.phone.asyncMap {
            try await log.outboundCount(tenantID: tenantID, phone: $0, from: now.addingTimeInterval(-settings.outboundCapHours * 3_600), to: now.addingTimeInterval(1))
        } ?? 0
        let policy = OutboundCallPolicy(sending: sending, maximumCalls: settings.outboundCallsPerContact, capHours: settings.outboundCapHours)
        var record = VoiceCallRecord(
            tenantID: tenantID, callID: recordID, contactID: contactID, phone: contact.phone, direction: .outbound, language: language,
            status: .refused, startedAt: now, endedAt: now, summary: request.purpose)
        if let refusal = policy.refusal(phone: contact.phone, consent: contact.consents[.sms]?.granted, timeZone: zone, now: now, recentCalls: recent) {
            record.reason = refusal.rawValue + ": " + refusal.text(.english)
            try await log.save(record)
            return record
        }
        guard let twilio = settings.twilio, let base = settings.publicBaseURL,
            let endpoint = try await store.webhookEndpoints(tenantID: tenantID).first(where: { $0.provider == "twilio" })
        else {
            record.reason = "not_configured: placing calls needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_VOICE_FROM, AUTOPILOT_PUBLIC_URL "
                + "and the shop's Twilio webhook token (autopilot webhooks add twilio)"
            try await log.save(record)
            return record
        }
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
        return record
    }
}
