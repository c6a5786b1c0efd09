import Foundation

/// A person who signs in to the dashboard. The email (lowercase) is unique in the whole install: it belongs to one tenant.
/// `role` is the persisted text (`owner`, `editor`, `viewer`); `passwordHash` a PHC-like scrypt string with its parameters.
public struct DashboardUserRecord: Sendable, Equatable {
    public var id: String
    public var tenantID: String
    public var email: String
    public var role: String
    public var passwordHash: String
    public var language: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, tenantID: String, email: String, role: String, passwordHash: String, language: String?, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.email = email
        self.role = role
        self.passwordHash = passwordHash
        self.language = language
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    static let columns = ["id", "tenant_id", "email", "role", "password_hash", "language", "created_at", "updated_at"]

    init(row: SQLRow, offset: Int = 0) {
        self.init(
            id: row.text(offset) ?? "", tenantID: row.text(offset + 1) ?? "", email: row.text(offset + 2) ?? "",
            role: row.text(offset + 3) ?? "viewer", passwordHash: row.text(offset + 4) ?? "", language: row.text(offset + 5),
            createdAt: row.date(offset + 6) ?? .distantPast, updatedAt: row.date(offset + 7) ?? .distantPast)
    }

    var values: [SQLValue] {
        [.text(id), .text(tenantID), .text(email), .text(role), .text(passwordHash), .text(language), .date(createdAt), .date(updatedAt)]
    }
}
