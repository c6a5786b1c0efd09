import AutopilotCore
import Foundation

/// HubSpot over its batch APIs: contacts upserted by email, deals upserted by the deal key property then associated with
/// their contacts — one request per batch of up to 100 records.
public struct HubSpotConnector: CRMConnector {
    public let provider = CRMProvider.hubspot
    let settings: HubSpotSettings
    let format: HubSpotFormat
    let caller: CRMCaller

    /// A connector to the HubSpot account of `settings`, its requests made through `caller`.
    public init(settings: HubSpotSettings, caller: CRMCaller) {
        self.settings = settings
        format = HubSpotFormat(settings: settings)
        self.caller = caller
    }

    private func post(_ path: String, _ body: JSONValue) -> CRMHTTPRequest {
        CRMHTTPRequest(
            method: "POST", url: settings.baseURL + path,
            headers: [("Authorization", "Bearer " + settings.accessToken), ("Accept", "application/json")], body: body)
    }

    public func sendContacts(_ items: [CRMContactItem]) async throws -> CRMCallResult {
        var result = CRMCallResult()
        for chunk in items.chunked(HubSpotFormat.maxBatch) {
            let keys = chunk.map(\.contact.email)
            switch try await caller.call(post(HubSpotFormat.contactsUpsertPath, format.contactsUpsert(chunk.map(\.contact))), counting: &result) {
            case .outage(let outage):
                result.outage = outage
                return result
            case .refused(_, let reason, let retryAfter):
                for key in keys { result.outcomes[key] = .refused(reason: reason, retryAfter: retryAfter) }
            case .accepted(let response):
                let outcome = HubSpotFormat.upsertOutcome(response.json, keys: keys, idProperty: "email")
                for (key, id) in outcome.ids { result.outcomes[key] = .sent(remoteID: id) }
                for (key, reason) in outcome.errors { result.outcomes[key] = .refused(reason: reason, retryAfter: nil) }
            }
        }
        return result
    }

    public func sendDeals(_ items: [CRMDealItem]) async throws -> CRMCallResult {
        var result = CRMCallResult()
        for chunk in items.chunked(HubSpotFormat.maxBatch) {
            let keys = chunk.map(\.deal.key)
            let upserted: [String: String]
            switch try await caller.call(post(HubSpotFormat.dealsUpsertPath, format.dealsUpsert(chunk.map(\.deal))), counting: &result) {
            case .outage(let outage):
                result.outage = outage
                return result
            case .refused(_, let reason, let retryAfter):
                for key in keys { result.outcomes[key] = .refused(reason: reason, retryAfter: retryAfter) }
                continue
            case .accepted(let response):
                let outcome = HubSpotFormat.upsertOutcome(response.json, keys: keys, idProperty: settings.dealKeyProperty)
                for (key, reason) in outcome.errors { result.outcomes[key] = .refused(reason: reason, retryAfter: nil) }
                upserted = outcome.ids
            }
            let linked = chunk.compactMap { item in upserted[item.deal.key].map { (deal: $0, contact: item.contactRemoteID, key: item.deal.key) } }
            guard !linked.isEmpty else { continue }
            let body = format.dealContactAssociations(linked.map { (deal: $0.deal, contact: $0.contact) })
            switch try await caller.call(post(HubSpotFormat.dealContactAssociationPath, body), counting: &result) {
            case .outage(let outage):
                result.outage = outage
                return result
            case .refused(_, let reason, let retryAfter):
                for item in linked { result.outcomes[item.key] = .refused(reason: "associating the deal: " + reason, retryAfter: retryAfter) }
            case .accepted:
                for item in linked { result.outcomes[item.key] = .sent(remoteID: item.deal) }
            }
        }
        return result
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        let step = Swift.max(1, size)
        return stride(from: 0, to: count, by: step).map { self[$0..<Swift.min($0 + step, count)] }
    }
}
