import AutopilotCore
import Foundation
import Integrations
import Storage

/// Turns the events a CRM syncs into outbox rows, purely: `lead.qualified` → the contact (with the lead's score and tier and
/// company) and an open deal `lead:<lead id>`; `order.placed` → the contact and a won deal `order:<order id>` with the order's
/// total. Contacts are keyed by email; a contact without one is not synced (CRMs match people by email).
public struct CRMPlanner: Sendable {
    public let crm: CRMProvider
    public let now: Date

    public init(crm: CRMProvider, now: Date) {
        self.crm = crm
        self.now = now
    }

    public func records(_ batch: CRMEventBatch) -> [CRMOutboxRecord] {
        var records: [CRMOutboxRecord] = []
        for (_, event) in batch.events {
            guard let contactID = event.contactID, let person = batch.contacts[contactID], let email = person.email, !email.isEmpty else { continue }
            var contact = CRMContact(email: email, firstName: person.firstName, lastName: person.lastName, phone: person.phone)
            let deal: CRMDeal
            switch event.type {
            case .leadQualified:
                // A qualification without a lead id (from outside) is about the contact's latest lead.
                let leadID = event.properties["lead_id"]?.stringValue ?? batch.contactLeads[contactID]
                contact.company = leadID.flatMap { batch.leadCompanies[$0] } ?? batch.contactCompanies[contactID]
                contact.leadScore = Self.score(event.properties["score"])
                contact.leadTier = event.properties["tier"]?.stringValue
                deal = CRMDeal(
                    key: leadID.map { "lead:" + $0 } ?? "contact:" + contactID, title: "Lead: " + (contact.company ?? contact.displayName),
                    stage: .lead,
                    contactEmail: email,
                    leadScore: contact.leadScore, leadTier: contact.leadTier, occurredAt: event.occurredAt)
            case .orderPlaced:
                let orderID = event.properties["order_id"]?.stringValue ?? event.properties["order_id"]?.intValue.map(String.init) ?? event.id
                deal = CRMDeal(
                    key: "order:" + orderID, title: "Order \(orderID)", stage: .won, contactEmail: email,
                    amount: event.properties["total"]?.doubleValue,
                    currency: event.properties["currency"]?.stringValue, occurredAt: event.occurredAt)
            default:
                continue
            }
            var payload = contact.json
            payload["occurred_at"] = .string(Timestamp.format(event.occurredAt))
            records.append(row(.contact, key: contact.email, event: event, payload: payload, tenantID: batch.tenantID))
            records.append(row(.deal, key: deal.key, event: event, payload: deal.json, tenantID: batch.tenantID))
        }
        return records
    }

    private func row(_ kind: CRMRecordKind, key: String, event: EventRecord, payload: JSONObject, tenantID: String) -> CRMOutboxRecord {
        CRMOutboxRecord(
            tenantID: tenantID, crm: crm.rawValue, kind: kind.rawValue, recordKey: key, sourceEventID: event.id, payload: payload, now: now)
    }

    /// A score given as an integer or a finite number, rounded into 0...100.
    static func score(_ value: JSONValue?) -> Int? {
        guard let number = value?.doubleValue, number.isFinite else { return nil }
        return Int(min(max(number.rounded(), 0), 100))
    }
}
