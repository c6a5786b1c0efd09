import AutopilotCore
import Foundation

/// Pipedrive over its v1 API, one record per request: a person is found by exact email (or known from an earlier sync) and
/// updated, else created; a deal is updated when known, else created for its person.
public struct PipedriveConnector: CRMConnector {
    public let provider = CRMProvider.pipedrive
    let settings: PipedriveSettings
    let format: PipedriveFormat
    let caller: CRMCaller

    /// A connector to the Pipedrive company of `settings`, its requests made through `caller`.
    public init(settings: PipedriveSettings, caller: CRMCaller) {
        self.settings = settings
        format = PipedriveFormat(settings: settings)
        self.caller = caller
    }

    private func request(_ method: String, _ path: String, query: [(name: String, value: String)] = [], body: JSONValue? = nil) -> CRMHTTPRequest {
        var url = settings.baseURL + path
        if !query.isEmpty {
            var components = URLComponents()
            components.queryItems = query.map { URLQueryItem(name: $0.name, value: $0.value) }
            // `+` stays literal in a query and reads as a space: an email's plus sign is escaped.
            url += "?" + (components.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        }
        return CRMHTTPRequest(method: method, url: url, headers: [("x-api-token", settings.apiToken), ("Accept", "application/json")], body: body)
    }

    /// What one request came to: the id it answered with, or why not (`status` 0 when no answer came: an outage, in `result`).
    private struct Reply {
        var id: String?
        var status = 200
        var failure: CRMRowOutcome?
    }

    private func exchange(_ request: CRMHTTPRequest, result: inout CRMCallResult, id read: (JSONValue?) -> String?) async throws -> Reply {
        switch try await caller.call(request, counting: &result) {
        case .outage(let outage):
            result.outage = outage
            return Reply(status: 0)
        case .refused(let status, let reason, let retryAfter):
            return Reply(status: status, failure: .refused(reason: reason, retryAfter: retryAfter))
        case .accepted(let response):
            return Reply(id: read(response.json))
        }
    }

    public func sendContacts(_ items: [CRMContactItem]) async throws -> CRMCallResult {
        var result = CRMCallResult()
        for item in items {
            let key = item.contact.email
            let body = format.person(item.contact)
            if let known = item.remoteID {
                let updated = try await exchange(request("PUT", "/persons/\(known)", body: body), result: &result, id: PipedriveFormat.createdID)
                if result.outage != nil { return result }
                // A person deleted in Pipedrive since: found again by email, or created anew.
                if updated.status != 404 {
                    result.outcomes[key] = updated.failure ?? .sent(remoteID: updated.id ?? known)
                    continue
                }
            }
            let found = try await exchange(
                request("GET", "/persons/search", query: PipedriveFormat.personSearchQuery(email: key)), result: &result, id: PipedriveFormat.foundID)
            if result.outage != nil { return result }
            if let failure = found.failure {
                result.outcomes[key] = failure
                continue
            }
            let write = found.id.map { request("PUT", "/persons/\($0)", body: body) } ?? request("POST", "/persons", body: body)
            let saved = try await exchange(write, result: &result, id: PipedriveFormat.createdID)
            if result.outage != nil { return result }
            result.outcomes[key] =
                saved.failure ?? (saved.id ?? found.id).map { .sent(remoteID: $0) }
                ?? .refused(reason: "Pipedrive answered without a person id", retryAfter: nil)
        }
        return result
    }

    public func sendDeals(_ items: [CRMDealItem]) async throws -> CRMCallResult {
        var result = CRMCallResult()
        for item in items {
            let body = format.deal(item.deal, personID: item.contactRemoteID)
            var saved = Reply(status: 404)
            if let known = item.remoteID {
                saved = try await exchange(request("PUT", "/deals/\(known)", body: body), result: &result, id: PipedriveFormat.createdID)
                if result.outage != nil { return result }
                if saved.status != 404, saved.id == nil, saved.failure == nil { saved.id = known }
            }
            // New, or deleted in Pipedrive since: created.
            if saved.status == 404 {
                saved = try await exchange(request("POST", "/deals", body: body), result: &result, id: PipedriveFormat.createdID)
                if result.outage != nil { return result }
            }
            result.outcomes[item.deal.key] =
                saved.failure ?? saved.id.map { .sent(remoteID: $0) }
                ?? .refused(reason: "Pipedrive answered without a deal id", retryAfter: nil)
        }
        return result
    }
}
