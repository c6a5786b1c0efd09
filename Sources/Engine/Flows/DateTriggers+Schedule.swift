import AutopilotCore
import Flows
import Foundation
import Storage

extension DateTriggers {
    /// Starts a scheduled flow (`every monday 09:00`, tenant time) for every contact its condition selects, once per
    /// scheduled moment. When several moments passed since the last sweep (the worker was down), only the latest one
    /// runs: a newsletter missed on Monday is not sent twice on Wednesday.
    func startScheduled(_ definition: FlowDefinition, schedule: FlowSchedule, now: Date) async throws -> Int {
        let cursor = "schedule:" + definition.id
        if memory?.isQuiet(tenantID: catalog.tenantID, cursor: cursor, at: now) == true { return 0 }
        let calendar = LocalCalendar(timeZoneIdentifier: catalog.timeZone)
        let last = try await store.flowCursor(tenantID: catalog.tenantID, name: cursor).map { Date(timeIntervalSince1970: Double($0) / 1000) }
        var firing = calendar.nextFiring(of: schedule, after: last ?? now.addingTimeInterval(-Self.interval))
        guard firing <= now else {
            memory?.remember(tenantID: catalog.tenantID, cursor: cursor, quietUntil: firing)
            return 0
        }
        while true {
            let next = calendar.nextFiring(of: schedule, after: firing)
            guard next <= now, next > firing else { break }
            firing = next
        }
        let key = Timestamp.format(firing)
        var started = 0
        var after = ""
        while true {
            let contacts = try await store.contactsPage(tenantID: catalog.tenantID, afterID: after, limit: Self.pageSize)
            guard let lastContact = contacts.last else { break }
            after = lastContact.id
            let due = contacts.filter { definition.isScheduled(for: FlowEntities.contact($0)) }.map {
                Due(contactID: $0.id, firing: firing, trigger: ["scheduled_at": .string(key)], key: "schedule:" + key)
            }
            if !due.isEmpty { started += try await start(definition, due: due, now: now) }
            if contacts.count < Self.pageSize { break }
        }
        try await store.setFlowCursor(tenantID: catalog.tenantID, name: cursor, position: Int64(firing.timeIntervalSince1970 * 1000))
        return started
    }
}
