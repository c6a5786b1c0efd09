import Foundation

/// A signed-in dashboard session. Only the SHA-256 (hex) of the cookie's raw token is kept; the tenant is the user's.
public struct DashboardSessionRecord: Sendable, Equatable {
    public var tokenHash: String
    public var userID: String
    public var tenantID: String
    public var csrfToken: String
    public var createdAt: Date
    public var expiresAt: Date
    public var lastSeenAt: Date

    public init(tokenHash: String, userID: String, tenantID: String, csrfToken: String, createdAt: Date, expiresAt: Date, lastSeenAt: Date) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.tenantID = tenantID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.lastSeenAt = lastSeenAt
    }

    static let columns = ["token_hash", "user_id", "tenant_id", "csrf_token", "created_at", "expires_at", "last_seen_at"]

    init(row: SQLRow) {
        self.init(
            tokenHash: row.text(0) ?? "", userID: row.text(1) ?? "", tenantID: row.text(2) ?? "", csrfToken: row.text(3) ?? "",
            createdAt: row.date(4) ?? .distantPast, expiresAt: row.date(5) ?? .distantPast, lastSeenAt: row.date(6) ?? .distantPast)
    }

    var values: [SQLValue] {
        [.text(tokenHash), .text(userID), .text(tenantID), .text(csrfToken), .date(createdAt), .date(expiresAt), .date(lastSeenAt)]
    }
}

/// A session read back with the user it belongs to.
public struct DashboardSessionRow: Sendable, Equatable {
    public var session: DashboardSessionRecord
    public var user: DashboardUserRecord

    public init(session: DashboardSessionRecord, user: DashboardUserRecord) {
        self.session = session
        self.user = user
    }
}

/// A one-time login link: the hash of its raw token, whom it signs in, until when, and when it was used.
public struct LoginLinkRecord: Sendable, Equatable {
    public var tokenHash: String
    public var userID: String
    public var tenantID: String
    public var expiresAt: Date
    public var usedAt: Date?

    public init(tokenHash: String, userID: String, tenantID: String, expiresAt: Date, usedAt: Date? = nil) {
        self.tokenHash = tokenHash
        self.userID = userID
        self.tenantID = tenantID
        self.expiresAt = expiresAt
        self.usedAt = usedAt
    }
}
