import AutopilotCore
import Conversation
import Engine
import Foundation
import Logging
import Scoring
import Storage

extension ConversationService {
    /// Carries out a turn's effects; returns what the agent must add to its replies (a callback that could not be booked).
    func carryOut(_ effects: [ChatEffect], key: String, context: ChatContext) async throws -> [String] {
        var notes: [String] = []
        for effect in effects {
            switch effect {
            case .recordLead(let lead):
                try await record(lead, context: context)
            case .handOff(let request):
                do {
                    _ = try await capabilities.handOff.handOff(request, key: "chat:\(context.conversationID):handoff", context: context)
                } catch {
                    dependencies.logger.warning(
                        "hand-off notice failed", metadata: ["conversation": "\(context.conversationID)", "error": "\(error)"])
                }
            case .bookCallback(let request):
                let booked = (try? await capabilities.callbacks.book(request, key: key + ":callback", context: context)) ?? false
                if !booked { notes.append(ChatWording.of(request.language).callbackFailed) }
            }
        }
        return notes
    }

    /// The lead of this conversation (`chat-<conversation id>`) and its qualification, through the normal ingest path:
    /// `lead.qualified` starts the nurture flow and the CRM sync pushes it. The language model refines the dialogue's
    /// qualification when one is configured (the dialogue's explicit answers win).
    func record(_ lead: ChatLead, context: ChatContext) async throws {
        var qualification = lead.outcome.qualification
        var source = "chat"
        let transcript = lead.transcript.joined(separator: "\n")
        let providers = dependencies.ai.providerNames
        if !providers.isEmpty, !transcript.isEmpty,
            let refinement = try? await ModelLeadRefiner(gateway: dependencies.ai.gateway, tenantID: context.tenantID)
                .refine(transcript, rules: qualification.fields)
        {
            let merged = qualification.fields.merging(refinement, text: transcript)
            let refined = LeadScoreTable.qualification(of: merged, rates: .reference)
            if refined != qualification { source = "model:" + providers.joined(separator: ",") }
            qualification = refined
        }
        let leadID = "chat-" + context.conversationID
        let occurredAt = JSONValue.string(Timestamp.format(context.now))
        let message = String((lead.outcome.summary + "\n\n" + transcript).prefix(20_000))
        var qualified: JSONObject = [
            "lead_id": .string(leadID), "score": .int(Int64(qualification.score)), "tier": .string(qualification.tier.rawValue),
            "source": .string(source), "fit": .bool(qualification.fit), "engagement": .int(Int64(qualification.engagement)),
        ]
        if let timeline = qualification.timeline { qualified["timeline"] = .string(timeline.rawValue) }
        if let decisionMaker = qualification.decisionMaker { qualified["decision_maker"] = .bool(decisionMaker) }
        if let budget = qualification.budget {
            qualified["budget"] = [
                "amount": .double(budget.amount), "currency": .string(budget.currency.rawValue), "period": .string(budget.period.rawValue),
            ]
        }
        let contact = Self.contactIdentifiers(email: lead.email, phone: lead.phone)
        let events: [JSONValue] = [
            [
                "type": "lead.created", "occurred_at": occurredAt, "idempotency_key": .string("chat:\(context.conversationID):lead"),
                "contact": .object(contact),
                "properties": ["lead_id": .string(leadID), "message": .string(message), "source": "chat"],
            ],
            [
                "type": "lead.qualified", "occurred_at": occurredAt, "idempotency_key": .string("chat:\(context.conversationID):lead#qualified"),
                "contact": .object(contact), "properties": .object(qualified),
            ],
        ]
        _ = try await IngestPipeline(dependencies: dependencies).ingest(document: ["events": .array(events)], tenantID: context.tenantID)
    }

    /// Puts on the contact's timeline every message not there yet, once the visitor is known; returns the contact.
    func recordTimeline(conversation: ConversationRecord, state: inout ChatState, new: [ConversationMessageRecord], at now: Date) async throws
        -> String?
    {
        guard state.knowsContact else { return conversation.contactID }
        var messages = new
        if state.timelineSeq < conversation.lastSeq {
            let earlier = try await dependencies.store.conversationMessages(
                conversationID: conversation.id, tenantID: conversation.tenantID, afterSeq: state.timelineSeq, limit: 1000)
            messages = earlier.filter { $0.seq <= conversation.lastSeq } + new
        }
        let contact = Self.contactIdentifiers(email: state.email, phone: state.phone)
        let events: [JSONValue] = messages.map { message in
            let line = ConversationLine(conversationID: conversation.id, role: message.role, text: message.text)
            return [
                "type": "conversation.message", "occurred_at": .string(Timestamp.format(message.createdAt)),
                "idempotency_key": .string("chat:" + message.id), "contact": .object(contact), "properties": .object(line.properties),
            ]
        }
        for batch in stride(from: 0, to: events.count, by: 500) {
            let slice = Array(events[batch..<min(batch + 500, events.count)])
            _ = try await IngestPipeline(dependencies: dependencies).ingest(document: ["events": .array(slice)], tenantID: conversation.tenantID)
        }
        state.timelineSeq = new.last?.seq ?? state.timelineSeq
        if let contactID = conversation.contactID { return contactID }
        if let email = state.email, let id = try await dependencies.store.contactID(email: email, tenantID: conversation.tenantID) { return id }
        if let phone = state.phone { return try await dependencies.store.contactID(phone: phone, tenantID: conversation.tenantID) }
        return nil
    }

    /// The email when there is one, else the phone: one identifier, so that two of them never name two contacts.
    static func contactIdentifiers(email: String?, phone: String?) -> JSONObject {
        if let email { return ["email": .string(email)] }
        if let phone { return ["phone": .string(phone)] }
        return [:]
    }
}
