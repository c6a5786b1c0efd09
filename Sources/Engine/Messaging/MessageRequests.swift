import AutopilotCore
import Flows
import Foundation
import Storage

/// Sends one message to one contact on a person's request: checks the template is approved and the contact may
/// receive it now (consent, unsubscribes, address, frequency cap, sending hours, as the smart-sending policy says), then
/// queues it in the outbox like a flow's message, where the dispatcher checks the policy again when it sends.
/// A refusal (`MessageRefusal`) says why and queues nothing.
public struct MessageRequests: Sendable {
    public let dependencies: Dependencies
    public let tenantID: String
    public let sendingRules: SmartSendingSettings

    public init(dependencies: Dependencies, tenantID: String, sendingRules: SmartSendingSettings = SmartSendingSettings()) {
        self.dependencies = dependencies
        self.tenantID = tenantID
        self.sendingRules = sendingRules
    }

    public func send(_ request: MessageRequest) async throws -> MessageRequestReceipt {
        let store = dependencies.store
        guard let contact = try await store.contacts(ids: [request.contactID], tenantID: tenantID)[request.contactID] else {
            throw NotFoundError(what: "contact \(request.contactID)")
        }
        let template = try await approvedTemplate(named: request.template)
        let now = dependencies.clock.now()
        let policy = try SmartSendingPolicy(settings: sendingRules)
        let decision = policy.decide(
            OutgoingMessageFacts(channel: template.channel, purpose: template.purpose, scheduledAt: now),
            contact: RecipientFacts(contact: contact, unsubscribed: DeliveryPlanner.unsubscribes(contact)),
            history: RecentSends(try await recentSends(contactID: contact.id, now: now)), now: now)
        if case .skip(let reason) = decision {
            throw MessageRefusal(reason: reason.code, explanation: reason.text(in: SendingLanguage(locale: contact.locale)))
        }
        let key = "message-request:" + (request.idempotencyKey ?? dependencies.ids.make("mr"))
        let id = FlowRunChanges.messageID(tenantID: tenantID, key: key)
        let message = OutboxRecord(
            id: id, tenantID: tenantID, idempotencyKey: key, contactID: contact.id, runID: nil, flowID: nil, step: "request:" + request.requestedBy,
            channel: template.channel, template: template.name, purpose: template.purpose, options: MessageOptions(context: request.context),
            scheduledAt: now, nextAttemptAt: now, createdAt: now, updatedAt: now)
        try await store.changeRuns(tenantID: tenantID, contactIDs: [contact.id]) { _, _ in (FlowChanges(messages: [message]), ()) }
        var receipt = MessageRequestReceipt(
            messageID: id, status: "queued", template: template.name, channel: template.channel.rawValue, purpose: template.purpose.rawValue)
        if case .defer(let until, let reason) = decision {
            receipt.status = "held"
            receipt.sendsAt = Timestamp.format(until)
            receipt.heldBy = reason.code
            receipt.heldBecause = reason.text(in: SendingLanguage(locale: contact.locale))
        }
        return receipt
    }

    /// The version flows would send: the tenant's active one, else the built-in one. A name with drafts only is refused.
    private func approvedTemplate(named name: String) async throws -> MessageTemplate {
        let resolved = try await TemplateResolver(store: dependencies.store, builtIn: (try? TemplateLibrary.builtIn) ?? []).load(tenantIDs: [tenantID]
        )
        if let template = resolved.template(named: name, tenantID: tenantID), template.status == .active { return template }
        guard try await dependencies.store.templateVersions(name: name, tenantID: tenantID).isEmpty else {
            throw MessageRefusal(
                reason: "template_not_active", explanation: "the template \(name) has no active version; a person must review and activate it first")
        }
        throw NotFoundError(what: "template \(name)")
    }

    /// What went to the contact in the last week, for the frequency cap.
    private func recentSends(contactID: String, now: Date) async throws -> [RecentSends.Entry] {
        try await dependencies.store.recentSends(contactID: contactID, since: now.addingTimeInterval(-7 * 86_400), tenantID: tenantID).map {
            RecentSends.Entry(channel: $0.channel, purpose: $0.purpose, sentAt: $0.sentAt)
        }
    }
}
