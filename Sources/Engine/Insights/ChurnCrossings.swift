import AutopilotCore
import Foundation
import Scoring
import Storage

/// `score.churn_risk_crossed`: one event per customer whose churn risk rose above the alert threshold since the last
/// scoring, at most one per customer and day (the idempotency key), with the score, the band and the reasons.
enum ChurnCrossings {
    static func events(for customers: [CustomerInsights.CustomerScores], data: ScoringData, now: Date) -> [IncomingEvent] {
        let crossings = customers.filter { ChurnBand.crossesAlert(from: data.previousChurn[$0.contactID], to: $0.churn.score) }
        guard !crossings.isEmpty else { return [] }
        let contacts = Dictionary(data.contacts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let day = Timestamp.format(now).prefix(10)
        return crossings.compactMap { customer in
            guard let contact = contacts[customer.contactID] else { return nil }
            let identifiers = ContactIdentifiers(email: contact.email, phone: contact.phone, externalID: contact.externalID)
            guard !identifiers.isEmpty else { return nil }
            let previous = data.previousChurn[customer.contactID]
            var properties: JSONObject = [
                "score": .double((customer.churn.score * 1000).rounded() / 1000), "band": .string(customer.churn.band.rawValue),
            ]
            if let previous { properties["previous_score"] = .double((previous * 1000).rounded() / 1000) }
            properties["reasons"] = .array(customer.churn.explanation.map { .string($0) })
            return IncomingEvent(
                type: .churnRiskCrossed, occurredAt: now, idempotencyKey: "churn-crossed:\(customer.contactID):\(day)", contact: identifiers,
                payload: .churnRiskCrossed(score: customer.churn.score, previousScore: previous), properties: properties)
        }
    }

    /// Records the events through the ingest pipeline (idempotent by key), a thousand at a time. Recorded before the
    /// scores are stored, so a crash in between emits them again under the same keys rather than losing them.
    static func record(_ events: [IncomingEvent], dependencies: Dependencies, tenantID: String) async throws {
        var start = 0
        while start < events.count {
            _ = try await IngestPipeline(dependencies: dependencies).record(
                Array(events[start..<min(events.count, start + 1_000)]), tenantID: tenantID)
            start += 1_000
        }
    }
}
