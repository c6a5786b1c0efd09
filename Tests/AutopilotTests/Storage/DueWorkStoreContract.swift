import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// What the worker and the simulator ask the store between passes — is anything left to route, when is the next due
/// work, in which time zones do the contacts live — written once and run on every backend.
enum DueWorkStoreContract: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case unroutedEventsAreThoseAfterTheRouter
    case dueMomentsAreTheSingleReadsTogether
    case contactTimeZonesAreDistinct
    case contactDatesKeepTheirWindow
    case tenantActivityIsEveryTenantInOneRead

    var testDescription: String { rawValue }

    func run(_ store: SQLStore) async throws {
        switch self {
        case .unroutedEventsAreThoseAfterTheRouter: try await unroutedEventsAreThoseAfterTheRouter(store)
        case .dueMomentsAreTheSingleReadsTogether: try await dueMomentsAreTheSingleReadsTogether(store)
        case .contactTimeZonesAreDistinct: try await contactTimeZonesAreDistinct(store)
        case .contactDatesKeepTheirWindow: try await contactDatesKeepTheirWindow(store)
        case .tenantActivityIsEveryTenantInOneRead: try await tenantActivityIsEveryTenantInOneRead(store)
        }
    }

    private func tenant(_ store: SQLStore, _ name: String) async throws -> String {
        try await TenantService(dependencies: Dependencies(store: store, clock: ManualClock(Fixtures.now))).create(name: name).tenantID
    }

    private func record(_ store: SQLStore, _ tenantID: String, _ events: [IncomingEvent]) async throws {
        _ = try await store.recordEvents(events, tenantID: tenantID, receivedAt: Fixtures.now, ids: RandomIDGenerator())
    }

    private func unroutedEventsAreThoseAfterTheRouter(_ store: SQLStore) async throws {
        let shop = try await tenant(store, "Shop")
        let other = try await tenant(store, "Other")
        #expect(try await !store.hasUnroutedEvents(tenantID: shop))
        try await record(store, shop, [try Fixtures.event("contact.created", at: "2026-03-01T09:00:00Z")])
        #expect(try await store.hasUnroutedEvents(tenantID: shop))
        #expect(try await !store.hasUnroutedEvents(tenantID: other), "another tenant's events are not this one's")
        let routed = try await store.routeEvents(tenantID: shop, limit: 100) { _ in FlowChanges() }
        #expect(routed.events == 1)
        #expect(try await !store.hasUnroutedEvents(tenantID: shop))
        try await record(store, shop, [try Fixtures.event("contact.updated", at: "2026-03-01T10:00:00Z")])
        #expect(try await store.hasUnroutedEvents(tenantID: shop))
    }

    private func dueMomentsAreTheSingleReadsTogether(_ store: SQLStore) async throws {
        #expect(try await store.nextDueMoments() == DueMoments())
        let shop = try await tenant(store, "Shop")
        try await record(
            store, shop,
            [
                try Fixtures.event("cart.updated", at: "2026-03-01T09:00:00Z", properties: ["cart_id": "k1", "value": 48, "currency": "EUR"]),
                try Fixtures.event(
                    "cart.updated", at: "2026-03-01T08:00:00Z", contact: ["email": "b@example.com"],
                    properties: ["cart_id": "k2", "value": 12, "currency": "EUR"]),
            ])
        let due = try await store.nextDueMoments()
        let single = DueMoments(
            runWake: try await store.nextRunWake(), messageDue: try await store.nextMessageDue(), actionDue: try await store.nextActionDue(),
            oldestOpenCartUpdate: try await store.oldestOpenCartUpdate())
        #expect(due.oldestOpenCartUpdate != nil)
        #expect(due == single)
    }

    private func contactTimeZonesAreDistinct(_ store: SQLStore) async throws {
        let shop = try await tenant(store, "Shop")
        let other = try await tenant(store, "Other")
        #expect(try await store.contactTimeZones(tenantID: shop).isEmpty)
        try await record(
            store, shop,
            [
                try Fixtures.event("contact.created", contact: ["email": "a@example.com"], properties: ["timezone": "Europe/Paris"]),
                try Fixtures.event("contact.created", contact: ["email": "b@example.com"], properties: ["timezone": "Europe/Paris"]),
                try Fixtures.event("contact.created", contact: ["email": "c@example.com"], properties: ["timezone": "Africa/Casablanca"]),
                try Fixtures.event("contact.created", contact: ["email": "d@example.com"]),
            ])
        try await record(store, other, [try Fixtures.event("contact.created", contact: ["email": "e@example.com"], properties: ["timezone": "Asia/Tokyo"])])
        let zones = try await store.contactTimeZones(tenantID: shop)
        #expect(zones.count == 3)
        #expect(Set(zones) == ["Europe/Paris", "Africa/Casablanca", nil])
    }

    /// A date sweep reads only the contacts whose date can fall in its window: month-days for birthdays (29 February kept
    /// when asked), a span of days for one-off dates, on text and on instant columns alike.
    private func contactDatesKeepTheirWindow(_ store: SQLStore) async throws {
        let shop = try await tenant(store, "Shop")
        let other = try await tenant(store, "Other")
        let people: [(String, String, String)] = [
            ("a@example.com", "1990-03-08", "2026-02-27T10:00:00Z"), ("b@example.com", "2000-02-29", "2026-02-28T23:30:00Z"),
            ("c@example.com", "1985-12-31", "2026-03-01T00:30:00Z"), ("d@example.com", "1996-02-28", "2026-03-04T12:00:00Z"),
        ]
        for (email, birthdate, createdAt) in people {
            try await record(
                store, shop, [try Fixtures.event("contact.created", at: createdAt, contact: ["email": .string(email)], properties: ["birthdate": .string(birthdate)])])
        }
        try await record(
            store, other, [try Fixtures.event("contact.created", contact: ["email": "e@example.com"], properties: ["birthdate": "1990-03-08"])])
        func emails(_ property: String, _ window: ContactDateWindow?) async throws -> Set<String> {
            let dates = try await store.contactDates(tenantID: shop, property: property, within: window, afterID: "", limit: 100) ?? []
            let contacts = try await store.contacts(ids: Set(dates.map(\.contactID)), tenantID: shop)
            return Set(contacts.values.compactMap(\.email))
        }
        #expect(try await emails("birthdate", nil).count == 4, "no window: every date set")
        #expect(try await emails("birthdate", .monthDays(["03-08"])) == ["a@example.com"], "another tenant's birthday is not read")
        #expect(try await emails("birthdate", .monthDays(["02-28", "02-29"])) == ["b@example.com", "d@example.com"])
        #expect(try await emails("birthdate", .monthDays([])).isEmpty)
        let march1 = Timestamp.daysFromCivil(year: 2026, month: 3, day: 1)
        #expect(try await emails("created_at", .days(from: march1 - 1, to: march1 + 1)) == ["b@example.com", "c@example.com"])
        #expect(try await emails("created_at", .days(from: march1, to: march1 + 3)) == ["c@example.com"], "the end day (4 March) is excluded")
        let y2000 = Timestamp.daysFromCivil(year: 2000, month: 1, day: 1)
        #expect(try await emails("birthdate", .days(from: y2000, to: y2000 + 366)) == ["b@example.com"], "text dates by span")
        #expect(try await store.contactDates(tenantID: shop, property: "attributes.anniversary", within: .monthDays(["03-08"]), afterID: "", limit: 10) == nil)
    }

    private func tenantActivityIsEveryTenantInOneRead(_ store: SQLStore) async throws {
        #expect(try await store.tenantActivity() == TenantActivity())
        let shop = try await tenant(store, "Shop")
        let other = try await tenant(store, "Other")
        let quiet = try await store.tenantActivity()
        #expect(quiet.tenants.map(\.id) == (try await store.tenants()).map(\.id))
        #expect(quiet.work.isEmpty, "only tenants with work come back")
        #expect(quiet.work(of: shop) == TenantActivity.Work())
        #expect(quiet.work(of: "no-such-tenant") == nil)
        #expect(quiet.due == (try await store.nextDueMoments()))

        try await record(store, shop, [try Fixtures.event("contact.created", at: "2026-03-01T09:00:00Z")])
        _ = try await store.saveSegment(
            SegmentRecord(
                tenantID: other, id: "vip", name: "VIP", condition: "{}", timeDependent: false, createdAt: Fixtures.now, updatedAt: Fixtures.now))
        let busy = try await store.tenantActivity()
        #expect(busy.work(of: shop)?.hasUnroutedEvents == true)
        #expect(busy.work(of: other)?.hasUnroutedEvents == false, "another tenant's events are not this one's")
        #expect(busy.work(of: other)?.hasSegments == true)
        #expect(busy.work(of: shop)?.hasSegments == false)
        _ = try await store.routeEvents(tenantID: shop, limit: 100) { _ in FlowChanges() }
        #expect(try await store.tenantActivity().work(of: shop)?.hasUnroutedEvents == false)

        // The roster is kept while the signature holds, and read again when a tenant appears.
        let kept = try await store.tenantActivity(after: busy)
        #expect(kept.roster == busy.roster)
        let third = try await tenant(store, "Third")
        let grown = try await store.tenantActivity(after: kept)
        #expect(Set(grown.tenants.map(\.id)) == [shop, other, third])
        #expect(grown.tenants.map(\.id) == (try await store.tenants()).map(\.id))
        #expect(grown.roster.signature.tenants == 3)

        // The state version moves on every write of a setting or a flow choice, whoever makes it, and only for its tenant.
        var versions = try await stateVersions(store)
        var previous = try await store.tenantActivity()
        for change in 0..<4 {
            switch change {
            case 0: try await store.setTenantSetting("experiments.holdout_percent", to: "5", tenantID: shop, now: Fixtures.now)
            case 1: try await store.setTenantSetting("experiments.holdout_percent", to: "6", tenantID: shop, now: Fixtures.now)
            case 2: try await store.setTenantSetting("experiments.holdout_percent", to: nil, tenantID: shop, now: Fixtures.now)
            default: try await store.setFlowEnabled(tenantID: shop, flowID: "welcome", version: 1, enabled: false, at: Fixtures.now)
            }
            let now = try await stateVersions(store)
            #expect(now[shop]! > versions[shop]!, "change \(change)")
            let next = try await store.tenantActivity(after: previous)
            #expect(next.roster.signature != previous.roster.signature, "change \(change)")
            #expect(Dictionary(uniqueKeysWithValues: next.tenants.map { ($0.id, $0.stateVersion) }) == now, "read again after the change \(change)")
            previous = next
            #expect(now[other] == versions[other], "change \(change)")
            versions = now
        }
    }

    private func stateVersions(_ store: SQLStore) async throws -> [String: Int64] {
        Dictionary(uniqueKeysWithValues: try await store.tenantActivity().tenants.map { ($0.id, $0.stateVersion) })
    }
}

@Suite("Due work storage contract — SQLite")
struct SQLiteDueWorkStoreContractTests {
    @Test(arguments: DueWorkStoreContract.allCases)
    func contract(_ check: DueWorkStoreContract) async throws {
        try await TestDatabases.withSQLite { try await check.run($0) }
    }
}

@Suite("Due work storage contract — PostgreSQL", .enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
struct PostgresDueWorkStoreContractTests {
    @Test(arguments: DueWorkStoreContract.allCases)
    func contract(_ check: DueWorkStoreContract) async throws {
        try await TestDatabases.withPostgres { try await check.run($0) }
    }
}
