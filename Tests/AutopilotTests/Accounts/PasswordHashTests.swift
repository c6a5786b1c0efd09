import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// scrypt hashes in their PHC-like strings, at the standard cost, and the secret helpers.
@Suite struct PasswordHashTests {
    @Test func theStandardCostHashesAndVerifies() throws {
        let hash = try PasswordHash.make("correct horse battery")
        let parts = hash.split(separator: "$")
        #expect(parts.count == 4 && parts[0] == "scrypt" && parts[1] == "ln=14,r=8,p=1")
        #expect(Data(base64Encoded: String(parts[2]) + "==")?.count == 16, "a 16-byte salt")
        #expect(Data(base64Encoded: String(parts[3]) + "=")?.count == 32, "a 32-byte key")
        #expect(PasswordHash.parameters(of: hash) == .standard)
        #expect(PasswordHash.verify("correct horse battery", against: hash))
        #expect(!PasswordHash.verify("correct horse batterY", against: hash))
        #expect(!PasswordHash.verify("", against: hash))
    }

    @Test func theSaltMakesEveryHashDifferent() throws {
        let light = ScryptParameters(logN: 10, blockSize: 8, parallelism: 1)
        let first = try PasswordHash.make("same password", parameters: light)
        let second = try PasswordHash.make("same password", parameters: light)
        #expect(first != second)
        #expect(PasswordHash.verify("same password", against: first) && PasswordHash.verify("same password", against: second))
        #expect(PasswordHash.parameters(of: first) == light)
    }

    @Test(arguments: [
        "", "plain", "$scrypt$ln=14,r=8,p=1$c2FsdA", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaA",
        "$scrypt$ln=40,r=8,p=1$MDEyMzQ1Njc4OWFiY2RlZg$MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY",
        "$scrypt$ln=14,r=8$MDEyMzQ1Njc4OWFiY2RlZg$MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY",
        "$scrypt$ln=14,r=8,p=1$!!!$MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY",
    ])
    func anUnreadableHashNeverMatches(stored: String) {
        #expect(!PasswordHash.verify("anything at all", against: stored))
        #expect(PasswordHash.parameters(of: stored) == nil)
    }

    @Test func aLoginUpgradesAnOlderCost() async throws {
        try await TestDatabases.withSQLite { store in
            let fixture = try await AccountFixture.make(store)
            _ = try await fixture.accounts.createUser(tenantID: fixture.shop, email: "ana@shop.example", role: .owner, password: "old cost password")
            var stronger = AccountFixture.policy
            stronger.hashing = ScryptParameters(logN: 11, blockSize: 8, parallelism: 1)
            let upgraded = AccountService(dependencies: Dependencies(store: store, clock: fixture.clock), policy: stronger)
            guard case .signedIn = try await upgraded.login(email: "ana@shop.example", password: "old cost password", address: "a") else {
                Issue.record("the old hash should still sign in")
                return
            }
            let hash = try #require(try await store.dashboardUser(email: "ana@shop.example")?.passwordHash)
            #expect(PasswordHash.parameters(of: hash) == stronger.hashing)
            #expect(PasswordHash.verify("old cost password", against: hash))
        }
    }

    @Test func secretsAreRandomAndComparedWhole() {
        let tokens = Set((0..<50).map { _ in AccountSecrets.token() })
        #expect(tokens.count == 50 && tokens.allSatisfy { $0.count == 43 && !$0.contains("+") && !$0.contains("/") && !$0.contains("=") })
        #expect(AccountSecrets.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(AccountSecrets.matches("same-token", "same-token"))
        #expect(!AccountSecrets.matches("same-token", "same-tokeN") && !AccountSecrets.matches("same", "same-token"))
        let password = AccountSecrets.oneTimePassword()
        #expect(password.count == 23 && !password.contains("l") && !password.contains("0") && !password.contains("1"))
    }
}
