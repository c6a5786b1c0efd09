import AutopilotCore
import Foundation
import Integrations
import Storage

/// One CRM's sync as `GET /health` and `autopilot crm status` show it.
public struct CRMHealth: Sendable, Codable, Equatable {
    /// How a CRM's sync is doing. Raw values are what `GET /health` and the CLI show.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Working.
        case ok
        /// The CRM is unreachable or rate limiting (until a pass gets through).
        case paused
        /// Records have failed.
        case failing
        /// Not configured.
        case off
    }

    public var crm: String
    public var configured: Bool
    public var status: State
    public var queued: Int
    public var sent: Int
    public var failed: Int
    public var lastSuccessAt: Date?
    public var lastError: String?
    public var lastErrorAt: Date?
    public var pausedUntil: Date?

    enum CodingKeys: String, CodingKey {
        case crm, configured, status, queued, sent, failed
        case lastSuccessAt = "last_success_at"
        case lastError = "last_error"
        case lastErrorAt = "last_error_at"
        case pausedUntil = "paused_until"
    }

    public init(
        crm: String, configured: Bool, status: State, queued: Int = 0, sent: Int = 0, failed: Int = 0, lastSuccessAt: Date? = nil,
        lastError: String? = nil, lastErrorAt: Date? = nil, pausedUntil: Date? = nil
    ) {
        self.crm = crm
        self.configured = configured
        self.status = status
        self.queued = queued
        self.sent = sent
        self.failed = failed
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
        self.pausedUntil = pausedUntil
    }

    /// Every CRM that is configured or has records, with its queue and state at `now`.
    public static func report(store: any CRMStore, settings: CRMSettings, now: Date) async throws -> [CRMHealth] {
        var report: [CRMHealth] = []
        for provider in CRMProvider.allCases {
            let configured = settings.providers.contains(provider)
            let counts = try await store.crmStatusCounts(crm: provider.rawValue)
            guard configured || !counts.isEmpty else { continue }
            let state = try await store.crmSyncState(crm: provider.rawValue)
            let paused = state?.pausedUntil.flatMap { $0 > now ? $0 : nil }
            let failed = counts[CRMOutboxStatus.failed.rawValue] ?? 0
            // Paused also between two probes of a CRM that is still down (its last pass hit the outage).
            let down = paused != nil || (state?.outages ?? 0) > 0
            let status: State = !configured ? .off : down ? .paused : failed > 0 ? .failing : .ok
            report.append(
                CRMHealth(
                    crm: provider.rawValue, configured: configured, status: status, queued: counts[CRMOutboxStatus.queued.rawValue] ?? 0,
                    sent: counts[CRMOutboxStatus.sent.rawValue] ?? 0,
                    failed: failed, lastSuccessAt: state?.lastSuccessAt, lastError: state?.lastError, lastErrorAt: state?.lastErrorAt,
                    pausedUntil: paused))
        }
        return report
    }

    /// Without the error's text (which may name a person or quote the CRM), only its code: `unreachable`, `http_<status>` or
    /// `refused`. For the unauthenticated `GET /health`.
    public var redacted: CRMHealth {
        var copy = self
        copy.lastError = lastError.map { text in
            if text.hasPrefix("no answer") { return "unreachable" }
            if let range = text.range(of: "answered "), let status = Int(text[range.upperBound...].prefix(3)) { return "http_\(status)" }
            return "refused"
        }
        return copy
    }
}
