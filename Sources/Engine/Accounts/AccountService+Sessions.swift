import AutopilotCore
import Foundation
import Storage

extension AccountService {
    /// Signs in with an email and a password from `address` (the client's IP). An unknown email costs the same hashing
    /// work as a wrong password and answers the same `refused`. After `accountFailureLimit` failures of one account, or
    /// `addressFailureLimit` from one address, within `attemptWindow`, the answer is `throttled` without checking the
    /// password; a success clears the account's failures.
    public func login(email: String, password: String, address: String) async throws -> LoginOutcome {
        let now = dependencies.clock.now()
        let email = email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let keys = [LoginThrottle.accountKey(email), LoginThrottle.addressKey(address)]
        if let wait = try await throttled(keys: keys, limits: [policy.accountFailureLimit, policy.addressFailureLimit], now: now) {
            return .throttled(retryAfterSeconds: wait)
        }
        let user = email.isEmpty ? nil : try await store.dashboardUser(email: email)
        let accepted: Bool
        if let user, password.utf8.count <= policy.maximumPasswordLength {
            accepted = PasswordHash.verify(password, against: user.passwordHash)
        } else {
            PasswordHash.wasteEqualWork(String(password.prefix(policy.maximumPasswordLength)), parameters: policy.hashing)
            accepted = false
        }
        let forget = now.addingTimeInterval(-policy.attemptWindow)
        guard accepted, let user else {
            try await store.recordLoginAttempt(keys: keys, at: now, succeeded: false, forgetBefore: forget)
            return .refused
        }
        try await store.recordLoginAttempt(keys: keys, at: now, succeeded: true, forgetBefore: forget)
        try await store.clearFailedLoginAttempts(key: keys[0])
        if PasswordHash.parameters(of: user.passwordHash) != policy.hashing {
            let upgraded = try PasswordHash.make(password, parameters: policy.hashing)
            _ = try await store.setDashboardUserPassword(id: user.id, tenantID: user.tenantID, passwordHash: upgraded, at: now)
        }
        try await store.deleteExpiredDashboardSessions(before: now)
        return .signedIn(try await startSession(for: user, now: now))
    }

    /// The live session a cookie's raw token names, or nil (unknown, expired, or its user removed). A session in use is
    /// extended to `sessionLifetime` from now, at most once per `renewalInterval`.
    public func session(token: String) async throws -> DashboardSession? {
        guard !token.isEmpty, token.utf8.count <= 256 else { return nil }
        let now = dependencies.clock.now()
        let tokenHash = AccountSecrets.hash(token)
        guard let row = try await store.dashboardSession(tokenHash: tokenHash) else { return nil }
        guard row.session.expiresAt > now else {
            try await store.deleteDashboardSession(tokenHash: tokenHash)
            return nil
        }
        var expiresAt = row.session.expiresAt
        if now.timeIntervalSince(row.session.lastSeenAt) >= policy.renewalInterval {
            expiresAt = now.addingTimeInterval(policy.sessionLifetime)
            try await store.renewDashboardSession(tokenHash: tokenHash, lastSeenAt: now, expiresAt: expiresAt)
        }
        return DashboardSession(user: DashboardUser(row.user), csrfToken: row.session.csrfToken, expiresAt: expiresAt)
    }

    /// Ends the session a raw token names (nothing happens for an unknown token).
    public func logout(token: String) async throws {
        guard !token.isEmpty, token.utf8.count <= 256 else { return }
        try await store.deleteDashboardSession(tokenHash: AccountSecrets.hash(token))
    }

