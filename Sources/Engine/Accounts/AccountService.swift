import AutopilotCore
import Foundation
import Storage

/// The dashboard's accounts: users and their roles, passwords, sign-in, sessions and one-time login links.
///
/// Every operation on a user names the tenant it acts in and never reaches another tenant's users; sign-in finds the
/// tenant from the email (an email belongs to one tenant). Time comes from `dependencies.clock`; secrets from the system's
/// cryptographic generator.
public struct AccountService: Sendable {
    public let dependencies: Dependencies
    public let policy: AccountPolicy

    public init(dependencies: Dependencies) {
        self.init(dependencies: dependencies, policy: .standard)
    }

    public init(dependencies: Dependencies, policy: AccountPolicy) {
        self.dependencies = dependencies
        self.policy = policy
    }

    var store: any AutopilotStore { dependencies.store }

    /// Adds a user to a tenant. With no password, a strong one-time password is generated; either way it is returned (the
    /// only time it is seen).
    public func createUser(tenantID: String, email: String, role: UserRole, password: String?) async throws -> (user: DashboardUser, password: String)
    {
        let email = try AccountValidation.email(email)
        if let password { try AccountValidation.password(password, policy: policy) }
        guard try await store.tenantTimeZone(tenantID: tenantID) != nil else {
            throw ValidationError(code: "unknown_tenant", field: "tenant_id", message: "no tenant \"\(tenantID)\"")
        }
        let chosen = password ?? AccountSecrets.oneTimePassword()
        let now = dependencies.clock.now()
        let record = DashboardUserRecord(
            id: dependencies.ids.make("us"), tenantID: tenantID, email: email, role: role.rawValue,
            passwordHash: try PasswordHash.make(chosen, parameters: policy.hashing), language: nil, createdAt: now, updatedAt: now)
        guard try await store.createDashboardUser(record) else { throw AccountError.emailTaken(email) }
        return (DashboardUser(record), chosen)
    }

    /// A tenant's users by email, or every user of the install when `tenantID` is nil (the command line only).
    public func listUsers(tenantID: String?) async throws -> [DashboardUser] {
        try await store.dashboardUsers(tenantID: tenantID).map(DashboardUser.init)
    }

    /// One user of the tenant, or nil (a user of another tenant is nil too).
    public func user(id: String, tenantID: String) async throws -> DashboardUser? {
        try await store.dashboardUser(id: id, tenantID: tenantID).map(DashboardUser.init)
    }

    /// Sets a new password for the account of `email` (generated when nil) and signs it out everywhere; returns the password.
    public func resetPassword(email: String, password: String?) async throws -> String {
        let email = try AccountValidation.email(email)
        guard let record = try await store.dashboardUser(email: email) else { throw AccountError.userNotFound(email) }
        return try await resetPassword(userID: record.id, tenantID: record.tenantID, password: password)
    }

    /// Sets a new password for one user of the tenant (generated when nil) and signs them out everywhere; returns it.
    public func resetPassword(userID: String, tenantID: String, password: String?) async throws -> String {
        if let password { try AccountValidation.password(password, policy: policy) }
        let chosen = password ?? AccountSecrets.oneTimePassword()
        let hash = try PasswordHash.make(chosen, parameters: policy.hashing)
        guard try await store.setDashboardUserPassword(id: userID, tenantID: tenantID, passwordHash: hash, at: dependencies.clock.now()) else {
            throw AccountError.userNotFound(userID)
        }
        return chosen
    }

    /// Changes a user's role; a tenant always keeps at least one owner.
    public func setRole(userID: String, tenantID: String, role: UserRole) async throws {
        guard let current = try await store.dashboardUser(id: userID, tenantID: tenantID) else { throw AccountError.userNotFound(userID) }
        if UserRole(stored: current.role) == .owner, role != .owner { try await requireAnotherOwner(than: userID, tenantID: tenantID) }
        guard try await store.setDashboardUserRole(id: userID, tenantID: tenantID, role: role.rawValue, at: dependencies.clock.now()) else {
            throw AccountError.userNotFound(userID)
        }
    }

    /// Removes a user with their sessions and login links; a tenant always keeps at least one owner.
    public func deleteUser(userID: String, tenantID: String) async throws {
        guard let current = try await store.dashboardUser(id: userID, tenantID: tenantID) else { throw AccountError.userNotFound(userID) }
        if UserRole(stored: current.role) == .owner { try await requireAnotherOwner(than: userID, tenantID: tenantID) }
        guard try await store.deleteDashboardUser(id: userID, tenantID: tenantID) else { throw AccountError.userNotFound(userID) }
    }

    /// Sets the interface language a user chose (`fr`, `en`…), or clears it with nil.
    public func setLanguage(userID: String, tenantID: String, language: String?) async throws {
        let tag = try AccountValidation.language(language)
        guard try await store.setDashboardUserLanguage(id: userID, tenantID: tenantID, language: tag, at: dependencies.clock.now()) else {
            throw AccountError.userNotFound(userID)
        }
    }

    private func requireAnotherOwner(than userID: String, tenantID: String) async throws {
        let owners = try await store.dashboardUsers(tenantID: tenantID).filter { UserRole(stored: $0.role) == .owner && $0.id != userID }
        guard !owners.isEmpty else { throw AccountError.lastOwner }
    }
}
