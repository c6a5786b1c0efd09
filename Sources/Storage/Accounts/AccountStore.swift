import Foundation

/// The dashboard's accounts: users, sessions, one-time login links and the login attempts rate limiting counts.
/// Every read and change of a user is scoped by its tenant, except the install-wide lookups by email (an email belongs to
/// one tenant) and by token hash, which sign-in needs. Each operation is one transaction.
public protocol AccountStore: Sendable {
    /// Adds a user; false (nothing written) when the email is already taken in the install.
    func createDashboardUser(_ user: DashboardUserRecord) async throws -> Bool
    func dashboardUser(id: String, tenantID: String) async throws -> DashboardUserRecord?
    /// The user an email (lowercase) belongs to, whatever the tenant: for sign-in and the command line.
    func dashboardUser(email: String) async throws -> DashboardUserRecord?
    /// A tenant's users, or every user when `tenantID` is nil, by tenant then email.
    func dashboardUsers(tenantID: String?) async throws -> [DashboardUserRecord]
    /// Replaces the password hash and ends the user's sessions; false when the user is not the tenant's.
    func setDashboardUserPassword(id: String, tenantID: String, passwordHash: String, at: Date) async throws -> Bool
    func setDashboardUserRole(id: String, tenantID: String, role: String, at: Date) async throws -> Bool
    func setDashboardUserLanguage(id: String, tenantID: String, language: String?, at: Date) async throws -> Bool
    /// Removes the user with their sessions and login links; false when the user is not the tenant's.
    func deleteDashboardUser(id: String, tenantID: String) async throws -> Bool

    func createDashboardSession(_ session: DashboardSessionRecord) async throws
    /// The session a token hash names, with its user, expired or not (the caller decides).
    func dashboardSession(tokenHash: String) async throws -> DashboardSessionRow?
    func renewDashboardSession(tokenHash: String, lastSeenAt: Date, expiresAt: Date) async throws
    func deleteDashboardSession(tokenHash: String) async throws
    /// Forgets sessions that expired before `before`; returns how many.
    @discardableResult
    func deleteExpiredDashboardSessions(before: Date) async throws -> Int

    /// Records one login attempt under each key (`account:EMAIL`, `address:IP`) and forgets every attempt before `forgetBefore`.
    func recordLoginAttempt(keys: [String], at: Date, succeeded: Bool, forgetBefore: Date) async throws
    /// The times of the failed attempts under `key` after `since` (an attempt at exactly `since` has left the window), oldest first.
    func failedLoginAttempts(key: String, since: Date) async throws -> [Date]
    /// Forgets the failed attempts under `key` (a successful sign-in clears its account's count).
    func clearFailedLoginAttempts(key: String) async throws

    func createLoginLink(_ link: LoginLinkRecord) async throws
    /// Marks the link used at `at` and returns it, when it exists, is unused and has not expired; nil otherwise. Two
    /// concurrent redemptions of one link: only one gets it.
    func redeemLoginLink(tokenHash: String, at: Date) async throws -> LoginLinkRecord?
}
