import AutopilotCore
import Foundation
import Storage

/// A transactional message to one contact outside any flow — a callback's confirmation, a payment link — queued in the
/// outbox like every message, so the dispatcher still applies consent, unsubscribes, bounces and sending windows, and
/// renders the tenant's version of the template. Queued once per key: the same key gives the same message id.
struct TransactionalMessage: Sendable {
    var contactID: String
    var key: String
    var channel: Channel
    var template: String
    var step: String
    var context: JSONObject

    func queue(store: any AutopilotStore, tenantID: String, now: Date) async throws -> QueuedMessage {
        let id = FlowRunChanges.messageID(tenantID: tenantID, key: key)
        let message = OutboxRecord(
            id: id, tenantID: tenantID, idempotencyKey: key, contactID: contactID, runID: nil, flowID: nil, step: step, channel: channel,
            template: template, purpose: .transactional, options: MessageOptions(context: context), scheduledAt: now, nextAttemptAt: now,
            createdAt: now, updatedAt: now)
        try await store.changeRuns(tenantID: tenantID, contactIDs: [contactID]) { _, _ in (FlowChanges(messages: [message]), ()) }
        return QueuedMessage(messageID: id, channel: channel.rawValue, template: template)
    }
}

/// A message queued for a contact: its id (the outbox's), channel and template.
public struct QueuedMessage: Sendable, Equatable, Encodable {
    public var messageID: String
    public var channel: String
    public var template: String

    enum CodingKeys: String, CodingKey {
        case channel, template
        case messageID = "message_id"
    }
}

extension TaskContact {
    /// The stored contact for these details, made through the event pipeline (`contact.updated`) when the tenant does
    /// not know them yet, so it is projected like any other contact. Nil without an email or a phone.
    func ensureContact(dependencies: Dependencies, tenantID: String, locale: String?, key: String) async throws -> ContactRecord? {
        let resolved = try await resolved(store: dependencies.store, tenantID: tenantID)
        if let record = resolved.record { return record }
        let contact = resolved.contact
        guard contact.email != nil || contact.phone != nil else { return nil }
        var profile = ContactProfile()
        if let name = contact.name {
            let words = name.split(separator: " ", maxSplits: 1).map(String.init)
            profile.firstName = words.first
            profile.lastName = words.count > 1 ? words[1] : nil
        }
        profile.locale = locale
        var properties: JSONObject = [:]
        properties["first_name"] = profile.firstName.map(JSONValue.string)
        properties["last_name"] = profile.lastName.map(JSONValue.string)
        properties["locale"] = locale.map(JSONValue.string)
        let event = IncomingEvent(
            type: .contactUpdated, occurredAt: dependencies.clock.now(), idempotencyKey: key,
            contact: ContactIdentifiers(email: contact.email, phone: contact.phone), payload: .contactProfile(profile), properties: properties)
        _ = try await IngestPipeline(dependencies: dependencies).record([event], tenantID: tenantID)
        guard let id = try await dependencies.store.contactID(email: contact.email, phone: contact.phone, tenantID: tenantID) else { return nil }
        return try await dependencies.store.contacts(ids: [id], tenantID: tenantID)[id]
    }
}
