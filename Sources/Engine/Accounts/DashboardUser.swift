import Foundation
import Storage

/// A person who signs in to the dashboard, as the dashboard sees them (never their password hash).
public struct DashboardUser: Sendable, Equatable {
    public var id: String
    public var tenantID: String
    public var email: String
    public var role: UserRole
    /// The interface language they chose (`fr`, `en`), or nil to follow the browser.
    public var language: String?
    public var createdAt: Date

    public init(id: String, tenantID: String, email: String, role: UserRole, language: String?, createdAt: Date) {
        self.id = id
        self.tenantID = tenantID
        self.email = email
        self.role = role
        self.language = language
        self.createdAt = createdAt
    }

    init(_ record: DashboardUserRecord) {
        self.init(
            id: record.id, tenantID: record.tenantID, email: record.email, role: UserRole(stored: record.role), language: record.language,
            createdAt: record.createdAt)
    }
}

/// A signed-in session: whose it is (and so which tenant it sees), the token forms must echo, and when it ends.
public struct DashboardSession: Sendable, Equatable {
    public var user: DashboardUser
    /// The anti-forgery token every changing form must carry (compare with `AccountSecrets.matches`).
    public var csrfToken: String
    public var expiresAt: Date

    public init(user: DashboardUser, csrfToken: String, expiresAt: Date) {
        self.user = user
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

/// A new session and its raw token, the cookie's value: returned once, never stored (the store keeps its SHA-256).
public struct SessionGrant: Sendable, Equatable {
    public var token: String
    public var session: DashboardSession

    public init(token: String, session: DashboardSession) {
        self.token = token
        self.session = session
    }
}

/// What a sign-in came to. `refused` says nothing of whether the email exists.
public enum LoginOutcome: Sendable, Equatable {
    case signedIn(SessionGrant)
    case refused
    /// Too many failures for this account or this address lately; try again after this many seconds.
    case throttled(retryAfterSeconds: Int)
}
