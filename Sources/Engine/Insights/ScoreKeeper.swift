import AutopilotCore
import Foundation
import Scoring
import Storage

/// Keeps a tenant's scores current between full scorings. Order, engagement and support events rescore their contacts'
/// RFM and churn risk as they arrive (read from the event log behind a cursor, so nothing is missed across restarts), and
/// once a day, after the nightly hour of the tenant's day, every customer is fully rescored, lifetime value included.
/// Either may emit `score.churn_risk_crossed`, which the router then delivers to the at-risk flow.
struct ScoreKeeper {
    let dependencies: Dependencies
    let tenantID: String

    /// The events that change a customer's RFM or churn signals.
    static let signalTypes: [EventType] = [
        .orderPlaced, .orderCancelled, .orderRefunded, .messageOpened, .messageClicked, .messageReplied, .supportTicketCreated,
    ]
    static let cursorName = "scores"
    static let nightlyCursorName = "nightly-scores"

    /// Rescores the contacts named by signal events since the cursor, `limit` events at a time; returns how many
    /// contacts were rescored and how many crossed the churn alert. The first call starts at the end of the log: history
    /// is the nightly job's.
    func rescoreTouched(now: Date, limit: Int = 1_000) async throws -> (rescored: Int, crossed: Int) {
        let store = dependencies.store
        let types = Self.signalTypes.map(\.rawValue)
        guard let cursor = try await store.flowCursor(tenantID: tenantID, name: Self.cursorName) else {
            let end = try await store.contactsTouched(tenantID: tenantID, types: types, after: 0, limit: 0).position
            try await store.setFlowCursor(tenantID: tenantID, name: Self.cursorName, position: end)
            return (0, 0)
        }
        var position = cursor
        var rescored = 0
        var crossed = 0
        while true {
            let touched = try await store.contactsTouched(tenantID: tenantID, types: types, after: position, limit: limit)
            if !touched.contactIDs.isEmpty {
                let data = try await store.scoringData(
                    tenantID: tenantID, ticketsSince: now.addingTimeInterval(-180 * 86_400), contactIDs: touched.contactIDs, scope: .scores)
                let customers = CustomerInsights().churnScores(data, now: now, locale: .french)
                let crossings = ChurnCrossings.events(for: customers, data: data, now: now)
                try await ChurnCrossings.record(crossings, dependencies: dependencies, tenantID: tenantID)
                crossed += crossings.count
                try await store.recordChurnScores(customers.map(ContactScore.churn), tenantID: tenantID, scoredAt: now)
                rescored += customers.count
            }
            let moved = touched.position != position
            if moved { try await store.setFlowCursor(tenantID: tenantID, name: Self.cursorName, position: touched.position) }
            position = touched.position
            if touched.contactIDs.isEmpty || !moved || touched.isComplete { break }
        }
        return (rescored, crossed)
    }

    /// The full scoring, once per tenant day after `hour` in `timeZone`; returns how many crossed the churn alert, or nil
    /// when not due.
    func nightlyIfDue(now: Date, hour: Int, timeZone: TimeZone, memory: ScoreMemory) async throws -> Int? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour], from: now)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let current = parts.hour, current >= hour else { return nil }
        let today = Int64(year * 10_000 + month * 100 + day)
        guard !memory.nightlyDone(tenantID, day: today) else { return nil }
        if let last = try await dependencies.store.flowCursor(tenantID: tenantID, name: Self.nightlyCursorName), last >= today {
            memory.rememberNightly(tenantID, day: last)
            return nil
        }
        let result = try await InsightsService(dependencies: dependencies, tenantID: tenantID).rescore(at: now)
        try await dependencies.store.setFlowCursor(tenantID: tenantID, name: Self.nightlyCursorName, position: today)
        memory.rememberNightly(tenantID, day: today)
        return result.crossed
    }
}

extension ContactScore {
    /// RFM and churn of a customer, without lifetime value.
    static func churn(_ customer: CustomerInsights.CustomerScores) -> ContactScore {
        ContactScore(
            contactID: customer.contactID, churnScore: customer.churn.score, churnBand: customer.churn.band.rawValue,
            rfmSegment: customer.segment.rawValue, clv: nil, probabilityAlive: nil,
            rfm: (customer.rfm.recency, customer.rfm.frequency, customer.rfm.monetary))
    }
}
