import AutopilotCore
import Foundation

/// A contact's date for a date trigger, without the rest of the contact: what an hourly sweep needs.
public struct ContactDate: Sendable, Hashable {
    public var contactID: String
    public var timezone: String?
    /// `YYYY-MM-DD` (birthdate) or ISO 8601 (order and creation times).
    public var value: String

    public init(contactID: String, timezone: String?, value: String) {
        self.contactID = contactID
        self.timezone = timezone
        self.value = value
    }
}

extension SQLStore {
    /// The contacts after `afterID` (by id) whose `property` is set, with its value; nil when the property is not a
    /// column (an `attributes.NAME`), in which case the caller reads whole contacts.
    public func contactDates(tenantID: String, property: String, afterID: String, limit: Int) async throws -> [ContactDate]? {
        guard ["birthdate", "first_order_at", "last_order_at", "created_at"].contains(property) else { return nil }
        let rows = try await database.read([
            SQLStatement(
                "SELECT id, timezone, \(property) FROM contacts WHERE tenant_id = ? AND id > ? AND \(property) IS NOT NULL ORDER BY id LIMIT ?",
                [.text(tenantID), .text(afterID), .integer(limit)])
        ])
        return rows[0].compactMap { row in
            guard let id = row.text(0) else { return nil }
            let value = property == "birthdate" ? row.text(2) : row.date(2).map(Timestamp.format)
            return value.map { ContactDate(contactID: id, timezone: row.text(1), value: $0) }
        }
    }

    /// The distinct time zones of the tenant's contacts (nil: none set, the tenant's applies), in no particular order.
    public func contactTimeZones(tenantID: String) async throws -> [String?] {
        try await database.read([SQLStatement("SELECT DISTINCT timezone FROM contacts WHERE tenant_id = ?", [.text(tenantID)])])[0].map {
            $0.text(0)
        }
    }
}
