import AutopilotCore
import Foundation
import Integrations

/// Pipedrive over its v1 API, one record per request: a person is found by exact email (or known from an earlier sync) and
/// updated, else created; a deal is updated when known, else created for its person.
public struct PipedriveConnector: CRMConnector {
    public let provider = CRMProvider.pipedrive
    let settings: PipedriveSettings
    let format: PipedriveFormat
    let caller: CRMCaller

    init(settings: PipedriveSettings, caller: CRMCaller) {
        self.settings = settings
        format = PipedriveFormat(settings: settings)
        self.caller = caller
    }

    private func request(_ method: String, _ path: String, query: [(name: String, value: String)] = [], body: JSONValue? = nil) -> CRMHTTPRequest {
        var url = settings.baseURL + path
        if !query.isEmpty {
            var components = URLComponents()
            components.queryItems = query.map { URLQueryItem(name: $0.name, value: $0.value) }
            url += "?" + (components.percentEncodedQuery ?? "")
        }
        return CRMHTTPRequest(method: method, url: url, headers: [("x-api-token", settings.apiToken), ("Accept", "application/json")], body: body)
    }

    /// Sends one request; the id it answers with, or the record's outcome when it was not accepted (or had no id).
    private func exchange(_ request: CRMHTTPRequest, result: inout CRMCallResult, id read: (JSONValue?) -> String?) async throws
        -> (id: String?, failure: CRMRowOutcome?)
    {
        switch try await caller.call(request, counting: &result) {
        case .outage(let outage):
            result.outage = outage
            return (nil, nil)
        case .refused(let reason, let retryAfter):
            return (nil, .refused(reason: reason, retryAfter: retryAfter))
        case .accepted(let response):
            return (read(response.json), nil)
        }
    }

    public func sendContacts(_ items: [CRMContactItem]) async throws -> CRMCallResult {
        var result = CRMCallResult()
        for item in items {
            let key = item.contact.email
            var personID = item.remoteID
            if personID == nil {
                let found = try await exchange(
                    request("GET", "/persons/search", query: PipedriveFormat.personSearchQuery(email: key)), result: &result, id: PipedriveFormat.foundID)
                if result.outage != nil { return result }
                if let failure = found.failure {
                    result.outcomes[key] = failure
                    continue
                }
                personID = found.id
            }
            let body = format.person(item.contact)
            let write = personID.map { request("PUT", "/persons/\($0)", body: body) } ?? request("POST", "/persons", body: body)
            let saved = try await exchange(write, result: &result, id: PipedriveFormat.createdID)
            if result.outage != nil { return result }
            result.outcomes[key] = saved.failure ?? (saved.id ?? personID).map { .sent(remoteID: $0) }
                ?? .refused(reason: "Pipedrive answered without a person id", retryAfter: nil)
        }
        return result
    }

    public func sendDeals(_ items: [CRMDealItem]) async throws -> CRMCallResult {
        var result = CRMCallResult()
        for item in items {
            let body = format.deal(item.deal, personID: item.contactRemoteID)
            let write = item.remoteID.map { request("PUT", "/deals/\($0)", body: body) } ?? request("POST", "/deals", body: body)
            let saved = try await exchange(write, result: &result, id: PipedriveFormat.createdID)
            if result.outage != nil { return result }
            result.outcomes[item.deal.key] = saved.failure ?? (saved.id ?? item.remoteID).map { .sent(remoteID: $0) }
                ?? .refused(reason: "Pipedrive answered without a deal id", retryAfter: nil)
        }
        return result
    }
}
