import AutopilotCore
import Foundation
import Integrations
import Storage

extension CRMSync {
    /// One tenant's claimed contact rows, one input per email (later rows' fields win), with ids learned by earlier syncs.
    func sendContacts(_ rows: [CRMOutboxRecord], tenantID: String, connector: any CRMConnector) async throws -> CRMCallResult {
        var order: [String] = []
        var contacts: [String: CRMContact] = [:]
        var unreadable = CRMCallResult()
        for row in Self.chronological(rows) {
            guard let contact = CRMContact(json: row.payload) else {
                unreadable.outcomes[row.recordKey] = .refused(reason: "the queued contact has no email", retryAfter: nil)
                continue
            }
            if let earlier = contacts[contact.email] {
                contacts[contact.email] = earlier.merged(with: contact)
            } else {
                order.append(contact.email)
                contacts[contact.email] = contact
            }
        }
        let known = try await remoteIDs(kind: .contact, crm: connector.provider, tenantID: tenantID, keys: Set(order))
        let items = order.compactMap { key in contacts[key].map { CRMContactItem(contact: $0, remoteID: known[key]) } }
        var result = items.isEmpty ? CRMCallResult() : try await connector.sendContacts(items)
        result.outcomes.merge(unreadable.outcomes) { current, _ in current }
        return result
    }

    /// One tenant's claimed deal rows, one per deal key (the latest wins). A deal whose contact is not in the CRM yet waits for
    /// it (deferred while the contact is queued; refused once the contact failed).
    func sendDeals(_ rows: [CRMOutboxRecord], tenantID: String, connector: any CRMConnector, now: Date) async throws -> CRMCallResult {
        var result = CRMCallResult()
        var order: [String] = []
        var deals: [String: CRMDeal] = [:]
        for row in Self.chronological(rows) {
            guard let deal = CRMDeal(json: row.payload) else {
                result.outcomes[row.recordKey] = .refused(reason: "the queued deal is unreadable", retryAfter: nil)
                continue
            }
            if deals[deal.key] == nil { order.append(deal.key) }
            deals[deal.key] = deal
        }
        let emails = Set(deals.values.map(\.contactEmail))
        let contactRows = try await store.crmRecords(
            crm: connector.provider.rawValue, kind: CRMRecordKind.contact.rawValue, tenantID: tenantID, keys: emails)
        var contactIDs: [String: String] = [:]
        var waiting: [String: Date] = [:]
        for row in contactRows {
            if row.status == .sent, let id = row.remoteID { contactIDs[row.recordKey] = id }
            if row.status == .queued { waiting[row.recordKey] = min(waiting[row.recordKey] ?? .distantFuture, row.nextAttemptAt ?? now) }
        }
        let known = try await remoteIDs(kind: .deal, crm: connector.provider, tenantID: tenantID, keys: Set(order))
        var items: [CRMDealItem] = []
        for key in order {
            guard let deal = deals[key] else { continue }
            if let contactID = contactIDs[deal.contactEmail] {
                items.append(CRMDealItem(deal: deal, contactRemoteID: contactID, remoteID: known[key]))
            } else if let due = waiting[deal.contactEmail] {
                result.outcomes[key] = .deferred(until: max(due, now.addingTimeInterval(1)), reason: "waiting for contact \(deal.contactEmail)")
            } else {
                result.outcomes[key] = .refused(reason: "contact \(deal.contactEmail) is not in the CRM (its sync failed)", retryAfter: nil)
            }
        }
        guard !items.isEmpty else { return result }
        let sent = try await connector.sendDeals(items)
        result.outcomes.merge(sent.outcomes) { _, new in new }
        result.outage = sent.outage
        result.requests = sent.requests
        return result
    }

    /// Rows in the order their events happened (`occurred_at` in the payload), so that of two rows for one record the later
    /// event's values win; rows without it keep their place.
    static func chronological(_ rows: [CRMOutboxRecord]) -> [CRMOutboxRecord] {
        rows.enumerated().sorted { first, second in
            let a = first.element.payload["occurred_at"]?.stringValue.flatMap(Timestamp.parse) ?? .distantPast
            let b = second.element.payload["occurred_at"]?.stringValue.flatMap(Timestamp.parse) ?? .distantPast
            return a == b ? first.offset < second.offset : a < b
        }.map(\.element)
    }

    /// The CRM's ids for records sent before, by key (the latest sent row's).
    func remoteIDs(kind: CRMRecordKind, crm: CRMProvider, tenantID: String, keys: Set<String>) async throws -> [String: String] {
        var ids: [String: String] = [:]
        for row in try await store.crmRecords(crm: crm.rawValue, kind: kind.rawValue, tenantID: tenantID, keys: keys) where row.status == .sent {
            if let id = row.remoteID { ids[row.recordKey] = id }
        }
        return ids
    }
}
