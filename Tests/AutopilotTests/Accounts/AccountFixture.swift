import AutopilotCore
import Engine
import Foundation
import Storage

/// A store with two tenants, a manual clock and an account service with a light scrypt cost (the standard cost is tested
/// in `PasswordHashTests`).
struct AccountFixture: Sendable {
    let store: SQLStore
    let clock: ManualClock
    let accounts: AccountService
    let tenants: TenantService
    let shop: String
    let other: String

    static var policy: AccountPolicy {
        var policy = AccountPolicy()
        policy.hashing = ScryptParameters(logN: 10, blockSize: 8, parallelism: 1)
        return policy
    }

    static func make(_ store: SQLStore, policy: AccountPolicy = Self.policy) async throws -> AccountFixture {
        let clock = ManualClock(Fixtures.now)
        let dependencies = Dependencies(store: store, clock: clock)
        let tenants = TenantService(dependencies: dependencies)
        let shop = try await tenants.create(name: "Shop").tenantID
        let other = try await tenants.create(name: "Other").tenantID
        return AccountFixture(
            store: store, clock: clock, accounts: AccountService(dependencies: dependencies, policy: policy), tenants: tenants, shop: shop,
            other: other)
    }

    /// Signs in and returns the grant, or nil when refused or throttled.
    func signIn(_ email: String, _ password: String, from address: String = "198.51.100.7") async throws -> SessionGrant? {
        if case .signedIn(let grant) = try await accounts.login(email: email, password: password, address: address) { return grant }
        return nil
    }
}
