import AutopilotCore
import Flows
import Foundation
import Storage

/// Starts runs of contact-date flows (birthday, win-back) whose firing moment fell since the last sweep, and of scheduled
/// flows (`every day 09:00`, see `DateTriggers+Schedule`). Date sweeps run at most hourly per flow; a run starts at its exact
/// firing moment, so its delays count from there.
struct DateTriggers {
    let store: any FlowRunStore & ContactStore
    let catalog: FlowCatalog
    /// Lets a pass between two sweeps skip reading their cursors (nil: always read).
    var memory: DateSweepMemory?
    static let interval: TimeInterval = 3_600
    static let pageSize = 5_000

    func startDue(now: Date) async throws -> Int {
        var started = 0
        // Read once per sweep, and only when a date flow's sweep is due.
        var zones: [String]?
        for definition in catalog.dated {
            if case .schedule(let schedule, _) = definition.trigger {
                started += try await startScheduled(definition, schedule: schedule, now: now)
                continue
            }
            guard case .date(let trigger) = definition.trigger else { continue }
            let cursor = "date:" + definition.id
            if memory?.isQuiet(tenantID: catalog.tenantID, cursor: cursor, at: now) == true { continue }
            // This process's own last sweep when it remembers one (it may be newer than the stored cursor, see below).
            let last =
                if let swept = memory?.lastSweep(tenantID: catalog.tenantID, cursor: cursor) { swept } else {
                    try await store.flowCursor(tenantID: catalog.tenantID, name: cursor).map { Date(timeIntervalSince1970: Double($0) / 1000) }
                }
            let since = last ?? now.addingTimeInterval(-Self.interval)
            guard now.timeIntervalSince(since) >= Self.interval || last == nil else {
                memory?.remember(tenantID: catalog.tenantID, cursor: cursor, quietUntil: since.addingTimeInterval(Self.interval))
                continue
            }
            var calendars: [String: LocalCalendar] = [:]
            var window = DateTriggerWindow(trigger: trigger, since: since, now: now)
            func due(_ date: ContactDate) -> Due? {
                let zone = date.timezone ?? catalog.timeZone
                let calendar = calendars[zone] ?? LocalCalendar(timeZoneIdentifier: zone)
                calendars[zone] = calendar
                guard window.mayFire(date.value, zone: zone, calendar: calendar),
                    let firing = calendar.firing(of: trigger, value: date.value, onOrAfter: since), firing > since, firing <= now else {
                    return nil
                }
                let occurrence = calendar.day(of: firing)
                return Due(
                    contactID: date.contactID, firing: firing, trigger: ["date": .string(date.value), "occurrence": .string(occurrence)],
                    key: occurrence)
            }
            var after = ""
            // An hour's window holds no trigger moment in most zones: when it holds none in the contacts' zones, nothing is read.
            var quiet = true
            if zones == nil { zones = try await store.contactTimeZones(tenantID: catalog.tenantID).map { $0 ?? catalog.timeZone } }
            for zone in zones ?? [] {
                let calendar = calendars[zone] ?? LocalCalendar(timeZoneIdentifier: zone)
                calendars[zone] = calendar
                if window.canFire(in: zone, calendar: calendar) { quiet = false }
            }
            while !quiet {
                // The dates alone when they are columns; whole contacts for `attributes.NAME`.
                let dates: [ContactDate]
                if let light = try await store.contactDates(
                    tenantID: catalog.tenantID, property: trigger.property, within: window.storeWindow(property: trigger.property),
                    afterID: after, limit: Self.pageSize)
                {
                    dates = light
                } else {
                    dates = try await store.contactsPage(tenantID: catalog.tenantID, afterID: after, limit: Self.pageSize).map { contact in
                        ContactDate(contactID: contact.id, timezone: contact.timezone, value: Self.value(of: trigger.property, in: contact) ?? "")
                    }
                }
                guard let last = dates.last else { break }
                after = last.contactID
                let fired = dates.filter { !$0.value.isEmpty }.compactMap(due)
                if !fired.isEmpty { started += try await start(definition, due: fired, now: now) }
                if dates.count < Self.pageSize { break }
            }
            let position = Int64(now.timeIntervalSince1970 * 1000)
            let swept = Date(timeIntervalSince1970: Double(position) / 1000)
            // A quiet window started nothing: the stored cursor may stay behind (after a restart the next sweep covers the
            // quiet hours again and still finds nothing in them), which saves a write per flow and hour.
            if !quiet || memory == nil { try await store.setFlowCursor(tenantID: catalog.tenantID, name: cursor, position: position) }
            memory?.rememberSweep(tenantID: catalog.tenantID, cursor: cursor, at: swept)
            memory?.remember(tenantID: catalog.tenantID, cursor: cursor, quietUntil: swept.addingTimeInterval(Self.interval))
        }
        return started
    }

    /// A contact whose trigger fired: when, the run's `trigger.*` values, and the key that makes its run id.
    struct Due {
        var contactID: String
        var firing: Date
        var trigger: JSONObject
        var key: String
    }

    func start(_ definition: FlowDefinition, due: [Due], now: Date) async throws -> Int {
        let catalog = self.catalog
        return try await store.changeRuns(tenantID: catalog.tenantID, contactIDs: Set(due.map(\.contactID))) { contacts, runs in
            var writer = FlowRunChanges(tenantID: catalog.tenantID, now: now)
            var count = 0
            for item in due {
                guard let contact = contacts[item.contactID] else { continue }
                let firing = item.firing
                let start = FlowStart(
                    occurredAt: firing, trigger: item.trigger, contact: FlowEntities.contact(contact),
                    settings: catalog.settings(of: definition.id), tenantTimeZone: catalog.timeZone,
                    experiment: catalog.experimentInput(for: definition.id))
                let previous = runs.filter { $0.contactID == contact.id && $0.flowID == definition.id }.map {
                    (objectID: $0.triggerObjectID, startedAt: $0.startedAt)
                }
                guard definition.reentry.allows(objectID: definition.triggerObjectID(for: start), previousRuns: previous, now: firing) else {
                    continue
                }
                let id = FlowRunID.make(flowID: definition.id, contactID: contact.id, triggerKey: item.key)
                // A sweep repeated after a crash finds its runs already there: never restart one.
                guard !runs.contains(where: { $0.id == id }) else { continue }
                let pending = FlowRun(id: id, flowID: definition.id, flowVersion: definition.version, contactID: contact.id)
                let (run, effects) = FlowInterpreter.step(definition: definition, run: pending, input: .start(start), now: now)
                writer.record(run, effects: effects, startedAt: firing)
                count += 1
            }
            return (writer.changes, count)
        }
    }

    /// The contact's value for a date trigger's property, as text (`YYYY-MM-DD` or ISO 8601).
    static func value(of property: String, in contact: ContactRecord) -> String? {
        switch property {
        case "birthdate": return contact.birthdate
        case "first_order_at": return contact.firstOrderAt.map(Timestamp.format)
        case "last_order_at": return contact.lastOrderAt.map(Timestamp.format)
        case "created_at": return Timestamp.format(contact.createdAt)
        default:
            guard property.hasPrefix("attributes.") else { return nil }
            return contact.attributes[String(property.dropFirst("attributes.".count))]?.stringValue
        }
    }
}
