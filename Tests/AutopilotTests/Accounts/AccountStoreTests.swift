import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// The accounts tables through `AccountStore`, on SQLite always and on PostgreSQL when AUTOPILOT_TEST_POSTGRES_URL is set.
@Suite struct AccountStoreTests {
    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.contract($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.contract($0) }
    }

    static func user(_ id: String, tenant: String, email: String, role: String = "owner") -> DashboardUserRecord {
        DashboardUserRecord(
            id: id, tenantID: tenant, email: email, role: role, passwordHash: "$scrypt$x", language: nil, createdAt: Fixtures.now,
            updatedAt: Fixtures.now)
    }

    static func contract(_ store: SQLStore) async throws {
        let tenants = TenantService(dependencies: Dependencies(store: store, clock: ManualClock(Fixtures.now)))
        let shop = try await tenants.create(name: "shop").tenantID
        let other = try await tenants.create(name: "other").tenantID
        try await users(store, shop: shop, other: other)
        try await sessions(store, shop: shop, other: other)
        try await attempts(store)
        try await links(store, shop: shop, other: other)
        try await timeZones(store, shop: shop, other: other)
    }

    static func users(_ store: SQLStore, shop: String, other: String) async throws {
        #expect(try await store.createDashboardUser(user("us_1", tenant: shop, email: "ana@shop.example")))
        #expect(try await store.createDashboardUser(user("us_2", tenant: shop, email: "bob@shop.example", role: "viewer")))
        #expect(try await store.createDashboardUser(user("us_3", tenant: other, email: "cy@other.example")))
        #expect(try await store.createDashboardUser(user("us_4", tenant: other, email: "ana@shop.example")) == false, "an email is install-wide")

        #expect(try await store.dashboardUsers(tenantID: shop).map(\.id) == ["us_1", "us_2"])
        #expect(try await store.dashboardUsers(tenantID: nil).count == 3)
        #expect(try await store.dashboardUser(id: "us_1", tenantID: shop)?.email == "ana@shop.example")
        #expect(try await store.dashboardUser(id: "us_1", tenantID: other) == nil, "another tenant's user is not found")
        #expect(try await store.dashboardUser(email: "cy@other.example")?.tenantID == other)

        let later = Fixtures.now.addingTimeInterval(60)
        #expect(try await store.setDashboardUserRole(id: "us_2", tenantID: shop, role: "editor", at: later))
        #expect(try await store.setDashboardUserLanguage(id: "us_2", tenantID: shop, language: "fr", at: later))
        #expect(try await store.setDashboardUserPassword(id: "us_2", tenantID: shop, passwordHash: "$scrypt$y", at: later))
        let changed = try #require(try await store.dashboardUser(id: "us_2", tenantID: shop))
        #expect(changed.role == "editor" && changed.language == "fr" && changed.passwordHash == "$scrypt$y" && changed.updatedAt == later)

        #expect(try await store.setDashboardUserRole(id: "us_2", tenantID: other, role: "owner", at: later) == false)
        #expect(try await store.setDashboardUserLanguage(id: "us_2", tenantID: other, language: "en", at: later) == false)
        #expect(try await store.setDashboardUserPassword(id: "us_2", tenantID: other, passwordHash: "$scrypt$z", at: later) == false)
        #expect(try await store.deleteDashboardUser(id: "us_2", tenantID: other) == false)
        #expect(try await store.dashboardUser(id: "us_2", tenantID: shop) == changed, "nothing changed from the other tenant")
    }

    static func session(_ hash: Character, user: String, tenant: String, expiresIn: TimeInterval = 3600) -> DashboardSessionRecord {
        DashboardSessionRecord(
            tokenHash: String(repeating: hash, count: 64), userID: user, tenantID: tenant, csrfToken: String(repeating: "c", count: 43),
            createdAt: Fixtures.now, expiresAt: Fixtures.now.addingTimeInterval(expiresIn), lastSeenAt: Fixtures.now)
    }

    static func sessions(_ store: SQLStore, shop: String, other: String) async throws {
        let live = session("a", user: "us_1", tenant: shop)
        try await store.createDashboardSession(live)
        try await store.createDashboardSession(session("b", user: "us_1", tenant: shop, expiresIn: -1))
        try await store.createDashboardSession(session("d", user: "us_2", tenant: shop))
        let read = try #require(try await store.dashboardSession(tokenHash: live.tokenHash))
        #expect(read.session == live && read.user.id == "us_1" && read.user.tenantID == shop)

        let renewed = Fixtures.now.addingTimeInterval(7200)
        try await store.renewDashboardSession(tokenHash: live.tokenHash, lastSeenAt: Fixtures.now.addingTimeInterval(90), expiresAt: renewed)
        #expect(try await store.dashboardSession(tokenHash: live.tokenHash)?.session.expiresAt == renewed)

        #expect(try await store.deleteExpiredDashboardSessions(before: Fixtures.now) == 1)
        #expect(try await store.dashboardSession(tokenHash: String(repeating: "b", count: 64)) == nil)

        #expect(try await store.setDashboardUserPassword(id: "us_2", tenantID: shop, passwordHash: "$scrypt$new", at: Fixtures.now))
        #expect(try await store.dashboardSession(tokenHash: String(repeating: "d", count: 64)) == nil, "a new password ends the sessions")

        try await store.deleteDashboardSession(tokenHash: live.tokenHash)
        #expect(try await store.dashboardSession(tokenHash: live.tokenHash) == nil)
    }

    static func attempts(_ store: SQLStore) async throws {
        let keys = ["account:ana@shop.example", "address:203.0.113.9"]
        for minute in 0..<3 {
            let at = Fixtures.now.addingTimeInterval(Double(minute) * 60)
            try await store.recordLoginAttempt(keys: keys, at: at, succeeded: false, forgetBefore: at.addingTimeInterval(-900))
        }
        let start = Fixtures.now.addingTimeInterval(-1)
        #expect(try await store.failedLoginAttempts(key: keys[0], since: start).count == 3)
        #expect(try await store.failedLoginAttempts(key: keys[1], since: Fixtures.now.addingTimeInterval(30)).count == 2)
        #expect(try await store.failedLoginAttempts(key: keys[1], since: start).first == Fixtures.now)

        try await store.recordLoginAttempt(keys: keys, at: Fixtures.now.addingTimeInterval(180), succeeded: true, forgetBefore: start)
        try await store.clearFailedLoginAttempts(key: keys[0])
        #expect(try await store.failedLoginAttempts(key: keys[0], since: start).isEmpty)
        #expect(try await store.failedLoginAttempts(key: keys[1], since: start).count == 3, "only the account's count is cleared")

        let much = Fixtures.now.addingTimeInterval(3600)
        try await store.recordLoginAttempt(keys: [keys[1]], at: much, succeeded: false, forgetBefore: much.addingTimeInterval(-900))
        #expect(try await store.failedLoginAttempts(key: keys[1], since: .distantPast) == [much], "old attempts are forgotten")
    }

    static func links(_ store: SQLStore, shop: String, other: String) async throws {
        let hash = String(repeating: "e", count: 64)
        try await store.createLoginLink(
            LoginLinkRecord(tokenHash: hash, userID: "us_1", tenantID: shop, expiresAt: Fixtures.now.addingTimeInterval(600)))
        let used = try #require(try await store.redeemLoginLink(tokenHash: hash, at: Fixtures.now))
        #expect(used.userID == "us_1" && used.tenantID == shop && used.usedAt == Fixtures.now)
        #expect(try await store.redeemLoginLink(tokenHash: hash, at: Fixtures.now) == nil, "one use only")

        let late = String(repeating: "f", count: 64)
        try await store.createLoginLink(LoginLinkRecord(tokenHash: late, userID: "us_3", tenantID: other, expiresAt: Fixtures.now))
        #expect(try await store.redeemLoginLink(tokenHash: late, at: Fixtures.now.addingTimeInterval(1)) == nil, "expired")

        #expect(try await store.deleteDashboardUser(id: "us_1", tenantID: shop), "a user with sessions and links can be removed")
        #expect(try await store.dashboardUser(id: "us_1", tenantID: shop) == nil)
    }

    static func timeZones(_ store: SQLStore, shop: String, other: String) async throws {
        #expect(try await store.tenantTimeZone(tenantID: shop) == "UTC")
        #expect(try await store.setTenantTimeZone(tenantID: shop, identifier: "Europe/Paris"))
        #expect(try await store.tenantTimeZone(tenantID: shop) == "Europe/Paris")
        #expect(try await store.tenantTimeZone(tenantID: other) == "UTC")
        #expect(try await store.tenantTimeZone(tenantID: "tn_nobody") == nil)
        #expect(try await store.setTenantTimeZone(tenantID: "tn_nobody", identifier: "UTC") == false)
    }
}