    /// A one-time login link's raw token for a user of the tenant, valid for `lifetime` seconds (at most `maximumLinkLifetime`).
    public func createLoginLink(userID: String, tenantID: String, lifetime: TimeInterval) async throws -> String {
        guard lifetime > 0, lifetime <= policy.maximumLinkLifetime else {
            throw ValidationError(
                code: "invalid_login_link", field: "lifetime",
                message: "must be more than 0 and at most \(Int(policy.maximumLinkLifetime)) seconds")
        }
        guard try await store.dashboardUser(id: userID, tenantID: tenantID) != nil else { throw AccountError.userNotFound(userID) }
        let token = AccountSecrets.token()
        let link = LoginLinkRecord(
            tokenHash: AccountSecrets.hash(token), userID: userID, tenantID: tenantID,
            expiresAt: dependencies.clock.now().addingTimeInterval(lifetime))
        try await store.createLoginLink(link)
        return token
    }

    /// Signs in with a login link's raw token: once only, before it expires. A failed redemption counts against the address.
    public func redeemLoginLink(token: String, address: String) async throws -> SessionGrant? {
        let now = dependencies.clock.now()
        let addressKey = LoginThrottle.addressKey(address)
        if try await throttled(keys: [addressKey], limits: [policy.addressFailureLimit], now: now) != nil { return nil }
        guard !token.isEmpty, token.utf8.count <= 256, let link = try await store.redeemLoginLink(tokenHash: AccountSecrets.hash(token), at: now),
            let user = try await store.dashboardUser(id: link.userID, tenantID: link.tenantID)
        else {
            try await store.recordLoginAttempt(
                keys: [addressKey], at: now, succeeded: false, forgetBefore: now.addingTimeInterval(-policy.attemptWindow))
            return nil
        }
        return try await startSession(for: user, now: now)
    }

    /// A signed-in user changes their own password: nil when `current` is wrong (counted as a failed sign-in of the
    /// account) or the account is throttled. Every session of the user ends; the returned grant is the new one.
    public func changePassword(userID: String, tenantID: String, current: String, new: String) async throws -> SessionGrant? {
        try AccountValidation.password(new, policy: policy)
        let now = dependencies.clock.now()
        guard let user = try await store.dashboardUser(id: userID, tenantID: tenantID) else { throw AccountError.userNotFound(userID) }
        let accountKey = LoginThrottle.accountKey(user.email)
        if try await throttled(keys: [accountKey], limits: [policy.accountFailureLimit], now: now) != nil { return nil }
        guard current.utf8.count <= policy.maximumPasswordLength, PasswordHash.verify(current, against: user.passwordHash) else {
            try await store.recordLoginAttempt(
                keys: [accountKey], at: now, succeeded: false, forgetBefore: now.addingTimeInterval(-policy.attemptWindow))
            return nil
        }
        let hash = try PasswordHash.make(new, parameters: policy.hashing)
        guard try await store.setDashboardUserPassword(id: userID, tenantID: tenantID, passwordHash: hash, at: now) else {
            throw AccountError.userNotFound(userID)
        }
        return try await startSession(for: user, now: now)
    }

    private func throttled(keys: [String], limits: [Int], now: Date) async throws -> Int? {
        var longest: Int?
        for (key, limit) in zip(keys, limits) {
            let failures = try await store.failedLoginAttempts(key: key, since: now.addingTimeInterval(-policy.attemptWindow))
            if let wait = LoginThrottle.retryAfter(failures: failures, limit: limit, window: policy.attemptWindow, now: now) {
                longest = max(longest ?? 0, wait)
            }
        }
        return longest
    }

    private func startSession(for user: DashboardUserRecord, now: Date) async throws -> SessionGrant {
        let token = AccountSecrets.token()
        let record = DashboardSessionRecord(
            tokenHash: AccountSecrets.hash(token), userID: user.id, tenantID: user.tenantID, csrfToken: AccountSecrets.token(), createdAt: now,
            expiresAt: now.addingTimeInterval(policy.sessionLifetime), lastSeenAt: now)
        try await store.createDashboardSession(record)
        return SessionGrant(
            token: token, session: DashboardSession(user: DashboardUser(user), csrfToken: record.csrfToken, expiresAt: record.expiresAt))
    }
}
