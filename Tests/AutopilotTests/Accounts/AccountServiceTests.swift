import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// Users, roles and passwords through `AccountService`, on SQLite (and the tenant isolation on PostgreSQL too).
@Suite struct AccountServiceTests {
    @Test func createsUsersWithAGeneratedOrGivenPassword() async throws {
        try await TestDatabases.withSQLite { store in
            let fixture = try await AccountFixture.make(store)
            let generated = try await fixture.accounts.createUser(tenantID: fixture.shop, email: " Ana@Shop.Example ", role: .owner, password: nil)
            #expect(generated.user.email == "ana@shop.example" && generated.user.role == .owner && generated.user.tenantID == fixture.shop)
            #expect(generated.password.count == 23 && generated.password.split(separator: "-").count == 4)
            #expect(try await fixture.signIn("ana@shop.example", generated.password) != nil)

            let given = try await fixture.accounts.createUser(
                tenantID: fixture.shop, email: "bob@shop.example", role: .viewer, password: "correct horse")
            #expect(given.password == "correct horse")
            let stored = try #require(try await store.dashboardUser(email: "bob@shop.example"))
            #expect(stored.passwordHash.hasPrefix("$scrypt$ln=10,r=8,p=1$") && !stored.passwordHash.contains("correct"))
            #expect(try await fixture.accounts.listUsers(tenantID: fixture.shop).map(\.email) == ["ana@shop.example", "bob@shop.example"])
        }
    }

