import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// Sign-in, rate limits, sessions and one-time login links, on SQLite always and on PostgreSQL when it is set.
@Suite struct LoginTests {
    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.contract($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.contract($0) }
    }

    static func contract(_ store: SQLStore) async throws {
        let fixture = try await AccountFixture.make(store)
        _ = try await fixture.accounts.createUser(tenantID: fixture.shop, email: "ana@shop.example", role: .editor, password: "ana's password")
        try await throttlesAnAccount(fixture)
        try await throttlesAnAddress(fixture)
        try await sessionsSlideAndEnd(fixture)
        try await loginLinksWorkOnce(fixture)
    }

    static func throttlesAnAccount(_ fixture: AccountFixture) async throws {
        let accounts = fixture.accounts
        #expect(try await accounts.login(email: "ana@shop.example", password: "wrong password", address: "a1") == .refused)
        #expect(try await accounts.login(email: "nobody@shop.example", password: "ana's password", address: "a1") == .refused)
        let grant = try #require(try await fixture.signIn("ANA@shop.example", "ana's password", from: "a1"))
        #expect(grant.session.user.email == "ana@shop.example" && grant.session.user.role == .editor)
        #expect(grant.token.count == 43 && grant.session.csrfToken.count == 43 && grant.token != grant.session.csrfToken)
        #expect(grant.session.expiresAt == fixture.clock.now().addingTimeInterval(12 * 3600))

        for attempt in 0..<5 {
            fixture.clock.advance(by: 60)
            #expect(try await accounts.login(email: "ana@shop.example", password: "guess \(attempt)", address: "a\(attempt)") == .refused)
        }
        fixture.clock.advance(by: 60)
        // Five failures at +1…+5 min; the first leaves the 15-minute window at +16 min, i.e. 600 s after now (+6 min).
        #expect(
            try await accounts.login(email: "ana@shop.example", password: "ana's password", address: "elsewhere")
                == .throttled(retryAfterSeconds: 600))
        fixture.clock.advance(by: 600)
        #expect(try await fixture.signIn("ana@shop.example", "ana's password", from: "elsewhere") != nil)

        for attempt in 0..<4 {
            #expect(try await accounts.login(email: "ana@shop.example", password: "guess \(attempt)", address: "b") == .refused)
        }
        #expect(try await fixture.signIn("ana@shop.example", "ana's password", from: "b") != nil, "four failures do not throttle")
        #expect(try await accounts.login(email: "ana@shop.example", password: "again", address: "b") == .refused, "the success cleared the count")
        fixture.clock.advance(by: 3600)
    }

    static func throttlesAnAddress(_ fixture: AccountFixture) async throws {
        for attempt in 0..<20 {
            #expect(
                try await fixture.accounts.login(email: "user\(attempt)@spray.example", password: "password1!", address: "203.0.113.66") == .refused)
        }
        let outcome = try await fixture.accounts.login(email: "ana@shop.example", password: "ana's password", address: "203.0.113.66")
        #expect(outcome == .throttled(retryAfterSeconds: 900))
        #expect(try await fixture.signIn("ana@shop.example", "ana's password", from: "198.51.100.1") != nil, "other addresses still sign in")
        fixture.clock.advance(by: 900)
        #expect(try await fixture.signIn("ana@shop.example", "ana's password", from: "203.0.113.66") != nil)
    }

    static func sessionsSlideAndEnd(_ fixture: AccountFixture) async throws {
        let accounts = fixture.accounts
        let grant = try #require(try await fixture.signIn("ana@shop.example", "ana's password"))
        let started = fixture.clock.now()
        fixture.clock.advance(by: 30)
        #expect(try await accounts.session(token: grant.token)?.expiresAt == grant.session.expiresAt, "not renewed within a minute")
        fixture.clock.advance(by: 31)
        let renewed = try #require(try await accounts.session(token: grant.token))
        #expect(
            renewed.expiresAt == started.addingTimeInterval(61 + 12 * 3600)
                && renewed
                    == DashboardSession(
                        user: grant.session.user, csrfToken: grant.session.csrfToken, expiresAt: renewed.expiresAt)
        )
        for _ in 0..<3 {
            fixture.clock.advance(by: 11 * 3600)
            #expect(try await accounts.session(token: grant.token) != nil, "a session in use slides")
        }
        fixture.clock.advance(by: 12 * 3600)
        #expect(try await accounts.session(token: grant.token) == nil, "twelve idle hours end it")
        #expect(try await accounts.session(token: "") == nil)
        #expect(try await accounts.session(token: AccountSecrets.token()) == nil)

        let other = try #require(try await fixture.signIn("ana@shop.example", "ana's password"))
        #expect(try await fixture.store.dashboardSession(tokenHash: other.token) == nil, "the raw token is never stored")
        try await accounts.logout(token: other.token)
        #expect(try await accounts.session(token: other.token) == nil)
    }

    static func loginLinksWorkOnce(_ fixture: AccountFixture) async throws {
        let accounts = fixture.accounts
        let ana = try #require(try await fixture.store.dashboardUser(email: "ana@shop.example"))
        let token = try await accounts.createLoginLink(userID: ana.id, tenantID: fixture.shop, lifetime: 600)
        let grant = try #require(try await accounts.redeemLoginLink(token: token, address: "a"))
        #expect(grant.session.user.id == ana.id && grant.session.user.tenantID == fixture.shop)
        #expect(try await accounts.session(token: grant.token) != nil)
        #expect(try await accounts.redeemLoginLink(token: token, address: "a") == nil, "one use only")

        let late = try await accounts.createLoginLink(userID: ana.id, tenantID: fixture.shop, lifetime: 60)
        fixture.clock.advance(by: 61)
        #expect(try await accounts.redeemLoginLink(token: late, address: "a") == nil, "expired")
        let lifetime = await #expect(throws: ValidationError.self) {
            _ = try await accounts.createLoginLink(userID: ana.id, tenantID: fixture.shop, lifetime: 30 * 24 * 3600)
        }
        #expect(lifetime?.field == "lifetime")
    }
}
