import AutopilotCore
import Engine
import Foundation
import Logging
import Scoring
import Storage

/// What happens once a call is over: the transcript on the contact's timeline, the caller's words qualified (BANT) into
/// a lead (`lead.created`, `lead.qualified`: the CRM sync and the nurture flow follow), the call's summary and cost
/// recorded (the cost beside the language-model costs), and — when no model could be reached — a callback task with
/// its SMS confirmation.
struct CallAftermath: Sendable {
    let dependencies: Dependencies
    let log: VoiceCallLog

    struct Call: Sendable {
        var tenantID: String
        var callID: String
        var phone: String?
        var direction: CallDirection
        var language: VoiceLanguage
        var provider: RealtimeProvider?
        var end: CallEnd
        var startedAt: Date
        var endedAt: Date
        var transcript: [TranscriptLine]
        var toolsUsed: [String]
    }

    func record(_ call: Call) async throws -> VoiceCallRecord {
        let seconds = max(0, Int((call.endedAt.timeIntervalSince(call.startedAt)).rounded(.up)))
        let cost = call.provider.map { Double(seconds) / 60 * $0.pricePerMinuteUSD } ?? 0
        let wording = VoiceWording(call.language)
        let conversationID = "call-" + call.callID
        let contact: JSONObject = call.phone.map { ["phone": .string($0)] } ?? [:]
        var events: [JSONValue] = []
        if !contact.isEmpty {
            for (index, line) in call.transcript.enumerated() {
                let role: ConversationLine.Role = line.speaker == .caller ? .visitor : .agent
                let properties = ConversationLine(conversationID: conversationID, role: role, text: String(line.text.prefix(4_000))).properties
                events.append([
                    "type": "conversation.message", "occurred_at": .string(Timestamp.format(call.startedAt.addingTimeInterval(Double(index) / 1000))),
                    "idempotency_key": .string("voice:\(call.callID):line:\(index)"), "contact": .object(contact), "properties": .object(properties),
                ])
            }
        }
        let summary = wording.summary(
            duration: seconds, callerLines: call.transcript.filter { $0.speaker == .caller }.count,
            agentLines: call.transcript.filter { $0.speaker == .agent }.count, tools: Array(Set(call.toolsUsed)).sorted())
        let callerWords = call.transcript.filter { $0.speaker == .caller }.map(\.text).joined(separator: "\n")
        var tier: String?
        if !contact.isEmpty, !callerWords.isEmpty {
            let qualification = try await LeadQualificationService(clock: dependencies.clock, ai: dependencies.ai, tenantID: call.tenantID)
                .qualify(text: String(callerWords.prefix(20_000)))
            tier = qualification.tier.rawValue
            events += leadEvents(call, qualification: qualification, summary: summary, contact: contact)
        }
        if !events.isEmpty {
            for batch in stride(from: 0, to: events.count, by: 500) {
                let slice = Array(events[batch..<min(batch + 500, events.count)])
                _ = try await IngestPipeline(dependencies: dependencies).ingest(document: ["events": .array(slice)], tenantID: call.tenantID)
            }
        }
        let contactID = try await call.phone.asyncMap { try await dependencies.store.contactID(phone: $0, tenantID: call.tenantID) } ?? nil
        let status: VoiceCallRecord.Status =
            switch call.end {
            case .completed: .completed
            case .unavailable: .unavailable
            case .providerLost: .providerLost
            }
        let record = VoiceCallRecord(
            tenantID: call.tenantID, callID: call.callID, contactID: contactID, phone: call.phone, direction: call.direction,
            provider: call.provider?.name, language: call.language, status: status, startedAt: call.startedAt, endedAt: call.endedAt,
            durationSeconds: seconds, costUSD: cost, transcript: call.transcript, summary: summary, leadTier: tier)
        try await log.save(record)
        if let provider = call.provider, seconds > 0 {
            try await dependencies.store.recordLLMCall(
                LLMCallRecord(
                    tenantID: call.tenantID, feature: "voice_call", provider: provider.name, model: "realtime", inputTokens: 0, outputTokens: 0,
                    costUSD: cost, latencyMilliseconds: Double(seconds) * 1000, outcome: "ok", httpStatus: nil, calledAt: call.startedAt))
        }
        if call.end != .completed { await bookCallback(call) }
        return record
    }

    private func leadEvents(_ call: Call, qualification: LeadQualification, summary: String, contact: JSONObject) -> [JSONValue] {
        let leadID = "call-" + call.callID
        let occurredAt = JSONValue.string(Timestamp.format(call.endedAt))
        var qualified: JSONObject = [
            "lead_id": .string(leadID), "score": .int(Int64(qualification.score)), "tier": .string(qualification.tier.rawValue),
            "source": "voice", "fit": .bool(qualification.fit), "engagement": .int(Int64(qualification.engagement)),
        ]
        if let timeline = qualification.timeline { qualified["timeline"] = .string(timeline.rawValue) }
        if let decisionMaker = qualification.decisionMaker { qualified["decision_maker"] = .bool(decisionMaker) }
        if let budget = qualification.budget {
            qualified["budget"] = [
                "amount": .double(budget.amount), "currency": .string(budget.currency.rawValue), "period": .string(budget.period.rawValue),
            ]
        }
        let transcript = call.transcript.map { ($0.speaker == .caller ? "> " : "< ") + $0.text }.joined(separator: "\n")
        return [
            [
                "type": "lead.created", "occurred_at": occurredAt, "idempotency_key": .string("voice:\(call.callID):lead"), "contact": .object(contact),
                "properties": ["lead_id": .string(leadID), "message": .string(String((summary + "\n\n" + transcript).prefix(20_000))), "source": "voice"],
            ],
            [
                "type": "lead.qualified", "occurred_at": occurredAt, "idempotency_key": .string("voice:\(call.callID):lead#qualified"),
                "contact": .object(contact), "properties": .object(qualified),
            ],
        ]
    }

    /// The next free callback slot, booked for the caller with its SMS confirmation (nothing without a number).
    func bookCallback(_ call: Call) async {
        guard let phone = call.phone else { return }
        let service = CallbackService(dependencies: dependencies)
        do {
            guard let slot = try await service.slots(tenantID: call.tenantID, count: 1).first else { return }
            let note = call.language == .french ? "Appel vocal : l'assistant n'était pas disponible." : "Voice call: the assistant was not available."
            _ = try await service.schedule(
                CallbackRequest(
                    contact: TaskContact(phone: phone), start: slot.start, note: note, language: call.language.rawValue, conversationID: nil,
                    createdBy: "voice", idempotencyKey: "voice:\(call.callID):callback"), tenantID: call.tenantID)
        } catch {
            dependencies.logger.warning("voice callback not booked", metadata: ["call": "\(call.callID)", "error": "\(error)"])
        }
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
