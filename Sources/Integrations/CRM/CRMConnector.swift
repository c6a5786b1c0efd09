import AutopilotCore
import Foundation

/// What became of one record in a call to a CRM.
public enum CRMRowOutcome: Sendable, Equatable {
    /// Accepted; the CRM's id for the record.
    case sent(remoteID: String)
    /// Refused: the record spends an attempt (not before `retryAfter` when the CRM said).
    case refused(reason: String, retryAfter: TimeInterval?)
    /// Not tried yet (a deal whose contact is still queued): due again at `until`, without spending an attempt.
    case deferred(until: Date, reason: String)
}

/// The CRM could not be reached or asked to wait (429, 502–504, no answer): nothing is the records' fault.
public struct CRMOutage: Sendable, Equatable {
    public var reason: String
    public var retryAfter: TimeInterval?

    public init(reason: String, retryAfter: TimeInterval?) {
        self.reason = reason
        self.retryAfter = retryAfter
    }
}

/// The outcome of sending a batch: per record key; keys missing from `outcomes` were not tried because of `outage`.
public struct CRMCallResult: Sendable {
    public var outcomes: [String: CRMRowOutcome] = [:]
    public var outage: CRMOutage?
    /// HTTP requests made.
    public var requests = 0

    public init(outcomes: [String: CRMRowOutcome] = [:], outage: CRMOutage? = nil, requests: Int = 0) {
        self.outcomes = outcomes
        self.outage = outage
        self.requests = requests
    }
}

/// A contact to send, with the CRM's id for it when an earlier sync learned it.
public struct CRMContactItem: Sendable {
    public var contact: CRMContact
    public var remoteID: String?

    public init(contact: CRMContact, remoteID: String?) {
        self.contact = contact
        self.remoteID = remoteID
    }
}

/// A deal to send, with its contact's CRM id and its own when already known.
public struct CRMDealItem: Sendable {
    public var deal: CRMDeal
    public var contactRemoteID: String
    public var remoteID: String?

    public init(deal: CRMDeal, contactRemoteID: String, remoteID: String?) {
        self.deal = deal
        self.contactRemoteID = contactRemoteID
        self.remoteID = remoteID
    }
}

/// Speaks one CRM's API. Each request goes through the CRM's rate gate.
public protocol CRMConnector: Sendable {
    var provider: CRMProvider { get }
    func sendContacts(_ items: [CRMContactItem]) async throws -> CRMCallResult
    func sendDeals(_ items: [CRMDealItem]) async throws -> CRMCallResult
}

/// One exchange with a CRM, paced by the gate and classified.
public struct CRMCaller: Sendable {
    let transport: any CRMTransport
    let gate: CRMRateGate
    let clock: any Clock

    /// Requests go through `transport` once `gate` lets them; `clock` reads rate-limit waits.
    public init(transport: any CRMTransport, gate: CRMRateGate, clock: any Clock) {
        self.transport = transport
        self.gate = gate
        self.clock = clock
    }

    enum Exchange {
        case accepted(CRMHTTPResponse)
        case refused(status: Int, reason: String, retryAfter: TimeInterval?)
        case outage(CRMOutage)
    }

    func call(_ request: CRMHTTPRequest, counting result: inout CRMCallResult) async throws -> Exchange {
        try await gate.acquire()
        result.requests += 1
        let response: CRMHTTPResponse
        do {
            response = try await transport.send(request)
        } catch let error as CRMUnreachable {
            return .outage(CRMOutage(reason: error.description, retryAfter: nil))
        }
        let retryAfter = CRMRateLimitHeaders.wait(status: response.status, headers: response.headers, now: clock.now())
        let what = "\(request.method) \(URL(string: request.url)?.path ?? request.url)"
        switch CRMAnswer.classify(status: response.status, retryAfter: retryAfter) {
        case .accepted:
            return .accepted(response)
        case .unavailable(let retryAfter):
            return .outage(CRMOutage(reason: "\(what) answered \(response.status): \(response.excerpt)", retryAfter: retryAfter))
        case .refused(let retryAfter):
            return .refused(status: response.status, reason: "\(what) answered \(response.status): \(response.excerpt)", retryAfter: retryAfter)
        }
    }
}