    @Test(arguments: [
        ("not-an-email", "long enough pass", "email"), ("a@b", "long enough pass", "email"), ("a b@shop.example", "long enough pass", "email"),
        ("ana@shop.example", "short", "password"),
    ])
    func refusesBadInputNamingTheField(email: String, password: String, field: String) async throws {
        try await TestDatabases.withSQLite { store in
            let fixture = try await AccountFixture.make(store)
            let error = await #expect(throws: ValidationError.self) {
                _ = try await fixture.accounts.createUser(tenantID: fixture.shop, email: email, role: .editor, password: password)
            }
            #expect(error?.field == field)
            #expect(try await fixture.accounts.listUsers(tenantID: nil).isEmpty)
        }
    }

    @Test func refusesAnUnknownTenantAndATakenEmail() async throws {
        try await TestDatabases.withSQLite { store in
            let fixture = try await AccountFixture.make(store)
            let unknown = await #expect(throws: ValidationError.self) {
                _ = try await fixture.accounts.createUser(tenantID: "tn_nobody", email: "ana@shop.example", role: .owner, password: nil)
            }
            #expect(unknown?.field == "tenant_id")
            _ = try await fixture.accounts.createUser(tenantID: fixture.shop, email: "ana@shop.example", role: .owner, password: nil)
            let taken = await #expect(throws: AccountError.self) {
                _ = try await fixture.accounts.createUser(tenantID: fixture.other, email: "ANA@shop.example", role: .owner, password: nil)
            }
            #expect(taken?.code == "email_taken" && taken?.category == .conflict && taken?.field == "email")
        }
    }

    @Test func rolesSayWhatTheyAllow() {
        #expect(UserRole.allCases.filter(\.canEdit) == [.owner, .editor])
        #expect(UserRole.allCases.filter(\.canManageUsers) == [.owner])
        #expect(UserRole(stored: "admin") == .viewer, "an unknown stored role gets the least privilege")
    }

    @Test func aTenantKeepsAnOwnerAndUsersChangeRoleAndLanguage() async throws {
        try await TestDatabases.withSQLite { store in
            let fixture = try await AccountFixture.make(store)
            let ana = try await fixture.accounts.createUser(tenantID: fixture.shop, email: "ana@shop.example", role: .owner, password: nil).user
            let bob = try await fixture.accounts.createUser(tenantID: fixture.shop, email: "bob@shop.example", role: .viewer, password: nil).user
            let demote = await #expect(throws: AccountError.self) {
                try await fixture.accounts.setRole(userID: ana.id, tenantID: fixture.shop, role: .editor)
            }
            #expect(demote?.code == "last_owner")
            let remove = await #expect(throws: AccountError.self) { try await fixture.accounts.deleteUser(userID: ana.id, tenantID: fixture.shop) }
            #expect(remove?.code == "last_owner")

            try await fixture.accounts.setRole(userID: bob.id, tenantID: fixture.shop, role: .owner)
            try await fixture.accounts.setRole(userID: ana.id, tenantID: fixture.shop, role: .editor)
            try await fixture.accounts.setLanguage(userID: ana.id, tenantID: fixture.shop, language: "FR")
            let changed = try #require(try await fixture.accounts.user(id: ana.id, tenantID: fixture.shop))
            #expect(changed.role == .editor && changed.language == "fr")
            let badLanguage = await #expect(throws: ValidationError.self) {
                try await fixture.accounts.setLanguage(userID: ana.id, tenantID: fixture.shop, language: "français!")
            }
            #expect(badLanguage?.field == "language")
            try await fixture.accounts.setLanguage(userID: ana.id, tenantID: fixture.shop, language: nil)
            #expect(try await fixture.accounts.user(id: ana.id, tenantID: fixture.shop)?.language == nil)

            try await fixture.accounts.deleteUser(userID: ana.id, tenantID: fixture.shop)
            #expect(try await fixture.accounts.listUsers(tenantID: fixture.shop).map(\.email) == ["bob@shop.example"])
        }
    }

    @Test func resettingAPasswordEndsTheSessions() async throws {
        try await TestDatabases.withSQLite { store in
            let fixture = try await AccountFixture.make(store)
            let first = try await fixture.accounts.createUser(tenantID: fixture.shop, email: "ana@shop.example", role: .owner, password: nil)
            let grant = try #require(try await fixture.signIn("ana@shop.example", first.password))
            let second = try await fixture.accounts.resetPassword(email: "ANA@shop.example", password: nil)
            #expect(second != first.password)
            #expect(try await fixture.accounts.session(token: grant.token) == nil)
            #expect(try await fixture.signIn("ana@shop.example", first.password) == nil)
            #expect(try await fixture.signIn("ana@shop.example", second) != nil)
            #expect(try await fixture.accounts.resetPassword(email: "ana@shop.example", password: "a chosen passphrase") == "a chosen passphrase")
            let unknown = await #expect(throws: AccountError.self) {
                _ = try await fixture.accounts.resetPassword(email: "no@shop.example", password: nil)
            }
            #expect(unknown?.code == "user_not_found" && unknown?.category == .notFound)
        }
    }

    @Test func aUserChangesTheirOwnPassword() async throws {
        try await TestDatabases.withSQLite { store in
            let fixture = try await AccountFixture.make(store)
            let ana = try await fixture.accounts.createUser(tenantID: fixture.shop, email: "ana@shop.example", role: .editor, password: nil)
            let old = try #require(try await fixture.signIn("ana@shop.example", ana.password))
            let accounts = fixture.accounts
            #expect(
                try await accounts.changePassword(userID: ana.user.id, tenantID: fixture.shop, current: "not it at all", new: "my own passphrase")
                    == nil)
            let short = await #expect(throws: ValidationError.self) {
                _ = try await accounts.changePassword(userID: ana.user.id, tenantID: fixture.shop, current: ana.password, new: "short")
            }
            #expect(short?.field == "password")
            let fresh = try #require(
                try await accounts.changePassword(userID: ana.user.id, tenantID: fixture.shop, current: ana.password, new: "my own passphrase"))
            #expect(try await accounts.session(token: old.token) == nil, "the other sessions end")
            #expect(try await accounts.session(token: fresh.token)?.user.id == ana.user.id)
            #expect(try await fixture.signIn("ana@shop.example", "my own passphrase") != nil)
            let foreign = await #expect(throws: AccountError.self) {
                _ = try await accounts.changePassword(userID: ana.user.id, tenantID: fixture.other, current: "my own passphrase", new: "taken over!!")
            }
            #expect(foreign?.code == "user_not_found")
        }
    }

    @Test func tenantsNeverMeetSQLite() async throws {
        try await TestDatabases.withSQLite { try await Self.isolation($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func tenantsNeverMeetPostgres() async throws {
        try await TestDatabases.withPostgres { try await Self.isolation($0) }
    }

    /// A user of tenant B cannot load or change tenant A's users; a session carries only its own tenant.
    static func isolation(_ store: SQLStore) async throws {
        let fixture = try await AccountFixture.make(store)
        let (a, b) = (fixture.shop, fixture.other)
        let ana = try await fixture.accounts.createUser(tenantID: a, email: "ana@shop.example", role: .owner, password: "shop password 1")
        _ = try await fixture.accounts.createUser(tenantID: a, email: "al@shop.example", role: .owner, password: "shop password 2")
        let cy = try await fixture.accounts.createUser(tenantID: b, email: "cy@other.example", role: .owner, password: "other password")

        let session = try #require(try await fixture.signIn("cy@other.example", "other password")).session
        #expect(session.user.tenantID == b && session.user.id == cy.user.id)
        let acting = session.user.tenantID
        #expect(try await fixture.accounts.listUsers(tenantID: acting).map(\.email) == ["cy@other.example"])
        #expect(try await fixture.accounts.user(id: ana.user.id, tenantID: acting) == nil)
        let attempts: [@Sendable () async throws -> Void] = [
            { try await fixture.accounts.setRole(userID: ana.user.id, tenantID: acting, role: .viewer) },
            { try await fixture.accounts.deleteUser(userID: ana.user.id, tenantID: acting) },
            { try await fixture.accounts.setLanguage(userID: ana.user.id, tenantID: acting, language: "en") },
            { _ = try await fixture.accounts.resetPassword(userID: ana.user.id, tenantID: acting, password: "taken over!!") },
            { _ = try await fixture.accounts.createLoginLink(userID: ana.user.id, tenantID: acting, lifetime: 600) },
        ]
        for attempt in attempts {
            let error = await #expect(throws: AccountError.self) { try await attempt() }
            #expect(error?.code == "user_not_found")
        }
        let untouched = try #require(try await fixture.accounts.user(id: ana.user.id, tenantID: a))
        #expect(untouched.role == .owner && untouched.language == nil)
        let own = try #require(try await fixture.signIn("ana@shop.example", "shop password 1")).session
        #expect(own.user.tenantID == a)
    }
}
