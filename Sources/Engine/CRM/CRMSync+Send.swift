import AutopilotCore
import Foundation
import Integrations
import Logging
import Storage

extension CRMSync {
    /// Sends one CRM's due records: contacts, then deals (which need their contacts' CRM ids). Stops at an outage, pausing the CRM.
    func send(_ connector: any CRMConnector, tokens: [String: [CRMProvider: String]] = [:], now: Date, report: inout CRMPassReport) async throws {
        let crm = connector.provider.rawValue
        var state = try await store.crmSyncState(crm: crm) ?? CRMSyncStateRecord(crm: crm, updatedAt: now)
        if let paused = state.pausedUntil, paused > now { return }
        for kind in [CRMRecordKind.contact, .deal] {
            while true {
                let rows = try await store.claimDueCRMRecords(
                    crm: crm, kind: kind.rawValue, now: now, limit: settings.batchSize, lease: settings.lease)
                if rows.isEmpty { break }
                var decided: [CRMOutboxRecord] = []
                var undecided: [CRMOutboxRecord] = []
                var outage: CRMOutage?
                var refusal: String?
                for tenant in orderedTenants(rows) {
                    let group = rows.filter { $0.tenantID == tenant }
                    guard outage == nil else {
                        undecided += group
                        continue
                    }
                    // A tenant with its own token is sent with it (docs/crm.md "Per tenant").
                    let sender =
                        tokens[tenant]?[connector.provider].flatMap { tenantConnectors.connector(connector.provider, token: $0) } ?? connector
                    let result =
                        kind == .contact
                        ? try await sendContacts(group, tenantID: tenant, connector: sender)
                        : try await sendDeals(group, tenantID: tenant, connector: sender, now: now)
                    report.requests += result.requests
                    outage = result.outage
                    let at = clock.now()
                    for var row in group {
                        let outcome =
                            result.outcomes[row.recordKey]
                            ?? (outage == nil ? .refused(reason: "the CRM's answer did not mention this record", retryAfter: nil) : nil)
                        guard let outcome else {
                            undecided.append(row)
                            continue
                        }
                        apply(outcome, to: &row, at: at, report: &report)
                        if case .refused(let reason, _) = outcome { refusal = reason }
                        decided.append(row)
                    }
                }
                let at = clock.now()
                if decided.contains(where: { $0.status == .sent }) { state.lastSuccessAt = at }
                if let outage {
                    state.outages += 1
                    let pause = settings.retry.delay(afterAttempt: state.outages, retryAfter: outage.retryAfter, unit: jitter())
                    let resume = at.addingTimeInterval(pause)
                    state.pausedUntil = resume
                    state.lastError = outage.reason
                    state.lastErrorAt = at
                    report.outages += 1
                    for index in undecided.indices {
                        undecided[index].nextAttemptAt = resume
                        undecided[index].lastError = outage.reason
                        undecided[index].updatedAt = at
                    }
                    logger.warning("CRM paused", metadata: ["crm": "\(crm)", "seconds": "\(pause)", "reason": "\(outage.reason)"])
                } else {
                    state.outages = 0
                    state.pausedUntil = nil
                    if let refusal {
                        state.lastError = refusal
                        state.lastErrorAt = at
                    }
                }
                try await store.saveCRMRecords(decided + undecided)
                state.updatedAt = at
                try await store.saveCRMSyncState(state)
                await recordHealth(crm: crm, sent: decided.contains { $0.status == .sent }, error: outage?.reason ?? refusal, at: at)
                if outage != nil { return }
                if rows.count < settings.batchSize { break }
            }
        }
    }

    /// Adds the batch's outcome to `integration_health` (the integrations `GET /health` lists), without failing the pass.
    private func recordHealth(crm: String, sent: Bool, error: String?, at: Date) async {
        var tally = IntegrationTally()
        if sent { tally.success(crm, kind: .crm, at: at) }
        if let error { tally.failure(crm, kind: .crm, at: at, error: error) }
        do {
            try await store.recordIntegrationOutcomes(tally, at: at)
        } catch {
            logger.error("integration health not recorded", metadata: ["error": "\(error)"])
        }
    }

    private func orderedTenants(_ rows: [CRMOutboxRecord]) -> [String] {
        var seen = Set<String>()
        return rows.map(\.tenantID).filter { seen.insert($0).inserted }
    }

    private func apply(_ outcome: CRMRowOutcome, to row: inout CRMOutboxRecord, at: Date, report: inout CRMPassReport) {
        row.updatedAt = at
        switch outcome {
        case .sent(let remoteID):
            row.attempts += 1
            row.status = .sent
            row.remoteID = remoteID
            row.sentAt = at
            row.nextAttemptAt = nil
            row.lastError = nil
            report.sent += 1
        case .refused(let reason, let retryAfter):
            row.attempts += 1
            row.lastError = reason
            if settings.retry.isExhausted(afterAttempt: row.attempts) {
                row.status = .failed
                row.nextAttemptAt = nil
                report.failed += 1
                logger.error("CRM record failed", metadata: ["crm": "\(row.crm)", "record": "\(row.recordKey)", "reason": "\(reason)"])
            } else {
                row.nextAttemptAt = at.addingTimeInterval(settings.retry.delay(afterAttempt: row.attempts, retryAfter: retryAfter, unit: jitter()))
                report.refused += 1
            }
        case .deferred(let until, let reason):
            row.nextAttemptAt = until
            row.lastError = reason
            report.deferred += 1
        }
    }
}
